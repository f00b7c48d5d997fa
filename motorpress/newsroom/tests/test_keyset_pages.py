"""Story listings page by keyset ("Older stories" → ?before=<cursor>): every story once, newest
first, as quick deep down as on page 1; old ?page=N links keep working or redirect; cursors we
did not make are a 400, never a 500."""

from datetime import UTC, datetime, timedelta

import pytest
from bs4 import BeautifulSoup

from motorpress.core import pagination
from motorpress.newsroom.services import site_structure_ensure
from motorpress.newsroom.tests.factories import AuthorFactory, create_article

pytestmark = pytest.mark.django_db

START = datetime(2026, 1, 1, 6, 0, tzinfo=UTC)


@pytest.fixture
def site(db):
    return site_structure_ensure()


@pytest.fixture
def author():
    return AuthorFactory(name="Meera Iyer", slug="meera-iyer")


def _titles(response) -> list[str]:
    page = BeautifulSoup(response.content, "html.parser")
    return [h.get_text(strip=True) for h in page.select(".card__title")]


def _older_link(response) -> str | None:
    link = BeautifulSoup(response.content, "html.parser").select_one('a[rel="next"]')
    return link["href"] if link else None


def _walk(client, url: str) -> list[str]:
    seen, next_url = [], url
    while next_url:
        response = client.get(next_url)
        assert response.status_code == 200, next_url
        seen += _titles(response)
        older = _older_link(response)
        next_url = url + older if older else None
    return seen


def _stories(site, author, count, *, same_moment_every=1):
    for n in range(count):
        moment = START + timedelta(hours=n // same_moment_every)
        create_article(
            site.sections["features"],
            title=f"Feature {n:02d}",
            kind="feature",
            authors=[author],
            published_at=moment,
        )


@pytest.mark.parametrize("url", ["/latest/", "/features/", "/authors/meera-iyer/"])
def test_older_stories_links_reach_every_story_once_newest_first(client, site, author, url):
    _stories(site, author, 45)
    assert _walk(client, url) == [f"Feature {n:02d}" for n in reversed(range(45))]


def test_stories_published_in_the_same_microsecond_are_neither_skipped_nor_repeated(
    client, site, author
):
    _stories(site, author, 43, same_moment_every=7)
    walked = _walk(client, "/latest/")
    assert sorted(walked) == sorted(f"Feature {n:02d}" for n in range(43))
    assert len(walked) == len(set(walked))


def test_a_keyset_page_names_itself_in_its_canonical_link_and_title(client, site, author):
    _stories(site, author, 25)
    older = _older_link(client.get("/latest/"))
    page = BeautifulSoup(client.get("/latest/" + older).content, "html.parser")
    assert page.select_one('link[rel="canonical"]')["href"].endswith("/latest/" + older)
    assert "older stories" in page.title.get_text()
    assert page.select_one(".pagination a").get_text() == "Newest stories"


def test_an_old_deep_page_number_redirects_once_to_the_same_stories(
    client, site, author, monkeypatch
):
    _stories(site, author, 45)
    shallow = _titles(client.get("/latest/?page=2"))
    monkeypatch.setattr(pagination, "MAX_OFFSET_PAGE", 1)
    response = client.get("/latest/?page=2")
    assert response.status_code == 301
    assert response["Location"].startswith("/latest/?before=")
    assert _titles(client.get(response["Location"])) == shallow
    assert client.get("/latest/?page=4").status_code == 404


@pytest.mark.parametrize(
    "cursor",
    ["abc", "1-0", "-1-5", "1.5-3", "1-1-1", "", "%00", "1" * 40 + "-1", "1-" + "9" * 13],
)
@pytest.mark.parametrize("url", ["/latest/", "/news/", "/authors/meera-iyer/"])
def test_a_cursor_we_did_not_make_is_a_400_page(client, site, author, url, cursor):
    response = client.get(url, {"before": cursor})
    assert response.status_code == 400
    assert b"We could not read that address" in response.content


def test_a_forged_but_well_formed_cursor_is_only_a_position(client, site, author):
    _stories(site, author, 3)
    assert client.get("/latest/", {"before": "1-1"}).status_code == 200  # 1970: nothing older
    assert _titles(client.get("/latest/", {"before": "1-1"})) == []
    far_future = _titles(client.get("/latest/", {"before": "4102444800000000-1"}))
    assert far_future == ["Feature 02", "Feature 01", "Feature 00"]


def test_a_deep_keyset_page_costs_what_the_first_page_costs(
    client, site, author, queries_after_publish
):
    _stories(site, author, 45)
    first, response = queries_after_publish(client, "/latest/")
    deep_link = "/latest/" + _older_link(client.get("/latest/" + _older_link(response)))
    deep, _ = queries_after_publish(client, deep_link)
    assert len(deep) <= len(first)
