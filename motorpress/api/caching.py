"""HTTP behaviour shared by every API URL: read-only, public for a minute, ETag and 304."""

from functools import wraps

from django.conf import settings
from django.http import JsonResponse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag

MAX_AGE = 60
SAFE_METHODS = ("GET", "HEAD")


def method_not_allowed(request) -> JsonResponse:
    response = JsonResponse(
        {"detail": f"Method {request.method} is not allowed: the API is read-only (GET)."},
        status=405,
    )
    response["Allow"] = ", ".join(SAFE_METHODS)
    return response


def public_api_view(view):
    """Wrap an API view: other methods than GET and HEAD get 405; every answer may be cached
    publicly for a minute, carries an ETag (a hash of its body) and a matching If-None-Match
    gets 304. The API sets no cookies and reads no session, so one cached copy serves all.
    For the same reason it speaks one language: labels and figures are English (LANGUAGE_CODE)
    whatever the request's language, though the pages' formatters and labels are translated."""

    @wraps(view)
    @translation.override(settings.LANGUAGE_CODE)
    def wrapped(request, *args, **kwargs):
        if request.method not in SAFE_METHODS:
            return method_not_allowed(request)
        if request.method == "HEAD":
            # Answer as GET; servers drop the body of a HEAD response.
            request.method = "GET"
            try:
                response = view(request, *args, **kwargs)
            finally:
                request.method = "HEAD"
        else:
            response = view(request, *args, **kwargs)
        patch_cache_control(response, public=True, max_age=MAX_AGE)
        response["Access-Control-Allow-Origin"] = "*"
        if response.streaming:
            return response
        if not response.has_header("ETag"):
            set_response_etag(response)
        return get_conditional_response(request, etag=response["ETag"], response=response)

    # Nothing here changes state, so there is nothing for a CSRF token to protect (and a POST
    # must meet a 405, not a 403).
    wrapped.csrf_exempt = True
    return wrapped
