"""PostgreSQL's story search table: it follows publishing, ranks relevance then freshness, and
says "about" when a query matches more stories than it ranks. (SQLite searches through
Wagtail's FTS5 backend and has no such table: test_search.py covers both.)"""

from datetime import UTC, datetime

import pytest
from django.core.management import call_command
from django.db import connection

from motorpress.discovery.search import story_hits
from motorpress.discovery.tests.test_search import soup, story, story_titles
from motorpress.newsroom.models import ArticlePage
from motorpress.newsroom.services import site_structure_ensure

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="the story search table is PostgreSQL's"
    ),
]


@pytest.fixture
def site(db):
    return site_structure_ensure()


def _search(client, **params):
    return soup(client.get("/search/", params))


def _indexed_ids() -> set[int]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT page_id FROM discovery_storysearch")
        return {row[0] for row in cursor.fetchall()}


def test_a_story_is_found_once_published_and_gone_once_unpublished(client, site):
    draft = story(site.sections["news"], "Zanskar trail test", publish=False)
    assert draft.pk not in _indexed_ids()
    draft.save_revision().publish()
    assert story_titles(_search(client, q="Zanskar")) == ["Zanskar trail test"]
    ArticlePage.objects.get(pk=draft.pk).unpublish()
    assert draft.pk not in _indexed_ids()
    assert story_titles(_search(client, q="Zanskar")) == []


def test_moving_a_story_moves_it_between_section_filters(client, site):
    moved = story(site.sections["news"], "Zanskar moved story")
    moved.move(site.sections["reviews"], pos="last-child")
    assert story_titles(_search(client, q="Zanskar", section="reviews")) == ["Zanskar moved story"]
    assert story_titles(_search(client, q="Zanskar", section="news")) == []


def test_equally_relevant_stories_come_newest_first_and_every_word_beats_one(client, site):
    news = site.sections["news"]
    for title, year in [("Zanskar ridge ride", 2023), ("Zanskar ridge ride", 2026)]:
        story(news, title, first_published_at=datetime(year, 3, 1, tzinfo=UTC))
    story(news, "Zanskar alone", first_published_at=datetime(2026, 6, 1, tzinfo=UTC))
    found = ArticlePage.objects.filter(title="Zanskar ridge ride").order_by("-first_published_at")
    page = _search(client, q="Zanskar ridge")
    links = [a["href"] for a in page.select(".search-results h3 a")]
    assert links[:2] == [found[0].url, found[1].url]
    assert story_titles(page)[-1] == "Zanskar alone"


def test_more_matches_than_candidates_is_an_approximate_count(client, site, monkeypatch):
    monkeypatch.setattr(story_hits, "CANDIDATES", 3)
    for n in range(5):
        story(site.sections["news"], f"Zanskar convoy day {n}")
    story(site.sections["news"], "Ladakh solo ride")
    page = _search(client, q="Zanskar")
    assert page.select_one(".results-count").get_text().startswith("About ")
    assert len(story_titles(page)) == 3
    exact = _search(client, q="Ladakh")
    assert exact.select_one(".results-count").get_text().startswith("1 result")


def test_rebuilding_the_table_restores_every_live_story(client, site):
    story(site.sections["news"], "Zanskar rebuilt")
    story(site.sections["news"], "Zanskar draft only", publish=False)
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM discovery_storysearch")
    call_command("rebuild_story_index", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert story_titles(_search(client, q="Zanskar")) == ["Zanskar rebuilt"]


def test_with_the_table_turned_off_stories_are_searched_through_wagtails_backend(
    client, site, settings
):
    settings.STORY_SEARCH_TABLE = False  # as with Elasticsearch or OpenSearch configured
    found = story(site.sections["news"], "Zanskar through the backend")
    assert found.pk not in _indexed_ids()
    assert story_titles(_search(client, q="Zanskar")) == ["Zanskar through the backend"]


def test_the_table_has_a_word_index_and_the_date_index_the_walks_need(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'discovery_storysearch'")
        names = {row[0] for row in cursor.fetchall()}
    assert "discovery_storysearch_date" in names
    assert names & {"discovery_storysearch_rum", "discovery_storysearch_gin"}
