"""WordPress's short links (`/?p=123`) lead to the imported story.

Wagtail's RedirectMiddleware only looks for a redirect when a page is not found, but `/?p=123`
finds the home page. The importer stores these links as ordinary Redirect objects; this
middleware answers them before the home page does. Any other request passes straight through.
"""

from django import http
from wagtail.contrib.redirects.middleware import get_redirect


class WordPressShortLinkMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        post_id = request.GET.get("p", "") if request.path == "/" else ""
        if post_id.isdigit() and len(request.GET) == 1 and request.method in {"GET", "HEAD"}:
            redirect = get_redirect(request, f"/?p={post_id}")
            if redirect is not None and redirect.link:
                if redirect.is_permanent:
                    return http.HttpResponsePermanentRedirect(redirect.link)
                return http.HttpResponseRedirect(redirect.link)
        return self.get_response(request)
