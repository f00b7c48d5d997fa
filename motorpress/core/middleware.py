"""Per-site lookups cached across requests, not repeated on each one."""

from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from wagtail.models import Site

from motorpress.core.cache import site_generation

_MISSING = "none"


class CachedSiteMiddleware:
    """Finds the Wagtail Site and its root page from the cache: two queries fewer per page.

    Wagtail's `Site.find_for_request` reads `request._wagtail_site` when it is set, and page
    serving reads `site.root_page.specific`, which is stored already resolved. The key holds
    the site generation, which moves on when a Site changes or a site's root page is published.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            host = request.get_host()
        except DisallowedHost:
            return self.get_response(request)  # CommonMiddleware answers 400
        key = f"motorpress:site:{site_generation()}:{host}:{request.get_port()}"
        site = cache.get(key)
        if site is None:
            site = Site.find_for_request(request)
            if site is not None:
                site.root_page = site.root_page.specific
            cache.set(key, site or _MISSING, timeout=3600)
        else:
            request._wagtail_site = None if site == _MISSING else site
        return self.get_response(request)
