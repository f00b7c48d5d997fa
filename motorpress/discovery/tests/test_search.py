"""/search/ finds live public stories, vehicles and people, marks what matched, and answers
hostile or malformed input with a 200 or a 400, never a 500, and never echoes it unescaped."""

import time
from datetime import UTC, datetime

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.text import slugify
from wagtail.models import PageViewRestriction

from motorpress.catalogue.tests.factories import MakeFactory, VehicleModelFactory
from motorpress.discovery.search.selectors import SearchFilters, SearchQuery, site_search
from motorpress.discovery.search.text import (
    MAX_QUERY_LENGTH,
    highlight,
    normalise_query,
    search_terms,
    snippet,
)
from motorpress.newsroom.models import ArticlePage, SectionPage
from motorpress.newsroom.services import article_create, site_structure_ensure
from motorpress.newsroom.tests.factories import AuthorFactory

SEARCH_BUDGET = 10


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def story_links(page) -> list[str]:
    return [a["href"] for a in page.select(".search-hit--story h3 a")]


def story_titles(page) -> list[str]:
    return [a.get_text() for a in page.select(".search-hit--story h3 a")]


def vehicle_links(page) -> list[str]:
    return [a["href"] for a in page.select(".search-hit--vehicle h3 a")]


def people_links(page) -> list[str]:
    return [a["href"] for a in page.select(".search-hit--person h3 a")]


_numbers = iter(range(1, 10**9))


def story(section, title, *, teaser=None, kind="news", vehicles=(), makes=(), **kwargs):
    """A published story through the newsroom's own service (so it is indexed as in use)."""
    number = next(_numbers)
    return article_create(
        section=section,
        title=title,
        slug=f"{slugify(title)[:60]}-{number}",
        kind=kind,
        teaser=teaser or f"Teaser for {title}.",
        highlights=["A highlight."],
        body=[{"type": "paragraph", "value": "<p>Body text about the vehicle.</p>"}],
        authors=kwargs.pop("authors", None) or [AuthorFactory()],
        vehicles=vehicles,
        makes=makes,
        **kwargs,
    )


@pytest.fixture
def site(db):
    return site_structure_ensure()


@pytest.fixture
def demo(db):
    call_command("load_demo_content", "--no-admin")


# --- Relevance on the demo newsroom ---------------------------------------------------------


def test_demo_content_is_indexed_on_save_and_a_search_finds_story_and_vehicle(client, demo):
    # No update_index: the demo loader saves through Wagtail, whose signals index each save.
    response = client.get("/search/", {"q": "Suzuki electric scooter"})
    assert response.status_code == 200
    page = soup(response)
    assert "/news/suzuki-e-access-launched-price-range/" in story_links(page)
    assert "/vehicles/suzuki/e-access/" in vehicle_links(page)
    assert page.select_one(".search-hit--vehicle h3 mark").get_text() == "Suzuki"
    assert [h.get_text() for h in page.select("h2")][:2] == ["Stories", "Vehicles"]


def test_demo_xiaomi_search_puts_the_xiaomi_stories_first(client, demo):
    page = soup(client.get("/search/", {"q": "Xiaomi"}))
    titles = story_titles(page)
    assert len(titles) >= 2
    assert titles[0].startswith("Xiaomi")
    assert "/news/xiaomi-ev-mass-production-2024/" in story_links(page)[:2]
    assert vehicle_links(page) == ["/vehicles/xiaomi/su7/"]


def test_demo_hindi_query_finds_the_hindi_stories_with_the_word_marked(client, demo):
    response = client.get("/hi/search/", {"q": "रेंज"})
    assert response.status_code == 200
    page = soup(response)
    links = story_links(page)
    assert "/hi/features/hindi-electric-two-wheeler-guide/" in links[:3]
    assert "/hi/reviews/tvs-orbiter-road-test-range/" in links[:3]
    assert all(link.startswith("/hi/") for link in links)
    marks = {mark.get_text() for mark in page.select(".search-hit--story mark")}
    assert "रेंज" in marks
    assert page.select_one("h1 .search-query").get_text() == "रेंज"


# --- The form, normalisation and limits ------------------------------------------------------


def test_empty_query_shows_the_form_and_no_results(client, site):
    story(site.sections["news"], "Scooter story")
    for params in [{}, {"q": ""}, {"q": "   \t\n "}, {"q": "\u200d\u200f\x00"}]:
        response = client.get("/search/", params)
        assert response.status_code == 200
        page = soup(response)
        assert page.select_one("form[role=search] input[name=q]") is not None
        assert not page.select(".search-hit")
        assert page.h1.get_text() == "Search"


def test_query_is_normalised_before_searching(client, site):
    story(site.sections["news"], "Zanskar scooter first ride")
    # Full-width letters (NFKC), a zero-width joiner, a right-to-left mark, a tab, newlines.
    typed = "\uff3a\uff41\uff4e\uff53\uff4b\uff41\uff52\u200d\u200f\t\n\n  first"
    page = soup(client.get("/search/", {"q": typed}))
    assert story_titles(page) == ["Zanskar scooter first ride"]
    assert page.select_one("input[name=q]")["value"] == "Zanskar first"


def test_a_query_of_the_maximum_length_is_searched_and_a_longer_one_is_a_400(client, site):
    story(site.sections["news"], "Zanskar scooter")
    longest = "Zanskar " + "x" * (MAX_QUERY_LENGTH - len("Zanskar "))
    assert client.get("/search/", {"q": longest}).status_code == 200
    response = client.get("/search/", {"q": longest + "x"})
    assert response.status_code == 400
    assert "under 200 characters" in soup(response).select_one(".error").get_text()
    # Spaces collapse before the length is counted.
    padded = "Zanskar" + " " * 500 + "scooter"
    assert client.get("/search/", {"q": padded}).status_code == 200


HOSTILE_QUERIES = [
    "x" * 10_000,
    "scooter " * 1_250,
    "' OR 1=1 --",
    "%",
    "%%",
    "*",
    '"',
    '"scooter',
    'scooter"',
    '""',
    "NEAR(",
    "NEAR(scooter range, 2)",
    "AND OR NOT",
    "scooter AND",
    "OR",
    "NOT scooter",
    "-scooter",
    "scooter*",
    "title:scooter",
    "{title body}: scooter",
    "^scooter",
    "(",
    ")",
    "scooter)",
    "\\",
    "\\'",
    "'",
    "''",
    "&|!:*",
    "!scooter",
    "scooter & range | torque",
    "🏍️🛵",
    "\u202escooter\u202c",
    "\ufeffscooter",
    "स्कूटर\u200d",
    "\x00scooter",
    "\x1b[31m",
]


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_hostile_queries_answer_fast_with_200_or_400_and_never_leak(client, site, query):
    story(site.sections["news"], "Scooter range and torque, near or not")
    story(site.sections["news"], "Hidden scooter range draft", publish=False)
    started = time.monotonic()
    response = client.get("/search/", {"q": query})
    assert time.monotonic() - started < 2
    assert response.status_code in {200, 400}
    assert b"Hidden scooter" not in response.content


@pytest.mark.parametrize("raw", ["%ED%A0%80", "%ED%A0%80scooter", "%FF%FE", "%C0%AF", "%E0%A4"])
def test_bytes_that_are_not_utf8_are_dropped_not_a_500(client, site, raw):
    story(site.sections["news"], "Scooter story")
    response = client.get(f"/search/?q={raw}")
    assert response.status_code == 200
    assert "\ufffd" not in response.content.decode()


def test_a_query_the_backend_rejects_is_answered_with_no_results(site):
    """The view never sends `"` to a backend (see search_terms); this is the guard behind it,
    on a real backend: SQLite FTS5 raises on an unbalanced quote, PostgreSQL does not."""
    story(site.sections["news"], "Scooter story")
    raw = SearchQuery(text='"', terms=('"',))
    results = site_search(query=raw, filters=SearchFilters())
    assert results.stories.paginator.count == 0
    assert results.failed is (connection.vendor == "sqlite")
    # The transaction is still usable afterwards.
    assert ArticlePage.objects.live().count() == 1


@pytest.mark.parametrize(
    "typed",
    ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "</title><svg onload=x>"],
)
def test_typed_markup_is_escaped_in_results_and_in_the_form(client, site, typed):
    story(site.sections["news"], "Script, img and svg tags explained", teaser="alert x onerror.")
    for params in [{"q": typed}, {"q": typed, "kind": typed}, {"q": typed, "from": typed}]:
        response = client.get("/search/", params)
        assert response.status_code in {200, 400}
        assert typed.encode() not in response.content
        page = soup(response)
        assert page.find("img") is None
        assert page.find("svg") is None
        assert page.find("script") is None
        assert page.select_one("input[name=q]")["value"] == typed


def test_markup_in_a_story_title_is_escaped_around_the_marks(client, site):
    story(site.sections["news"], 'The <mark>Zanskar</mark> & "<b>bold</b>" scooter')
    response = client.get("/search/", {"q": "zanskar"})
    html = response.content.decode()
    assert "&lt;mark&gt;<mark>Zanskar</mark>&lt;/mark&gt;" in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html
    assert [m.get_text() for m in soup(response).select(".search-hit--story h3 mark")] == [
        "Zanskar"
    ]


def test_post_is_not_allowed(client, site):
    assert client.post("/search/", {"q": "scooter"}).status_code == 405


# --- What is searched: live public stories only -----------------------------------------------


def test_drafts_unpublished_and_private_stories_are_never_found(client, site):
    home = site.home
    members = home.add_child(instance=SectionPage(title="Members", slug="members"))
    PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.LOGIN)
    story(site.sections["news"], "Zanskar public")
    story(site.sections["news"], "Zanskar draft", publish=False)
    story(members, "Zanskar members only")
    withdrawn = story(site.sections["news"], "Zanskar withdrawn")
    ArticlePage.objects.get(pk=withdrawn.pk).unpublish()
    private_story = story(site.sections["features"], "Zanskar restricted story")
    PageViewRestriction.objects.create(
        page=private_story, restriction_type=PageViewRestriction.LOGIN
    )

    page = soup(client.get("/search/", {"q": "Zanskar"}))
    assert story_titles(page) == ["Zanskar public"]
    section_options = [o["value"] for o in page.select("select[name=section] option")]
    assert section_options == ["", "news", "reviews", "comparisons", "features"]
    assert client.get("/search/", {"q": "Zanskar", "section": "members"}).status_code == 400


# --- Filters ------------------------------------------------------------------------------------


@pytest.fixture
def filtered(site):
    suzuki = MakeFactory(name="Suzuki")
    ktm = MakeFactory(name="KTM")
    e_access = VehicleModelFactory(make=suzuki, name="Zanskar e", segment="scooter")
    rc = VehicleModelFactory(make=ktm, name="Zanskar RC", segment="motorcycle")
    news, reviews = site.sections["news"], site.sections["reviews"]
    story(news, "Zanskar launch", kind="launch", vehicles=[e_access],
          first_published_at=datetime(2025, 1, 10, 6, 0, tzinfo=UTC))  # fmt: skip
    story(reviews, "Zanskar road test", kind="road_test", vehicles=[rc],
          first_published_at=datetime(2025, 6, 10, 6, 0, tzinfo=UTC))  # fmt: skip
    story(news, "Zanskar maker news", kind="news", makes=[suzuki],
          first_published_at=datetime(2026, 1, 10, 6, 0, tzinfo=UTC))  # fmt: skip
    AuthorFactory(name="Zanskar Rao", bio="Rides in Zanskar.")
    return site


@pytest.mark.parametrize(
    ("params", "stories", "vehicles", "people"),
    [
        ({}, {"Zanskar launch", "Zanskar road test", "Zanskar maker news"}, 2, 1),
        ({"section": "reviews"}, {"Zanskar road test"}, 0, 0),
        ({"kind": "launch"}, {"Zanskar launch"}, 0, 0),
        ({"make": "suzuki"}, {"Zanskar launch", "Zanskar maker news"}, 1, 0),
        ({"segment": "motorcycle"}, {"Zanskar road test"}, 1, 0),
        ({"from": "2025-06-01"}, {"Zanskar road test", "Zanskar maker news"}, 0, 0),
        ({"to": "2025-06-10"}, {"Zanskar launch", "Zanskar road test"}, 0, 0),
        ({"from": "2025-06-10", "to": "2025-06-10"}, {"Zanskar road test"}, 0, 0),
        ({"make": "ktm", "kind": "launch"}, set(), 0, 0),
    ],
)
def test_filters_narrow_the_results(client, filtered, params, stories, vehicles, people):
    response = client.get("/search/", {"q": "Zanskar", **params})
    assert response.status_code == 200
    page = soup(response)
    assert set(story_titles(page)) == stories
    assert len(vehicle_links(page)) == vehicles
    assert len(people_links(page)) == people


@pytest.mark.parametrize(
    "params",
    [
        {"section": "nope"},
        {"kind": "bogus"},
        {"make": "no-such-make"},
        {"segment": "truck"},
        {"from": "2026-13-01"},
        {"from": "yesterday"},
        {"to": "9999-12-31"},
        {"from": "0001-01-01"},
        {"from": "2026-02-01", "to": "2026-01-01"},
        {"section": "news\x00"},
    ],
)
def test_invalid_filters_are_a_400_with_the_form(client, filtered, params):
    response = client.get("/search/", {"q": "Zanskar", **params})
    assert response.status_code == 400
    page = soup(response)
    assert page.select_one("form[role=search]") is not None
    assert page.select(".error")
    assert not page.select(".search-hit")


# --- Pagination and the query budget --------------------------------------------------------


def test_story_results_paginate_keeping_the_query_and_filters(client, site):
    for n in range(25):
        story(site.sections["news"], f"Zanskar number {n}", kind="launch")
    first = soup(client.get("/search/", {"q": "Zanskar", "kind": "launch"}))
    assert len(story_titles(first)) == 20
    next_link = first.select_one(".pagination a[rel=next]")["href"]
    assert "q=Zanskar" in next_link
    assert "kind=launch" in next_link
    assert "page=2" in next_link
    second = soup(client.get(f"/search/{next_link}"))
    assert len(story_titles(second)) == 5
    assert not set(story_titles(first)) & set(story_titles(second))


@pytest.mark.parametrize("bad_page", ["3", "0", "-1", "abc", "1e3", "99999999", "2.0"])
def test_a_page_that_does_not_exist_is_a_404(client, site, bad_page):
    for n in range(25):
        story(site.sections["news"], f"Zanskar number {n}")
    assert client.get("/search/", {"q": "Zanskar", "page": bad_page}).status_code == 404
    assert client.get("/search/", {"page": bad_page}).status_code == 404


def _search_queries(client, params):
    client.get("/search/", params)  # warm the site cache, as on a running site
    with CaptureQueriesContext(connection) as context:
        response = client.get("/search/", params)
    assert response.status_code == 200
    return context.captured_queries


def _add_matches(site, stories, vehicles, people):
    writers = [AuthorFactory(), AuthorFactory()]
    make = MakeFactory(name="Zanskar Motors")
    for n in range(stories):
        story(site.sections["news" if n % 2 else "reviews"], f"Zanskar story {n}",
              authors=writers if n % 3 else writers[:1])  # fmt: skip
    for _ in range(vehicles):
        VehicleModelFactory(make=make, name=f"Zanskar {next(_numbers)}")
    for _ in range(people):
        AuthorFactory(name=f"Zanskar Writer {next(_numbers)}")


def test_search_stays_within_its_query_budget_as_matches_grow(client, site):
    params = {"q": "Zanskar"}
    _add_matches(site, stories=5, vehicles=1, people=1)
    few = _search_queries(client, params)
    _add_matches(site, stories=35, vehicles=12, people=8)
    many = _search_queries(client, params)
    listing = "\n".join(query["sql"][:160] for query in many)
    assert len(many) <= SEARCH_BUDGET, f"{len(many)} queries:\n{listing}"
    assert len(many) == len(few), f"{len(few)} queries with 5 matching stories, {len(many)} with 40"
    page = soup(client.get("/search/", params))
    assert len(story_titles(page)) == 20
    assert page.select(".search-hit--vehicle")
    assert page.select(".search-hit--person")


# --- The text helpers --------------------------------------------------------------------------


def test_normalise_query_applies_nfkc_drops_controls_and_collapses_spaces():
    full_width = "\uff45\uff0d\uff21\uff43\uff43\uff45\uff53\uff53"  # e-Access
    assert normalise_query(f"  {full_width}\u00a0\u2003range\r\n") == "e-Access range"
    assert normalise_query("a\u200bb\u200dc\u200e\u200f\u202e\ufeffd") == "abcd"
    assert normalise_query("\x00\x07tab\there\x7f") == "tab here"
    assert normalise_query("\ud800lone\udfff") == "lone"
    assert normalise_query("\ufffd\ufffd") == ""
    assert normalise_query("रेंज  \u200cकी") == "रेंज की"


def test_search_terms_keep_words_and_drop_query_syntax():
    assert search_terms('"e-Access" NEAR(range, 2)') == ("e-Access", "NEAR", "range", "2")
    assert search_terms("' OR 1=1 --") == ("OR", "1")
    assert search_terms("%*\"'()\\^:{}") == ()
    assert search_terms("Rs 1.88 lakh, maker's") == ("Rs", "1.88", "lakh", "maker's")
    assert search_terms("scooter Scooter SCOOTER") == ("scooter",)
    assert search_terms("रेंज कितनी?") == ("रेंज", "कितनी")
    assert len(search_terms(" ".join(f"w{n}" for n in range(50)))) == 12


def test_highlight_escapes_text_and_marks_whole_words_starting_with_a_term():
    marked = highlight('Scooters <b>& "scoot"</b> e-Access', ("scooter", "access"))
    assert marked == (
        "<mark>Scooters</mark> &lt;b&gt;&amp; &quot;scoot&quot;&lt;/b&gt; e-<mark>Access</mark>"
    )
    assert highlight("subscooter", ("scooter",)) == "subscooter"
    assert highlight("असली रेंज, रेंज", ("रेंज",)) == "असली <mark>रेंज</mark>, <mark>रेंज</mark>"
    assert highlight("<script>", ()) == "&lt;script&gt;"


def test_snippet_shows_a_window_around_the_first_match():
    text = ("filler " * 60) + "the Zanskar scooter " + ("tail " * 60)
    shown = snippet(text, ("zanskar",), width=120)
    assert shown.startswith("… ")
    assert shown.endswith(" …")
    assert "<mark>Zanskar</mark>" in shown
    assert len(shown) < 160
