"""The JSON API, mounted at /api/v1/: an index, the ninja routes (each behind the public-cache
wrapper) and a JSON 404 for any other path under /api/v1/."""

from django.http import JsonResponse
from django.urls import URLPattern, include, path, re_path, reverse

from motorpress.api.api import api
from motorpress.api.caching import public_api_view


def _links(request) -> dict:
    return {
        name: request.build_absolute_uri(reverse(f"{api.urls_namespace}:{view}"))
        for name, view in (("docs", "openapi-view"), ("openapi", "openapi-json"))
    }


def index(request):
    return JsonResponse({"title": api.title, "version": api.version, **_links(request)})


def unknown_endpoint(request, rest):
    return JsonResponse(
        {"detail": f"No such API endpoint; see {_links(request)['docs']}."}, status=404
    )


def _wrapped(patterns):
    return [
        URLPattern(p.pattern, public_api_view(p.callback), p.default_args, p.name) for p in patterns
    ]


# Not `app_name` at module level: Django would read it as this URLconf's own namespace.
_patterns, _app, _namespace = api.urls
urlpatterns = [
    path("", public_api_view(index), name="api-index"),
    path("", include((_wrapped(_patterns), _app), namespace=_namespace)),
    re_path(r"^(?P<rest>.+)$", public_api_view(unknown_endpoint)),
]
