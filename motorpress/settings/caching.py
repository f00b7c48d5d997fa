"""HTTP caching: headers for shared caches, the anonymous full-page cache, CDN purging.

Imported at the end of base.py; everything here reads the environment.
"""

from .base import MIDDLEWARE, env

# What public responses tell browsers (max-age: they cannot be purged, so short) and shared
# caches (s-maxage: Varnish or a CDN, purged on publish, so longer).
HTTP_CACHE = {
    "MAX_AGE": env.int("HTTP_CACHE_MAX_AGE", default=60),
    "S_MAXAGE": env.int("HTTP_CACHE_S_MAXAGE", default=600),
    "STALE_WHILE_REVALIDATE": env.int("HTTP_CACHE_STALE_WHILE_REVALIDATE", default=60),
    "STALE_IF_ERROR": env.int("HTTP_CACHE_STALE_IF_ERROR", default=86400),
    # Paths that are never public, whoever asks.
    "PRIVATE_PREFIXES": ("/admin/", "/django-admin/"),
}

# The full-page cache for anonymous readers, in the shared cache (Redis, or files without it).
PAGE_CACHE = {
    "ENABLED": env.bool("PAGE_CACHE", default=True),
    "TIMEOUT": env.int("PAGE_CACHE_TIMEOUT", default=600),
}


def _insert_after(anchor: str, *names: str) -> None:
    index = MIDDLEWARE.index(anchor) + 1
    MIDDLEWARE[index:index] = list(names)


# Outermost of ours: answers If-None-Match with 304 for cached and fresh responses alike, and
# serves anonymous readers from the page cache before sessions, CSRF or auth run at all.
_insert_after(
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "motorpress.core.page_cache.AnonymousPageCacheMiddleware",
)
# Inside authentication, so it can tell a signed-in editor from a reader.
_insert_after(
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "motorpress.core.http_cache.CacheHeadersMiddleware",
)


def _frontend_caches() -> dict:
    """Wagtail frontend-cache backends, from the environment: any combination may be set."""
    backends = {}
    if varnish := env.str("VARNISH_URL", default=""):
        backends["varnish"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": varnish,
        }
    if zone := env.str("CLOUDFLARE_ZONE_ID", default=""):
        backends["cloudflare"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "ZONEID": zone,
            "BEARER_TOKEN": env.str("CLOUDFLARE_BEARER_TOKEN", default=""),
        }
    if distribution := env.str("CLOUDFRONT_DISTRIBUTION_ID", default=""):
        backends["cloudfront"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": distribution,
        }
    return backends


WAGTAILFRONTENDCACHE = _frontend_caches()
