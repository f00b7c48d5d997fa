"""Cache headers, conditional GETs and the anonymous full-page cache, on real pages."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from motorpress.newsroom.services import site_structure_ensure
from motorpress.newsroom.tests.factories import create_article

pytestmark = pytest.mark.django_db

SHARED_DIRECTIVES = ("public", "s-maxage=600", "stale-while-revalidate=60", "stale-if-error=86400")


@pytest.fixture
def story(db):
    structure = site_structure_ensure()
    return create_article(structure.sections["news"], title="Ather Rizta gets a bigger battery")


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("chief", "chief@example.com", "pw")


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE = {"ENABLED": True, "TIMEOUT": 600}
    return Client()  # a new client loads the middleware with the setting on


def directives(response) -> set[str]:
    return {d.strip() for d in response["Cache-Control"].split(",")}


@pytest.mark.parametrize("path", ["/", "/news/", "/latest/", "/vehicles/", "/tracker/"])
def test_public_pages_tell_shared_caches_how_long_and_how_stale(client, story, path):
    response = client.get(path)
    assert response.status_code == 200
    assert set(SHARED_DIRECTIVES) <= directives(response)
    assert "max-age=60" in directives(response)
    assert response.has_header("ETag")


def test_article_answers_a_conditional_get_with_304(client, story):
    first = client.get(story.url)
    again = client.get(story.url, headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304
    assert again.content == b""
    changed = client.get(story.url, headers={"if-none-match": '"something-else"'})
    assert changed.status_code == 200


def test_feed_keeps_its_lifetime_and_gains_shared_cache_directives(client, story):
    response = client.get("/feeds/latest.rss")
    assert "max-age=300" in directives(response)
    assert "s-maxage=600" in directives(response)


def test_a_signed_in_editor_gets_private_answers(client, story, editor):
    client.force_login(editor)
    for path in ("/", story.url, "/latest/"):
        response = client.get(path)
        assert "private" in directives(response), path
        assert "public" not in directives(response), path


def test_admin_and_preview_are_private_even_without_a_session(client, story, editor):
    assert "private" in directives(client.get("/admin/login/"))
    client.force_login(editor)
    preview = client.get(f"/admin/pages/{story.pk}/view_draft/")
    assert preview.status_code == 200
    assert "public" not in preview["Cache-Control"]


def test_a_response_that_sets_a_cookie_is_private(client, story):
    # The admin login form sets the CSRF cookie.
    response = client.get("/admin/login/")
    assert response.cookies
    assert "private" in directives(response)


def test_post_and_errors_are_never_public(client, story):
    assert "public" not in client.post("/search/").get("Cache-Control", "")


def test_page_cache_serves_anonymous_readers_without_touching_the_database(page_cache, story):
    first = page_cache.get(story.url)
    assert first["X-Page-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = page_cache.get(story.url)
    assert second["X-Page-Cache"] == "hit"
    assert len(queries) == 0
    assert second.content == first.content
    assert second["Cache-Control"] == first["Cache-Control"]
    assert second["Content-Type"] == first["Content-Type"]


def test_a_cached_page_still_answers_conditional_gets(page_cache, story):
    first = page_cache.get(story.url)
    again = page_cache.get(story.url, headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304


def test_publishing_shows_at_once_through_the_page_cache(
    page_cache, story, django_capture_on_commit_callbacks
):
    assert b"Ather Rizta gets a bigger battery" in page_cache.get("/").content
    assert page_cache.get("/")["X-Page-Cache"] == "hit"
    story.title = "Ather Rizta Z gets a 3.7 kWh battery"
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()
    home = page_cache.get("/")
    assert home["X-Page-Cache"] == "miss"
    assert b"Ather Rizta Z gets a 3.7 kWh battery" in home.content
    assert b"Ather Rizta Z gets a 3.7 kWh battery" in page_cache.get(story.url).content


def test_a_publish_that_rolls_back_leaves_cached_pages_as_they_were(
    page_cache, story, django_capture_on_commit_callbacks
):
    page_cache.get("/")
    # The generation moves on only after a commit: a rolled-back publish registers the bump
    # with the transaction, which is thrown away with it.
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        story.title = "Never published"
        story.save_revision().publish()
    assert callbacks, "publishing registers its cache work for after the commit"
    home = page_cache.get("/")
    assert home["X-Page-Cache"] == "hit"
    assert b"Never published" not in home.content


def test_editors_bypass_the_page_cache(page_cache, story, editor):
    page_cache.get(story.url)
    page_cache.force_login(editor)
    response = page_cache.get(story.url)
    assert not response.has_header("X-Page-Cache")
    assert "private" in directives(response)


def test_query_strings_are_cached_separately(page_cache, story):
    assert page_cache.get("/latest/?page=1")["X-Page-Cache"] == "miss"
    assert page_cache.get("/latest/")["X-Page-Cache"] == "miss"
    assert page_cache.get("/latest/?page=1")["X-Page-Cache"] == "hit"


def test_not_found_pages_are_cached_but_server_errors_are_not(page_cache, story):
    assert page_cache.get("/news/no-such-story/").status_code == 404
    assert page_cache.get("/news/no-such-story/")["X-Page-Cache"] == "hit"
    bad_page = page_cache.get("/latest/?page=abc")
    assert bad_page.status_code in (400, 404)


def test_page_cache_with_redis_unreachable_still_serves_pages(settings, story):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            # Nothing listens on port 1: every cache call fails at connect.
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.2,
                "SOCKET_TIMEOUT": 0.2,
            },
        }
    }
    settings.PAGE_CACHE = {"ENABLED": True, "TIMEOUT": 600}
    client = Client()
    for path in ("/", story.url, "/latest/"):
        response = client.get(path)
        assert response.status_code == 200, path
    assert b"Ather Rizta gets a bigger battery" in client.get("/").content


def test_a_304_is_never_replayed_from_the_page_cache(
    page_cache, story, django_capture_on_commit_callbacks
):
    from motorpress.core.cache import bump_content_generation

    first = page_cache.get("/api/v1/latest")
    with django_capture_on_commit_callbacks(execute=True):
        bump_content_generation()  # something else was published: the cached copy is gone
    # A reader whose copy is still current misses the page cache; the API answers the 304.
    conditional = page_cache.get("/api/v1/latest", headers={"if-none-match": first["ETag"]})
    assert conditional.status_code == 304
    again = page_cache.get("/api/v1/latest")
    assert again.status_code == 200
    assert again.content == first.content


def test_a_request_reads_the_content_generation_once():
    from django.core.cache import cache

    from motorpress.core.cache import content_generation, pinned_generation

    outside = content_generation()
    with pinned_generation(outside):
        cache.clear()  # whatever the cache holds now, this request keeps its generation
        assert content_generation() == outside
        assert cache.get("motorpress:content-generation") is None, "the cache was asked again"
    content_generation()  # outside a request the cache is asked again
    assert cache.get("motorpress:content-generation") is not None
