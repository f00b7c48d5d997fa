"""HTTP behaviour of every endpoint: read-only, cacheable for a minute, ETag and 304, JSON
errors, and the schema and docs at their contract URLs."""

import pytest

from motorpress.api.tests.demo import section
from motorpress.newsroom.tests.factories import create_article

ENDPOINTS = [
    "/articles?limit=5",
    "/articles/{article}",
    "/latest",
    "/sections",
    "/authors",
    "/authors/meera-kulkarni",
    "/makes",
    "/makes/suzuki",
    "/models?segment=scooter",
    "/models/suzuki/e-access",
    "/compare?vehicles=ktm-rc-160&vehicles=yamaha-r15",
    "/claims?status=late",
    "/openapi.json",
]


@pytest.fixture
def article_id(api):
    return api("/latest").json()["items"][0]["id"]


@pytest.mark.parametrize("path", ENDPOINTS)
def test_every_answer_is_public_for_a_minute_with_an_etag_and_304_when_unchanged(
    api, article_id, path
):
    path = path.format(article=article_id)
    first = api(path)
    assert first.status_code == 200
    assert first["Content-Type"].startswith("application/json")
    assert_public_for_a_minute(first)
    etag = first["ETag"]
    assert etag.startswith('"')
    assert etag.endswith('"')
    again = api(path, if_none_match=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert_public_for_a_minute(again)
    assert api(path, if_none_match='"something-else"').status_code == 200


def test_the_etag_changes_when_the_content_does(api):
    before = api("/latest")
    create_article(section("news"), title="A brand new story")
    after = api("/latest", if_none_match=before["ETag"])
    assert after.status_code == 200
    assert after["ETag"] != before["ETag"]
    assert after.json()["items"][0]["title"] == "A brand new story"


def test_errors_are_json_and_cacheable_too(api):
    response = api("/articles/999999")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert_public_for_a_minute(response)


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "options"])
@pytest.mark.parametrize("path", ["/articles", "/models/suzuki/e-access", "/openapi.json"])
def test_the_api_is_read_only(client, demo, method, path):
    response = getattr(client, method)(f"/api/v1{path}")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert "read-only" in response.json()["detail"]


def test_head_answers_like_get(client, demo):
    head = client.head("/api/v1/sections")
    get = client.get("/api/v1/sections")
    assert head.status_code == 200
    assert head["ETag"] == get["ETag"]


def test_an_unknown_api_path_is_a_json_404(api):
    for path in ["/nothing-here", "/articles/", "/makes/suzuki/e-access/extra"]:
        response = api(path)
        assert response.status_code == 404, path
        assert response.json()["detail"].startswith("No such API endpoint"), path


def test_the_index_links_the_docs_and_the_schema(api):
    assert api("/").json() == {
        "title": "motorpress API",
        "version": "1",
        "docs": "http://testserver/api/v1/docs",
        "openapi": "http://testserver/api/v1/openapi.json",
    }


def test_the_openapi_schema_is_3_1_and_documents_every_endpoint_and_error(api):
    schema = api("/openapi.json").json()
    assert schema["openapi"].startswith("3.1")
    assert schema["info"]["title"] == "motorpress API"
    assert schema["info"]["version"] == "1"
    paths = schema["paths"]
    assert set(paths) == {
        "/api/v1/articles",
        "/api/v1/articles/{article_id}",
        "/api/v1/latest",
        "/api/v1/sections",
        "/api/v1/authors",
        "/api/v1/authors/{slug}",
        "/api/v1/makes",
        "/api/v1/makes/{slug}",
        "/api/v1/models",
        "/api/v1/models/{make}/{model}",
        "/api/v1/models/{make}/{model}/on-road",
        "/api/v1/emi",
        "/api/v1/compare",
        "/api/v1/claims",
    }
    assert all(set(operations) == {"get"} for operations in paths.values())
    articles = paths["/api/v1/articles"]["get"]
    assert set(articles["responses"]) == {"200", "400", "422"}
    limit = next(p for p in articles["parameters"] if p["name"] == "limit")
    assert limit["schema"]["maximum"] == 100
    assert limit["schema"]["default"] == 20
    assert set(paths["/api/v1/compare"]["get"]["responses"]) == {"200", "400", "404", "422"}


def test_the_interactive_docs_load_the_schema(api):
    response = api("/docs")
    assert response.status_code == 200
    assert b"/api/v1/openapi.json" in response.content


def assert_public_for_a_minute(response):
    """Browsers keep an answer a minute; shared caches (purged on publish) longer."""
    directives = {d.strip() for d in response["Cache-Control"].split(",")}
    assert {"public", "max-age=60", "s-maxage=600"} <= directives, directives
