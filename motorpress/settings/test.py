"""Test settings: fast hashing, in-memory media, the database from TEST_DATABASE_URL if set."""

from .base import *

SECRET_KEY = "test-only-key"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = BASE_DIR / "var" / "test-media"
STORAGES["staticfiles"] = {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
}
if env.str("TEST_DATABASE_URL", default=""):
    DATABASES = {"default": env.db("TEST_DATABASE_URL")}

SERVE_MEDIA = True
# Each test process has its own cache, emptied around every test (conftest.py); the tests that
# need the page cache turn it on themselves.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
PAGE_CACHE = {**PAGE_CACHE, "ENABLED": False}
