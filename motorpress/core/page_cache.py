"""A full-page cache for anonymous readers, kept in the default cache (Redis in production).

Why not Django's cache middleware: it keys on the Vary headers (a reader's stray cookie makes a
new copy), has no way to drop every page at once when something is published, and sits behind
the session and auth middleware. This one runs before them, answers a hit without touching the
database, and keys every entry on the content generation (motorpress.core.cache), which moves
on after each publish or catalogue change commits: stale pages are simply never read again.

A cache outage is a miss, never an error: django-redis is set to ignore connection errors, and
anything else the cache raises is logged and the page rendered as if there were no cache.
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.utils.cache import set_response_etag

from motorpress.core.cache import content_generation, pinned_generation
from motorpress.core.http_cache import is_private_request, is_public_response

logger = logging.getLogger(__name__)

# Hop-by-hop or per-response headers that must not be replayed from the cache.
_NOT_STORED = frozenset({"set-cookie", "x-page-cache", "date", "connection"})
# Vary values the key already accounts for: cookie-holders bypass the cache entirely, and
# nothing here compresses per request (whitenoise serves static files before this runs).
_VARY_HANDLED = frozenset({"cookie", "accept-encoding"})


def page_cache_key(request, generation: int) -> str:
    target = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(target.encode()).hexdigest()[:32]
    return f"motorpress:page:{generation}:{digest}"


def _is_cacheable_request(request) -> bool:
    return request.method in ("GET", "HEAD") and not is_private_request(request)


def _is_storable(request, response) -> bool:
    # Only GET answers are stored: a view may leave the body out of its HEAD answer. A 304 is
    # public but answers one client's If-None-Match; replayed to others it would be empty.
    if request.method != "GET" or response.streaming or response.status_code == 304:
        return False
    if not is_public_response(request, response):
        return False
    cache_control = response.get("Cache-Control", "")
    if "public" not in cache_control:
        return False
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    return vary <= _VARY_HANDLED


def _freeze(response) -> tuple:
    if not response.has_header("ETag"):
        set_response_etag(response)  # once, here, rather than hashing the body on every hit
    headers = [(k, v) for k, v in response.items() if k.lower() not in _NOT_STORED]
    return (response.status_code, headers, response.content)


def _thaw(entry) -> HttpResponse:
    status, headers, content = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.enabled = settings.PAGE_CACHE["ENABLED"]
        self.timeout = settings.PAGE_CACHE["TIMEOUT"]

    def __call__(self, request):
        try:
            generation = content_generation()
        except Exception:  # the cache itself failed: render as if there were none
            logger.warning("page cache unavailable", exc_info=True)
            return self.get_response(request)
        # Every later read of the generation in this request (keys, fragments) reuses it.
        with pinned_generation(generation):
            if not (self.enabled and _is_cacheable_request(request)):
                return self.get_response(request)
            return self._cached_response(request, generation)

    def _cached_response(self, request, generation: int):
        try:
            key = page_cache_key(request, generation)
        except DisallowedHost:
            return self.get_response(request)  # CommonMiddleware answers 400
        entry = self._read(key)
        if entry is not None:
            response = _thaw(entry)
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if _is_storable(request, response):
            self._write(key, _freeze(response))
            response["X-Page-Cache"] = "miss"
        return response

    def _read(self, key):
        try:
            return cache.get(key)
        except Exception:  # an outage must cost a render, never the page
            logger.warning("page cache read failed", exc_info=True)
            return None

    def _write(self, key, entry) -> None:
        try:
            cache.set(key, entry, timeout=self.timeout)
        except Exception:
            logger.warning("page cache write failed", exc_info=True)
