"""Settings shared by every environment; values come from the environment (django-environ)."""

import hashlib
from pathlib import Path

import environ

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env.str("SECRET_KEY", default="")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # Our apps come first so their management commands (publish_scheduled) win.
    "motorpress.core",
    "motorpress.catalogue",
    "motorpress.compare",
    "motorpress.ledger",
    "motorpress.discovery",
    "motorpress.api",
    "motorpress.newsroom",
    "motorpress.importing",
    "motorpress.demo",
    "wagtail.locales",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "ninja",  # serves the API docs' Swagger UI from our static files, not a CDN
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "motorpress.core.middleware.EditionMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "motorpress.core.middleware.CachedSiteMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "motorpress.core.middleware.AtomicAdminWritesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "motorpress.importing.middleware.WordPressShortLinkMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "motorpress.urls"
WSGI_APPLICATION = "motorpress.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "motorpress.core.context_processors.site_identity",
                "motorpress.core.context_processors.edition",
            ],
        },
    },
]

# SQLite by default (WAL, immediate transactions so concurrent writers queue instead of
# failing); PostgreSQL through DATABASE_URL.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;"
            ),
        }
    )
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL", default="")
# A Redis outage must never take the site down: errors are cache misses, timeouts are short,
# and a hung Redis costs one timeout, not one per cache call (core/redis_breaker.py).
REDIS_CACHE_OPTIONS = {
    "IGNORE_EXCEPTIONS": True,
    "SOCKET_CONNECT_TIMEOUT": 0.2,
    "SOCKET_TIMEOUT": 0.2,
    "CONNECTION_POOL_CLASS": "motorpress.core.redis_breaker.CircuitBreakerConnectionPool",
}
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": REDIS_CACHE_OPTIONS,
        }
    }
else:
    # Without Redis the cache still has to be one that every server process sees: the content
    # generation, the page cache and the fragments keyed on it are only right if a publish in
    # one gunicorn worker (or the scheduler) moves them on for all. A per-process cache would
    # leave the other workers serving what they cached before, with no end.
    # One folder per database, so the demo, Lighthouse's and the benchmark's sites (each with
    # its own database) never read one another's pages.
    _database = f"{DATABASES['default'].get('HOST', '')}/{DATABASES['default']['NAME']}"
    CACHES = {
        "default": {
            "BACKEND": "motorpress.core.file_cache.UncompressedFileBasedCache",
            # "raw-": entries written uncompressed, never mixed with an older compressed folder.
            "LOCATION": Path(env.str("CACHE_DIR", default=str(BASE_DIR / "var" / "cache")))
            / f"raw-{hashlib.sha256(_database.encode()).hexdigest()[:12]}",
            # Past MAX_ENTRIES every write lists the folder and drops a quarter of it at random.
            "OPTIONS": {"MAX_ENTRIES": 20_000, "CULL_FREQUENCY": 4},
        }
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
# The editions: English at /, Hindi at /hi/ (the URL prefix is the language code).
LANGUAGES = [("en-gb", "English"), ("hi", "हिन्दी")]
# What each edition declares in lang="" and hreflang: its language as read in India.
EDITION_HTML_LANG = {"en-gb": "en-IN", "hi": "hi-IN"}
LOCALE_PATHS = [PROJECT_DIR / "locale"]
TIME_ZONE = "Asia/Kolkata"  # times are stored in UTC and shown in India's time by default
USE_I18N = True
USE_TZ = True
# The Hindi edition prints figures and dates in 0-9, as Hindi news sites do; true: Devanagari.
DEVANAGARI_DIGITS = env.bool("DEVANAGARI_DIGITS", default=False)

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "var" / "media")
# Django serves MEDIA_ROOT itself only where nothing else does (the demo, tests).
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=False)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

WAGTAIL_SITE_NAME = env.str("SITE_NAME", default="motorpress")
WAGTAILADMIN_BASE_URL = env.str("BASE_URL", default="http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"png": "webp", "jpeg": "webp", "gif": "gif"}
# Editions are Wagtail locales, each with its own page tree; editors translate a page with
# simple_translation's "Translate" action (a copy to rewrite), or write in one edition only.
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# What other apps add to vehicle pages: the catalogue app knows nothing of them.
CATALOGUE_VEHICLE_PANELS = [
    "motorpress.newsroom.panels.tested_figures_panel",
    "motorpress.ledger.panels.claims_panel",
    "motorpress.newsroom.panels.stories_panel",
]
CATALOGUE_TRACK_RECORDS = "motorpress.ledger.panels.track_records"
# On PostgreSQL, stories are searched in our own RUM-indexed table (discovery/search/README.md);
# false when WAGTAILSEARCH_BACKENDS points at Elasticsearch or OpenSearch.
STORY_SEARCH_TABLE = env.bool("STORY_SEARCH_TABLE", default=True)
# Other apps' pages that show a vehicle, purged from Varnish/the CDN when it changes.
CATALOGUE_PURGE_PATHS = [
    "motorpress.ledger.purging.tracker_paths",
    "motorpress.newsroom.purging.vehicle_story_paths",
]

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}

# HTTP cache headers, the anonymous page cache and CDN purging (extends MIDDLEWARE).
from .caching import *  # noqa: E402

# Headers, CSP, password hashing, login throttling and upload limits; last, as it extends the
# lists above (MIDDLEWARE, INSTALLED_APPS).
from .security import *  # noqa: E402
