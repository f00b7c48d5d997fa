"""Feeds, sitemaps, the Google News sitemap and robots.txt of each edition (English at /, Hindi
at /hi/): each holds only its own stories, says its own language, and links the other."""

import json
import xml.etree.ElementTree as ET
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from motorpress.discovery.tests.fixtures_syndication import (
    FORMATS,
    parse_feed,
    sitemap_locations,
    story,
)

pytest_plugins = ["motorpress.discovery.tests.fixtures_syndication"]

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
SECTIONS = ("articles", "sections", "pages", "authors", "vehicles", "compare", "tracker")


def feed_items(client, url: str) -> tuple[dict, list[dict]]:
    """(the feed's language, self link and home link; each item's title, link and language),
    the XML formats checked by feedparser, JSON Feed by its required keys."""
    response = client.get(url)
    assert response.status_code == 200, url
    if url.endswith(".json"):
        feed = json.loads(response.content)
        head = {
            "language": feed["language"],
            "self": feed["feed_url"],
            "home": feed["home_page_url"],
        }
        items = [
            {"title": i["title"], "link": i["url"], "language": i["language"]}
            for i in feed["items"]
        ]
        return head, items
    parsed = parse_feed(response.content)
    links = {link.rel: link.href for link in parsed.feed.links}
    head = {"language": parsed.feed.language, "self": links["self"], "home": parsed.feed.link}
    items = [
        {"title": e.title, "link": e.link, "language": e.get("language", parsed.feed.language)}
        for e in parsed.entries
    ]
    return head, items


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_hindi_latest_feed_holds_only_hindi_stories_in_hindi(editions, client, fmt):
    head, items = feed_items(client, f"/hi/feeds/latest.{fmt}")
    assert head == {
        "language": "hi",
        "self": f"http://testserver/hi/feeds/latest.{fmt}",
        "home": "http://testserver/hi/latest/",
    }
    assert [item["title"] for item in items] == [
        editions["hindi_only"].title,
        editions["translated"].title,
    ]
    assert [item["link"] for item in items] == [
        "http://testserver/hi/reviews/rizta-lamba-test/",
        "http://testserver/hi/news/ather-rizta-launched/",
    ]
    assert {item["language"] for item in items} == {"hi"}


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_english_latest_feed_is_unchanged_by_the_hindi_edition(editions, client, fmt):
    head, items = feed_items(client, f"/feeds/latest.{fmt}")
    assert head == {
        "language": "en",
        "self": f"http://testserver/feeds/latest.{fmt}",
        "home": "http://testserver/latest/",
    }
    assert [item["link"] for item in items] == [
        "http://testserver/news/ather-rizta-launched/",
        "http://testserver/reviews/rizta-long-term-review/",
    ]
    assert {item["language"] for item in items} == {"en"}


def test_section_author_and_make_feeds_keep_to_their_edition(editions, client):
    hindi = {editions["hindi_only"].title, editions["translated"].title}
    english = {editions["original"].title, editions["english_only"].title}
    expected = {
        "/hi/feeds/news": {editions["translated"].title},
        "/hi/feeds/reviews": {editions["hindi_only"].title},
        "/hi/feeds/authors/meera-iyer": hindi,
        "/hi/feeds/makes/ather": hindi,
        "/feeds/news": {editions["original"].title},
        "/feeds/authors/meera-iyer": english,
        "/feeds/makes/ather": english,
    }
    for fmt in FORMATS:
        for path, titles in expected.items():
            head, items = feed_items(client, f"{path}.{fmt}")
            assert {item["title"] for item in items} == titles, f"{path}.{fmt}"
            assert head["language"] == ("hi" if path.startswith("/hi/") else "en")
            assert head["self"] == f"http://testserver{path}.{fmt}"
    # Links inside a Hindi feed stay in the Hindi edition.
    feed = json.loads(client.get("/hi/feeds/authors/meera-iyer.json").content)
    assert feed["home_page_url"] == "http://testserver/hi/authors/meera-iyer/"
    assert feed["items"][0]["authors"][0]["url"] == "http://testserver/hi/authors/meera-iyer/"
    assert feed["title"] == "मोटरप्रेस हिन्दी: Meera Iyer की ख़बरें"


def test_an_edition_without_a_live_home_has_no_feeds_or_sitemaps(editions, client):
    editions["hindi"].home.unpublish()
    for url in ("/hi/feeds/latest.rss", "/hi/feeds/news.atom", "/hi/sitemap-articles.xml"):
        assert client.get(url).status_code == 404, url
    assert "/hi/" not in client.get("/sitemap.xml").content.decode()
    assert "/hi/" not in client.get("/robots.txt").content.decode()


def alternates(client, url: str) -> dict[str, dict[str, str]]:
    """{path of each <url>: {hreflang: href path}} of a sitemap."""
    response = client.get(url)
    assert response.status_code == 200, url
    assert b'xmlns:xhtml="http://www.w3.org/1999/xhtml"' in response.content
    root = ET.fromstring(response.content)
    found = {}
    for node in root.iter(f"{{{SITEMAP_NS}}}url"):
        location = urlsplit(node.find(f"{{{SITEMAP_NS}}}loc").text).path
        links = node.findall(f"{{{XHTML_NS}}}link")
        assert all(link.get("rel") == "alternate" for link in links)
        found[location] = {link.get("hreflang"): urlsplit(link.get("href")).path for link in links}
    return found


BOTH = {
    "en-IN": "/news/ather-rizta-launched/",
    "hi-IN": "/hi/news/ather-rizta-launched/",
    "x-default": "/news/ather-rizta-launched/",
}


def test_article_sitemaps_link_a_story_and_its_translation_both_ways(editions, client):
    assert alternates(client, "/sitemap-articles.xml") == {
        "/news/ather-rizta-launched/": BOTH,
        "/reviews/rizta-long-term-review/": {},  # no translation: no alternates
    }
    assert alternates(client, "/hi/sitemap-articles.xml") == {
        "/hi/reviews/rizta-lamba-test/": {},
        "/hi/news/ather-rizta-launched/": BOTH,
    }


def test_a_translation_whose_original_is_unpublished_links_nothing(editions, client):
    editions["original"].unpublish()
    assert alternates(client, "/hi/sitemap-articles.xml")["/hi/news/ather-rizta-launched/"] == {}
    assert "/news/ather-rizta-launched/" not in alternates(client, "/sitemap-articles.xml")


def test_section_sitemaps_link_homes_sections_and_listings_across_editions(editions, client):
    hindi = alternates(client, "/hi/sitemap-sections.xml")
    assert list(hindi) == [
        "/hi/",
        "/hi/latest/",
        "/hi/news/",
        "/hi/reviews/",
        "/hi/comparisons/",
        "/hi/features/",
    ]
    assert hindi["/hi/"] == {"en-IN": "/", "hi-IN": "/hi/", "x-default": "/"}
    assert hindi["/hi/latest/"] == {
        "en-IN": "/latest/",
        "hi-IN": "/hi/latest/",
        "x-default": "/latest/",
    }
    assert hindi["/hi/news/"] == {"en-IN": "/news/", "hi-IN": "/hi/news/", "x-default": "/news/"}
    english = alternates(client, "/sitemap-sections.xml")
    assert english["/reviews/"] == {
        "en-IN": "/reviews/",
        "hi-IN": "/hi/reviews/",
        "x-default": "/reviews/",
    }
    authors = alternates(client, "/hi/sitemap-authors.xml")
    assert authors == {
        "/hi/authors/meera-iyer/": {
            "en-IN": "/authors/meera-iyer/",
            "hi-IN": "/hi/authors/meera-iyer/",
            "x-default": "/authors/meera-iyer/",
        }
    }
    vehicles = alternates(client, "/hi/sitemap-vehicles.xml")
    assert vehicles["/hi/vehicles/"]["en-IN"] == "/vehicles/"


def test_the_index_lists_both_editions_and_every_hindi_url_answers(editions, client):
    response = client.get("/sitemap.xml")
    assert sitemap_locations(response) == [
        f"http://testserver{prefix}sitemap-{section}.xml"
        for prefix in ("/", "/hi/")
        for section in SECTIONS
    ]
    for section in SECTIONS:
        for path in alternates(client, f"/hi/sitemap-{section}.xml"):
            if "/vehicles/" not in path or path.count("/") <= 4:  # a sample of the catalogue
                assert client.get(path).status_code == 200, path
    redirect = client.get("/hi/sitemap.xml")
    assert (redirect.status_code, redirect["Location"]) == (301, "/sitemap.xml")


def test_robots_txt_names_the_index_and_each_editions_news_sitemap(editions, client):
    lines = client.get("/robots.txt").content.decode().splitlines()
    sitemaps = [line for line in lines if line.startswith("Sitemap:")]
    assert sitemaps == [
        "Sitemap: http://testserver/sitemap.xml",
        "Sitemap: http://testserver/news-sitemap.xml",
        "Sitemap: http://testserver/hi/news-sitemap.xml",
    ]
    assert client.get("/hi/robots.txt").status_code == 404


def news(client, url: str) -> list[tuple[str, str, str, str]]:
    """(path, publication name, language, title) of each story in a Google News sitemap."""
    root = ET.fromstring(client.get(url).content)
    found = []
    for node in root.iter(f"{{{SITEMAP_NS}}}url"):
        publication = node.find(f"{{{NEWS_NS}}}news/{{{NEWS_NS}}}publication")
        found.append(
            (
                urlsplit(node.find(f"{{{SITEMAP_NS}}}loc").text).path,
                publication.find(f"{{{NEWS_NS}}}name").text,
                publication.find(f"{{{NEWS_NS}}}language").text,
                node.find(f"{{{NEWS_NS}}}news/{{{NEWS_NS}}}title").text,
            )
        )
    return found


def test_each_edition_has_a_news_sitemap_in_its_language_under_its_name(editions, client):
    assert news(client, "/hi/news-sitemap.xml") == [
        ("/hi/reviews/rizta-lamba-test/", "मोटरप्रेस हिन्दी", "hi", editions["hindi_only"].title),
        ("/hi/news/ather-rizta-launched/", "मोटरप्रेस हिन्दी", "hi", editions["translated"].title),
    ]
    assert news(client, "/news-sitemap.xml") == [
        ("/news/ather-rizta-launched/", "motorpress", "en", editions["original"].title),
        ("/reviews/rizta-long-term-review/", "motorpress", "en", editions["english_only"].title),
    ]


TRANSLATION_LOOKUP = '"translation_key" IN'


def _sitemap_queries(client) -> dict[str, list]:
    urls = [
        "/sitemap.xml",
        *(f"{prefix}sitemap-{s}.xml" for prefix in ("/", "/hi/") for s in SECTIONS),
        "/news-sitemap.xml",
        "/hi/news-sitemap.xml",
    ]
    measured = {}
    for url in urls:
        client.get(url)  # warm the cached site lookup and the editions
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200, url
        measured[url] = [query["sql"] for query in context.captured_queries]
    return measured


def _translate(editions, count: int):
    for n in range(count):
        original = story(editions["site"].sections["news"], age=timedelta(hours=5 + n))
        story(
            editions["hindi"].sections["news"],
            title=f"अनुवाद {original.title}",
            slug=original.slug,
            translation_of=original,
            age=timedelta(hours=5 + n),
        )


def test_sitemaps_spend_one_query_on_translations_however_many_there_are(editions, client):
    _translate(editions, 3)
    few = _sitemap_queries(client)
    _translate(editions, 15)
    many = _sitemap_queries(client)
    for url, queries in many.items():
        assert len(queries) == len(few[url]), f"{url}: {len(few[url])} → {len(queries)}"
        lookups = sum(TRANSLATION_LOOKUP in sql for sql in queries)
        assert lookups <= (0 if url == "/sitemap.xml" else 1), url
    assert len(many["/sitemap.xml"]) <= 2 * 10  # ten at most per edition, as before editions
    assert all(len(queries) <= 10 for url, queries in many.items() if url != "/sitemap.xml")
    listed = alternates(client, "/hi/sitemap-articles.xml")
    assert sum(1 for links in listed.values() if links) == 1 + 18
