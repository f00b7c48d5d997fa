"""Cache-Control for every response: public for readers, private for editors and the admin.

A response is public when any reader could be given the same bytes: a GET or HEAD from a
visitor without a session cookie, answered without setting a cookie. Everything else is private,
so neither a CDN nor Varnish nor our own page cache can hand an editor's view to a reader.
"""

from django.conf import settings
from django.utils.cache import get_max_age, patch_cache_control

SAFE_METHODS = ("GET", "HEAD")
# Statuses whose answer is the same for every reader and worth keeping in a shared cache.
PUBLIC_STATUSES = frozenset({200, 203, 204, 300, 301, 304, 308, 404, 410})
_PRIVATE_DIRECTIVES = ("private", "no-store", "no-cache")


def _cache_control(response) -> str:
    return response.get("Cache-Control", "").lower()


def is_private_request(request) -> bool:
    """Signed-in or session-holding visitors (editors, unlocked private pages), and the admin."""
    if request.path.startswith(settings.HTTP_CACHE["PRIVATE_PREFIXES"]):
        return True
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def mark_public(response, *, max_age: int | None = None) -> None:
    """Let browsers keep it for max_age, shared caches (purged on publish) for s-maxage, and
    shared caches serve it stale while they refetch it or while the app is down."""
    policy = settings.HTTP_CACHE
    browser_age = policy["MAX_AGE"] if max_age is None else max_age
    patch_cache_control(
        response,
        public=True,
        max_age=browser_age,
        s_maxage=max(policy["S_MAXAGE"], browser_age),
        stale_while_revalidate=policy["STALE_WHILE_REVALIDATE"],
        stale_if_error=policy["STALE_IF_ERROR"],
    )


def mark_private(response) -> None:
    # no-cache, not no-store: the browser may keep it but must revalidate (ETag) each time.
    response.headers.pop("Cache-Control", None)
    patch_cache_control(response, private=True, no_cache=True)


def is_public_response(request, response) -> bool:
    return (
        request.method in SAFE_METHODS
        and response.status_code in PUBLIC_STATUSES
        and not response.cookies
        and not is_private_request(request)
    )


class CacheHeadersMiddleware:
    """Applies the policy to whatever a view returned.

    Views that chose their own public lifetime (feeds, sitemaps, the API) keep their max-age
    and get the shared-cache directives added; views that said private or no-store keep it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        chosen = _cache_control(response)
        if any(directive in chosen for directive in _PRIVATE_DIRECTIVES):
            return response
        if not is_public_response(request, response):
            mark_private(response)
        elif "public" in chosen and "s-maxage" not in chosen:
            mark_public(response, max_age=get_max_age(response))
        elif not chosen:
            mark_public(response)
        return response
