"""Per-site lookups cached across requests, not repeated on each one."""

from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from wagtail.models import Site

from motorpress.core.cache import content_generation

_MISSING = "none"


class CachedSiteMiddleware:
    """Finds the Wagtail Site for the request's host from the cache, saving a query per page.

    Wagtail's `Site.find_for_request` reads `request._wagtail_site` when it is set. The key
    includes the content generation, which moves on when a Site is saved or deleted.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            host = request.get_host()
        except DisallowedHost:
            return self.get_response(request)  # CommonMiddleware answers 400
        key = f"motorpress:site:{content_generation()}:{host}:{request.get_port()}"
        site = cache.get(key)
        if site is None:
            site = Site.find_for_request(request)
            cache.set(key, site or _MISSING, timeout=3600)
        else:
            request._wagtail_site = None if site == _MISSING else site
        return self.get_response(request)
