"""RSS, Atom and JSON feeds: what readers and aggregators get, and what they never get."""

import json
import xml.etree.ElementTree as ET
from datetime import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from motorpress.catalogue.tests.factories import MakeFactory
from motorpress.discovery.syndication.generators import FEED_TYPES
from motorpress.discovery.syndication.text import xml_safe
from motorpress.discovery.tests.fixtures_syndication import FORMATS, parse_feed, story
from motorpress.newsroom.tests.factories import AuthorFactory, ImageFactory

pytest_plugins = ["motorpress.discovery.tests.fixtures_syndication"]

XML_FORMATS = ("rss", "atom")
FEED_BUDGET = 10
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
HOSTILE = (
    "Brakes\x01\x08\x0b\x0c\x1f fail ]]> </title><script>alert(1)</script> & "
    "\u200fرینج \u200eइलेक्ट्रिक रेंज"
)


def json_feed(response) -> dict:
    """The JSON Feed, checked against the keys version 1.1 requires."""
    assert response["Content-Type"].startswith("application/feed+json")
    feed = json.loads(response.content)
    assert feed["version"] == JSON_FEED_VERSION
    assert isinstance(feed["title"], str)
    assert feed["title"]
    assert isinstance(feed["items"], list)
    for item in feed["items"]:
        assert isinstance(item["id"], str)
        assert item["id"]
        assert isinstance(item.get("content_html") or item.get("content_text"), str)
    return feed


def titles(client, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200, url
    if url.endswith(".json"):
        return [item["title"] for item in json_feed(response)["items"]]
    return [entry.title for entry in parse_feed(response.content).entries]


def test_every_demo_feed_parses_cleanly_and_latest_lists_the_newest_stories(demo, client):
    urls = [
        f"/feeds/{name}.{fmt}"
        for fmt in FORMATS
        for name in ("latest", "news", "reviews", "comparisons", "features")
    ]
    urls += [f"/feeds/authors/meera-kulkarni.{fmt}" for fmt in FORMATS]
    urls += [f"/feeds/makes/suzuki.{fmt}" for fmt in FORMATS]
    for url in urls:
        assert titles(client, url), f"{url} is empty"
    for fmt in FORMATS:
        latest = titles(client, f"/feeds/latest.{fmt}")
        assert len(latest) == 20, fmt
        assert latest[0].startswith("Simple One Gen 2 first ride review"), fmt
    features = json_feed(client.get("/feeds/features.json"))["items"]
    languages = {item["url"].split("/")[-2]: item["language"] for item in features}
    assert languages["electric-scooter-buying-guide"] == "en"
    assert "hindi-electric-two-wheeler-guide" not in languages  # the Hindi edition's story
    hindi = json_feed(client.get("/hi/feeds/features.json"))
    assert hindi["language"] == "hi"
    assert {item["url"]: item["language"] for item in hindi["items"]}[
        "http://testserver/hi/features/hindi-electric-two-wheeler-guide/"
    ] == "hi"
    for url in [f"/hi/feeds/{name}.{fmt}" for fmt in FORMATS for name in ("latest", "features")]:
        assert titles(client, url), f"{url} is empty"


@pytest.mark.parametrize("fmt", XML_FORMATS)
def test_xml_feed_items_carry_link_id_bylines_categories_dates_summary_content_and_image(
    newsroom, client, fmt
):
    response = client.get(f"/feeds/latest.{fmt}")
    assert_public_for_five_minutes(response)
    feed = parse_feed(response.content)
    assert feed.feed.title == "motorpress: latest stories"
    assert len(feed.entries) == 12
    newest = newsroom["stories"][0]  # by Asha Verma and Kabir Shah, in Reviews
    entry = feed.entries[0]
    url = f"http://testserver/reviews/{newest.slug}/"
    assert (entry.title, entry.link, entry.id) == (newest.title, url, url)
    assert [author.name for author in entry.authors] == ["Asha Verma", "Kabir Shah"]
    assert [tag.term for tag in entry.tags] == ["Review", "ev", "tag-0"]
    assert datetime(*entry.published_parsed[:6]) == newest.first_published_at.replace(
        tzinfo=None, microsecond=0
    )
    assert entry.updated_parsed
    assert entry.summary == newest.teaser
    content = entry.content[0].value
    assert "<li>First highlight.</li>" in content
    assert f'<a href="{url}">' in content
    (image,) = entry.media_content
    assert image["url"].startswith("http://testserver/media/images/")
    assert image["url"].endswith(".width-1200.webp")
    assert image["url"] in content


def test_json_feed_items_carry_the_same_metadata(newsroom, client):
    response = client.get("/feeds/latest.json")
    assert_public_for_five_minutes(response)
    feed = json_feed(response)
    assert feed["home_page_url"] == "http://testserver/latest/"
    assert feed["feed_url"] == "http://testserver/feeds/latest.json"
    newest = newsroom["stories"][0]
    item = feed["items"][0]
    url = f"http://testserver/reviews/{newest.slug}/"
    assert (item["title"], item["url"], item["id"]) == (newest.title, url, url)
    assert item["authors"] == [
        {"name": "Asha Verma", "url": "http://testserver/authors/asha-verma/"},
        {"name": "Kabir Shah", "url": "http://testserver/authors/kabir-shah/"},
    ]
    assert item["tags"] == ["Review", "ev", "tag-0"]
    assert datetime.fromisoformat(item["date_published"]) == newest.first_published_at
    assert datetime.fromisoformat(item["date_modified"]) >= newest.first_published_at
    assert item["summary"] == newest.teaser
    assert "<li>Second highlight.</li>" in item["content_html"]
    assert item["image"].startswith("http://testserver/media/images/")


def test_section_author_and_make_feeds_list_only_their_stories(newsroom, client):
    stories = newsroom["stories"]
    expected = {
        "news": [s.title for s in stories if s.url_path.split("/")[2] == "news"],
        "reviews": [s.title for s in stories if s.url_path.split("/")[2] == "reviews"],
        "authors/asha-verma": [s.title for s in stories],
        "authors/kabir-shah": [s.title for n, s in enumerate(stories) if n % 3 == 0],
        # Six stories name the make: three directly, three through its model.
        "makes/voltra": [s.title for n, s in enumerate(stories) if n % 4 in (0, 1)],
    }
    for fmt in FORMATS:
        for name, wanted in expected.items():
            assert titles(client, f"/feeds/{name}.{fmt}") == wanted, f"{name}.{fmt}"


def test_feeds_leave_out_drafts_future_dated_and_private_stories(newsroom, client):
    hidden = {"Draft story", "Future story", "Private story"}
    for fmt in FORMATS:
        for name in ("latest", "news", "authors/asha-verma", "makes/voltra"):
            shown = set(titles(client, f"/feeds/{name}.{fmt}"))
            assert len(shown) >= 6, f"{name}.{fmt}"
            assert not shown & hidden, f"{name}.{fmt}"
        assert client.get(f"/feeds/features.{fmt}").status_code == 404  # a private section


@pytest.mark.parametrize("fmt", FORMATS)
def test_hostile_text_keeps_every_feed_well_formed_with_markup_escaped(site, client, fmt):
    writer = AuthorFactory(name="Asha \x0b<b>Verma</b>", slug="asha")
    story(
        site.sections["news"],
        title=HOSTILE,
        slug="hostile",
        teaser=HOSTILE,
        highlights=[HOSTILE],
        tags=["</category><script>x</script>"],
        authors=[writer],
        makes=[],
    )
    for url in ("latest", "news", "authors/asha"):
        response = client.get(f"/feeds/{url}.{fmt}")
        assert response.status_code == 200
        assert b"<script" not in response.content.lower(), url
        if fmt == "json":
            item = json_feed(response)["items"][0]
            assert item["title"] == xml_safe(HOSTILE)
            assert item["authors"][0]["name"] == "Asha <b>Verma</b>"
            continue
        root = ET.fromstring(response.content)  # well-formed
        assert xml_safe(HOSTILE) in [
            node.text for node in root.iter() if node.tag.endswith("title")
        ]
        entry = parse_feed(response.content).entries[0]
        assert entry.title == xml_safe(HOSTILE)
        assert entry.authors[0].name == "Asha <b>Verma</b>"


@pytest.mark.parametrize("fmt", FORMATS)
def test_feed_writer_drops_characters_xml_cannot_hold_even_nul(fmt):
    feed = FEED_TYPES[fmt](title="Feed\x00 title", link="http://example.com/", description="d\x1f")
    feed.add_item(
        title="Nul\x00 and \ufffe gone",
        link="http://example.com/a/",
        description="<p>x\x07</p>",
        categories=["tag\x02"],
        authors=[{"name": "A\x03", "url": "http://example.com/authors/a/"}],
        content_html="<p>y\x04</p>",
    )
    written = feed.writeString("utf-8")
    if fmt == "json":
        data = json.loads(written)
        item = data["items"][0]
        assert (data["title"], item["title"], item["tags"]) == (
            "Feed title",
            "Nul and  gone",
            ["tag"],
        )
        return
    parsed = parse_feed(written.encode())
    assert parsed.feed.title == "Feed title"
    assert parsed.entries[0].title == "Nul and  gone"


@pytest.mark.parametrize(
    "url",
    [
        "/feeds/no-such-section.rss",
        "/feeds/authors/nobody.atom",
        "/feeds/makes/no-such-make.json",
        "/feeds/latest.xml",
        "/feeds/authors/%3Cscript%3E.rss",
        "/feeds/makes/voltra/extra.rss",
    ],
)
def test_unknown_feeds_are_404(site, client, url):
    assert client.get(url).status_code == 404


def test_feeds_answer_only_safe_methods(site, client):
    assert client.post("/feeds/latest.rss").status_code == 405
    assert client.head("/feeds/latest.rss").status_code == 200


def _fill(site, count, *, writer, make, image):
    for n in range(count):
        story(
            site.sections["news" if n % 2 else "reviews"],
            authors=[writer, AuthorFactory()],
            makes=[make] if n % 2 else [],
            hero_image=image,
            tags=["ev", f"tag-{n}"],
        )


def _feed_queries(client, urls) -> dict[str, list]:
    counts = {}
    for url in urls:
        client.get(url)  # warm: hero renditions exist on a real site after the first view
        with CaptureQueriesContext(connection) as context:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[url] = context.captured_queries
    return counts


def test_every_feed_stays_within_ten_queries_however_many_stories(site, client):
    writer, make, image = AuthorFactory(slug="budget"), MakeFactory(slug="budget"), ImageFactory()
    urls = [
        f"/feeds/{name}.{fmt}"
        for fmt in FORMATS
        for name in ("latest", "news", "authors/budget", "makes/budget")
    ]
    _fill(site, 5, writer=writer, make=make, image=image)
    few = _feed_queries(client, urls)
    _fill(site, 25, writer=writer, make=make, image=image)
    many = _feed_queries(client, urls)
    for url in urls:
        listing = "\n".join(query["sql"][:160] for query in many[url])
        assert len(many[url]) <= FEED_BUDGET, f"{url}: {len(many[url])} queries:\n{listing}"
        assert len(many[url]) == len(few[url]), f"{url}: {len(few[url])} → {len(many[url])}"


def assert_public_for_five_minutes(response):
    """Feed readers poll: browsers keep a feed five minutes, shared caches (purged on publish)
    at least as long."""
    directives = {d.strip() for d in response["Cache-Control"].split(",")}
    assert {"public", "max-age=300", "s-maxage=600"} <= directives, directives
