"""Sitemaps and robots.txt: what crawlers are told exists, and nothing they must not see."""

import xml.etree.ElementTree as ET
from datetime import datetime, timedelta
from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from motorpress.catalogue.tests.factories import MakeFactory, VehicleModelFactory
from motorpress.discovery.syndication.text import xml_safe
from motorpress.discovery.tests.fixtures_syndication import (
    sitemap_locations,
    stories_in_bulk,
    story,
)
from motorpress.ledger.tests.factories import ClaimFactory

pytest_plugins = ["motorpress.discovery.tests.fixtures_syndication"]

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
SECTIONS = ("articles", "sections", "pages", "authors", "vehicles", "compare", "tracker")
HOSTILE = "Recall\x02\x1f ]]> </news:title><script>alert(1)</script> & \u200fरेंज"


def paths(response) -> list[str]:
    return [urlsplit(location).path for location in sitemap_locations(response)]


def urlset(client, section: str) -> ET.Element:
    response = client.get(f"/sitemap-{section}.xml")
    assert response.status_code == 200, section
    root = ET.fromstring(response.content)
    assert root.tag == f"{{{SITEMAP_NS}}}urlset", section
    return root


def test_sitemap_index_lists_each_section_and_every_listed_url_answers(demo, client):
    response = client.get("/sitemap.xml")
    assert response["Content-Type"].startswith("application/xml")
    index = ET.fromstring(response.content)
    assert index.tag == f"{{{SITEMAP_NS}}}sitemapindex"
    assert sitemap_locations(response) == [
        f"http://testserver{prefix}sitemap-{section}.xml"
        for prefix in ("/", "/hi/")
        for section in SECTIONS
    ]
    listed = {}
    for section in SECTIONS:
        root = urlset(client, section)
        listed[section] = [urlsplit(loc.text).path for loc in root.iter(f"{{{SITEMAP_NS}}}loc")]
        if section != "vehicles":  # the catalogue keeps no change dates
            urls = list(root.iter(f"{{{SITEMAP_NS}}}url"))
            assert all(url.find(f"{{{SITEMAP_NS}}}lastmod") is not None for url in urls), section
    assert len(listed["articles"]) == 24  # the English edition's; the Hindi one has its own
    assert listed["sections"] == [
        "/",
        "/latest/",
        "/news/",
        "/reviews/",
        "/comparisons/",
        "/features/",
    ]
    assert "/authors/meera-kulkarni/" in listed["authors"]
    assert {"/vehicles/", "/vehicles/ktm/", "/vehicles/ktm/rc-160/"} <= set(listed["vehicles"])
    assert {
        "/compare/ktm-rc-160-vs-yamaha-r15/",
        "/compare/suzuki-e-access-vs-tvs-orbiter/",
    } <= set(listed["compare"])
    assert {"/tracker/", "/tracker/suzuki/"} <= set(listed["tracker"])
    # Every page a crawler is sent to exists (a sample of the page tree, which Wagtail routes;
    # every address this app builds itself).
    listed["articles"] = listed["articles"][:2]
    listed["sections"] = listed["sections"][2:]
    for section, section_paths in listed.items():
        for path in section_paths:
            assert client.get(path).status_code == 200, f"{section}: {path}"


def test_sitemaps_leave_out_drafts_future_dated_and_private_pages(newsroom, client):
    articles = paths(client.get("/sitemap-articles.xml"))
    assert sorted(articles) == sorted(story.url for story in newsroom["stories"])
    hidden = [page.url_path.split("/", 2)[2] for page in newsroom["hidden"]]
    for name in ("sitemap-articles", "sitemap-sections", "news-sitemap"):
        listed = " ".join(paths(client.get(f"/{name}.xml")))
        assert not any(path in listed for path in hidden), name
    assert "/features/" not in paths(client.get("/sitemap-sections.xml"))
    assert paths(client.get("/sitemap-authors.xml")) == [
        "/authors/asha-verma/",
        "/authors/kabir-shah/",
    ]


def test_compare_sitemap_names_tables_in_bodies_and_stories_about_two_to_four_vehicles(
    site, client
):
    make = MakeFactory(name="Orbit", slug="orbit")
    a, b, c, d, e = (VehicleModelFactory(make=make, name=n, slug=n) for n in "abcde")
    table = {"type": "compare_table", "value": {"heading": "Side by side", "vehicles": []}}
    in_body = {**table, "value": {**table["value"], "vehicles": [c.pk, a.pk, b.pk]}}
    story(site.sections["comparisons"], body=[in_body])
    story(site.sections["news"], vehicles=[e, d])
    story(site.sections["news"], vehicles=[a])  # one vehicle: nothing to compare
    story(site.sections["news"], vehicles=[a, b, c, d, e])  # five: too many for one table
    draft_table = {**table, "value": {**table["value"], "vehicles": [a.pk, e.pk]}}
    story(site.sections["comparisons"], body=[draft_table], publish=False)
    assert paths(client.get("/sitemap-compare.xml")) == [
        "/compare/orbit-a-vs-orbit-b-vs-orbit-c/",
        "/compare/orbit-d-vs-orbit-e/",
    ]


def test_pages_sitemap_lists_live_public_standing_pages_in_tree_order(site, client):
    from wagtail.models import PageViewRestriction

    from motorpress.newsroom.services import standing_page_create

    home = site.home
    about = standing_page_create(parent=home, title="About", slug="about", body=[])
    standing_page_create(parent=about, title="Team", slug="team", body=[])
    standing_page_create(parent=home, title="Unfinished", slug="unfinished", body=[], publish=False)
    private = standing_page_create(parent=home, title="Desk", slug="desk", body=[])
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    assert paths(client.get("/sitemap-pages.xml")) == ["/about/", "/about/team/"]


def test_tracker_sitemap_lists_the_ledger_and_makes_with_claims(site, client):
    ClaimFactory(make=MakeFactory(slug="promiser"))
    MakeFactory(slug="quiet")
    assert paths(client.get("/sitemap-tracker.xml")) == ["/tracker/", "/tracker/promiser/"]


def news_entries(response) -> list[dict]:
    root = ET.fromstring(response.content)
    assert root.tag == f"{{{SITEMAP_NS}}}urlset"
    entries = []
    for url in root.iter(f"{{{SITEMAP_NS}}}url"):
        news = url.find(f"{{{NEWS_NS}}}news")
        publication = news.find(f"{{{NEWS_NS}}}publication")
        entries.append(
            {
                "path": urlsplit(url.find(f"{{{SITEMAP_NS}}}loc").text).path,
                "name": publication.find(f"{{{NEWS_NS}}}name").text,
                "language": publication.find(f"{{{NEWS_NS}}}language").text,
                "date": news.find(f"{{{NEWS_NS}}}publication_date").text,
                "title": news.find(f"{{{NEWS_NS}}}title").text,
            }
        )
    return entries


def test_news_sitemap_lists_the_last_two_days_in_google_news_format(site, client):
    news = site.sections["news"]
    fresh = story(news, title="Fresh launch", age=timedelta(hours=1))
    hindi = story(news, title="इलेक्ट्रिक स्कूटर की रेंज: 95 km", slug="hindi", age=timedelta(hours=5))
    hostile = story(news, title=HOSTILE, slug="hostile", age=timedelta(hours=30))
    almost_old = story(news, title="Almost two days old", age=timedelta(hours=47))
    story(news, title="Three days old", age=timedelta(days=3))
    story(news, title="Dated tomorrow", age=-timedelta(days=1))
    response = client.get("/news-sitemap.xml")
    assert response.status_code == 200
    assert b'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"' in response.content
    assert b"<script" not in response.content
    entries = news_entries(response)
    assert [entry["path"] for entry in entries] == [
        page.url for page in (fresh, hindi, hostile, almost_old)
    ]
    assert {entry["name"] for entry in entries} == {"motorpress"}
    assert [entry["language"] for entry in entries] == ["en", "hi", "en", "en"]
    assert entries[2]["title"] == xml_safe(HOSTILE)
    published = datetime.fromisoformat(entries[0]["date"])
    assert published == fresh.first_published_at.replace(microsecond=0)


def test_news_sitemap_stops_at_the_newest_thousand_stories(site, client):
    now = timezone.now()
    stories_in_bulk(site.sections["news"], 1050, newest=now - timedelta(minutes=1))
    client.get("/news-sitemap.xml")  # warm the cached site lookup
    with CaptureQueriesContext(connection) as context:
        response = client.get("/news-sitemap.xml")
    entries = news_entries(response)
    assert len(entries) == 1000
    dates = [datetime.fromisoformat(entry["date"]) for entry in entries]
    assert dates == sorted(dates, reverse=True)
    assert min(dates) > now - timedelta(minutes=1002)  # the oldest fifty are left out
    assert len(context.captured_queries) == 1


def test_robots_txt_allows_all_but_the_admin_and_names_both_sitemaps(site, client):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[:3] == ["User-agent: *", "Allow: /", "Disallow: /admin/"]
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Sitemap: http://testserver/news-sitemap.xml" in lines


@pytest.mark.parametrize(
    "url",
    [
        "/sitemap-nothing.xml",
        "/sitemap-articles.xml?p=abc",
        "/sitemap-articles.xml?p=0",
        "/sitemap-articles.xml?p=99",
        "/sitemap-%3Cscript%3E.xml",
    ],
)
def test_unknown_sitemaps_and_pages_are_404(site, client, url):
    assert client.get(url).status_code == 404


def _fill(site, count, vehicles):
    for n in range(count):
        story(site.sections["news" if n % 2 else "reviews"], vehicles=vehicles[: 2 + n % 2])


SITEMAP_BUDGET = 10


def test_sitemaps_cost_the_same_few_queries_however_many_stories(site, client):
    make = MakeFactory(slug="budget")
    vehicles = [VehicleModelFactory(make=make) for _ in range(3)]
    ClaimFactory(make=make)
    urls = ["/sitemap.xml", *(f"/sitemap-{s}.xml" for s in SECTIONS), "/news-sitemap.xml"]
    counts = []
    for count in (5, 25):
        _fill(site, count, vehicles)
        client.get("/")  # warm the cached site lookup
        measured = {}
        for url in urls:
            with CaptureQueriesContext(connection) as context:
                assert client.get(url).status_code == 200
            measured[url] = len(context.captured_queries)
        counts.append(measured)
    few, many = counts
    assert all(queries <= SITEMAP_BUDGET for queries in many.values()), many
    assert few == many
