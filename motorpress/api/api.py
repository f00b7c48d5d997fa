"""The motorpress JSON API v1: read-only, public, OpenAPI 3.1 at /api/v1/openapi.json."""

from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import ValidationError

from motorpress.api import articles, catalogue, claims, pricing

DESCRIPTION = """
Read-only JSON for motorpress: published stories, the vehicle catalogue, comparisons and the
claims ledger. Only published, public content is served.

* Every answer may be cached for 60 seconds and carries an `ETag`; send it back in
  `If-None-Match` to get `304 Not Modified`.
* `/articles` pages with an opaque `cursor` (`next_cursor` of the previous page); `limit` is 20
  by default and at most 100.
* Stories, sections and an author's stories are per edition: `lang=hi` for the Hindi one, `en`
  (the default) for English. Each story names its `lang` and its published `translations`;
  `/articles/{id}` serves a story of any edition.
* Errors are JSON: `{"detail": "..."}`; a malformed parameter is a 422 that also lists
  `errors`, a bad cursor or compare request a 400, an unknown thing a 404.
"""

api = NinjaAPI(
    version="1",
    title="motorpress API",
    description=DESCRIPTION,
    urls_namespace="api-v1",
)
api.add_router("", articles.router)
api.add_router("", catalogue.router)
api.add_router("", claims.router)
api.add_router("", pricing.router)


def _field(location) -> str:
    return ".".join(str(part) for part in location) or "(request)"


@api.exception_handler(ValidationError)
def validation_error(request, exc: ValidationError):
    issues = [
        {
            "location": str(error["loc"][0]) if error["loc"] else "request",
            "field": _field(error["loc"][1:]),
            "message": error["msg"],
        }
        for error in exc.errors
    ]
    detail = "; ".join(f"{i['location']} parameter '{i['field']}': {i['message']}" for i in issues)
    return api.create_response(request, {"detail": detail, "errors": issues}, status=422)


@api.exception_handler(Http404)
def not_found(request, exc: Http404):
    return api.create_response(request, {"detail": str(exc) or "Not found."}, status=404)
