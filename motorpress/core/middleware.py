"""Per-site lookups cached across requests, not repeated on each one."""

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.utils import translation
from wagtail.models import Site

from motorpress.core.cache import site_generation

_MISSING = "none"


class EditionMiddleware:
    """Activates the edition's language from the URL prefix ("/hi/…") and from nothing else.

    Django's LocaleMiddleware would also read Accept-Language and a cookie for unprefixed paths
    and mark every English page `Vary: Accept-Language`, which a shared cache (ours, Varnish, a
    CDN) must then store once per browser language. Here one URL is one page: /news/x/ is
    English for everyone and /hi/news/x/ Hindi. The admin picks its own language per editor.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = translation.get_language_from_path(request.path_info)
        # override(), not activate(): the thread's language is put back afterwards.
        with translation.override(language or settings.LANGUAGE_CODE):
            request.LANGUAGE_CODE = translation.get_language()
            response = self.get_response(request)
        if not request.path_info.startswith("/admin/"):
            response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        return response


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


class AtomicAdminWritesMiddleware:
    """Every write an editor makes in the admin commits whole or not at all.

    Wagtail's Publish button saves the page, updates the search index and sends
    `page_published` without a transaction: an error half-way would leave a half-published
    page. Reads and the public site are untouched (no transaction per page view). Django turns
    a view's exception into a 500 response before it reaches us, so a 5xx rolls back too.
    """

    SAFE_METHODS = ("GET", "HEAD", "OPTIONS")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in self.SAFE_METHODS or not request.path.startswith("/admin/"):
            return self.get_response(request)
        with transaction.atomic():
            response = self.get_response(request)
            if response.status_code >= 500:
                transaction.set_rollback(True)
        return response
