"""The `make demo` server: production-like (DEBUG off, whitenoise, gunicorn) on loopback, no TLS."""

from .base import *

DEBUG = False
SECRET_KEY = env.str("SECRET_KEY", default="demo-only-key-served-on-loopback")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

SERVE_MEDIA = True
