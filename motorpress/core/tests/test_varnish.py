"""The shipped Varnish config in front of the app: readers get cached pages, a publish purges
them after the commit, editors are never served from the cache. Real varnishd on loopback."""

import pytest
import requests
from django.db import transaction

from motorpress.core.tests.purge_servers import varnish_in_front
from motorpress.newsroom.tests.factories import AuthorFactory, create_article

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def cdn(live_server, tmp_path, settings):
    """(base URL of Varnish, a story) with the site's host being Varnish's address."""
    with varnish_in_front(live_server, tmp_path, settings) as (base, structure):
        author = AuthorFactory(slug="kavya-rao")
        story = create_article(
            structure.sections["news"], title="Bajaj Chetak 3503 launched", authors=[author]
        )
        yield base, story


def fetch(base: str, path: str, **kwargs) -> requests.Response:
    return requests.get(base + path, timeout=10, allow_redirects=False, **kwargs)


def warm(base: str, path: str) -> requests.Response:
    fetch(base, path)
    response = fetch(base, path)
    assert response.headers["X-Cache"] == "HIT", f"{path} was not cached"
    return response


LISTINGS = ["/", "/news/", "/latest/", "/feeds/latest.rss", "/authors/kavya-rao/", "/api/v1/latest"]


def test_readers_get_cached_pages_and_a_publish_shows_at_once(cdn):
    base, story = cdn
    for path in [story.url, *LISTINGS]:
        assert "Bajaj Chetak 3503 launched" in warm(base, path).text, path

    story.title = "Bajaj Chetak 3503 launched at Rs 1.10 lakh"
    story.save_revision().publish()

    for path in [story.url, *LISTINGS]:
        response = fetch(base, path)
        assert response.headers["X-Cache"] == "MISS", f"{path} was not purged"
        assert "Rs 1.10 lakh" in response.text, path


def test_query_string_variants_are_purged_with_their_path(cdn):
    base, story = cdn
    warm(base, "/latest/?page=1")
    story.save_revision().publish()
    assert fetch(base, "/latest/?page=1").headers["X-Cache"] == "MISS"


def test_a_rolled_back_publish_leaves_the_cached_page_alone(cdn):
    base, story = cdn
    warm(base, story.url)
    with pytest.raises(RuntimeError):
        publish_then_fail(story, "A headline that never went out")
    response = fetch(base, story.url)
    assert response.headers["X-Cache"] == "HIT"
    assert "A headline that never went out" not in response.text
    assert "A headline that never went out" not in fetch(base, "/", headers={}).text


def test_unpublishing_takes_the_story_out_of_the_cache(cdn):
    base, story = cdn
    warm(base, story.url)
    warm(base, "/")
    story.unpublish()
    assert fetch(base, story.url).status_code == 404
    assert "Bajaj Chetak 3503 launched" not in fetch(base, "/").text


def test_signed_in_editors_are_never_served_from_the_cache(cdn):
    base, story = cdn
    warm(base, story.url)
    editor = fetch(base, story.url, cookies={"sessionid": "an-editors-session"})
    assert editor.headers["X-Cache"] == "MISS"
    assert "private" in editor.headers["Cache-Control"]


def test_admin_is_never_cached(cdn):
    base, _ = cdn
    fetch(base, "/admin/login/")
    assert fetch(base, "/admin/login/").headers["X-Cache"] == "MISS"


def test_the_app_servers_may_purge_a_page_by_hand(cdn):
    # Loopback is in the purgers ACL; the shipped config names who else may purge.
    base, story = cdn
    warm(base, story.url)
    assert requests.request("PURGE", base + story.url, timeout=10).status_code == 200
    assert fetch(base, story.url).headers["X-Cache"] == "MISS"


def publish_then_fail(story, title: str) -> None:
    """Publish inside a transaction that then fails, as an error late in a request would."""
    with transaction.atomic():
        story.title = title
        story.save_revision().publish()
        raise RuntimeError("publishing failed half-way")
