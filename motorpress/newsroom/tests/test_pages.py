"""Every newsroom page type renders what a reader relies on, and bad input is a 404."""

import json
import re
from datetime import UTC, datetime

import pytest
from bs4 import BeautifulSoup

from motorpress.newsroom.tests.factories import AuthorFactory, ImageFactory, create_article


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def json_ld(page_soup):
    return [
        json.loads(tag.string) for tag in page_soup.select('script[type="application/ld+json"]')
    ]


@pytest.fixture
def newsroom(site):
    """Twelve stories in News, one with two authors and a hero image, dated in IST terms."""
    writers = [AuthorFactory(name="Asha Verma"), AuthorFactory(name="Kabir Shah")]
    stories = [create_article(site.sections["news"], title=f"Story {n}") for n in range(12)]
    lead = create_article(
        site.sections["news"],
        title="Xiaomi sets 2024 target",
        slug="xiaomi-ev-mass-production-2024",
        highlights=["Ahead of schedule.", "Mass production in 2024 H1.", "USD 10 billion."],
        authors=writers,
        words=430,
        hero_image=ImageFactory(file__width=1600, file__height=900),
        published_at=datetime(2021, 11, 24, 5, 0, tzinfo=UTC),  # 10:30 IST
    )
    return {"site": site, "stories": stories, "lead": lead, "writers": writers}


def test_article_page_shows_headline_highlights_bylines_date_and_read_time(client, newsroom):
    response = client.get("/news/xiaomi-ev-mass-production-2024/")
    assert response.status_code == 200
    page = soup(response)
    assert page.h1.get_text(strip=True) == "Xiaomi sets 2024 target"
    highlights = [li.get_text(strip=True) for li in page.select("ul.highlights li")]
    assert highlights == ["Ahead of schedule.", "Mass production in 2024 H1.", "USD 10 billion."]
    bylines = page.select(".story__meta .byline a")
    assert [(a.get_text(), a["href"]) for a in bylines] == [
        ("Asha Verma", "/authors/asha-verma/"),
        ("Kabir Shah", "/authors/kabir-shah/"),
    ]
    meta = page.select_one(".story__meta").get_text(" ", strip=True)
    assert "24 Nov 2021, 10:30 AM IST" in meta
    assert "2 mins read" in meta


def test_article_hero_image_is_responsive_with_dimensions(client, newsroom):
    page = soup(client.get("/news/xiaomi-ev-mass-production-2024/"))
    hero = page.select_one(".story__hero img")
    assert int(hero["width"]) > 0
    assert int(hero["height"]) > 0
    assert len(hero["srcset"].split(",")) == 3
    assert hero["alt"]


def test_article_latest_rail_lists_the_ten_newest_other_stories(client, newsroom):
    page = soup(client.get("/news/xiaomi-ev-mass-production-2024/"))
    rail = page.select("aside.rail li.rail-item")
    assert len(rail) == 10
    titles = [item.select_one("h3").get_text(strip=True) for item in rail]
    assert titles == [story.title for story in reversed(newsroom["stories"])][:10]
    first = rail[0]
    assert first.select_one(".byline").get_text(strip=True).startswith("Test Writer")
    assert first.select_one("time")["datetime"]
    assert first.select_one(".teaser").get_text(strip=True) == "Teaser for Story 11."
    assert first.select_one(".read-time").get_text(strip=True) == "2 mins read"


def test_article_has_seo_tags_and_news_article_json_ld(client, newsroom):
    page = soup(client.get("/news/xiaomi-ev-mass-production-2024/"))
    assert page.title.get_text().startswith("Xiaomi sets 2024 target")
    assert page.select_one('meta[name="description"]')["content"] == newsroom["lead"].teaser
    assert page.select_one('link[rel="canonical"]')["href"].endswith(
        "/news/xiaomi-ev-mass-production-2024/"
    )
    assert page.select_one('meta[property="og:type"]')["content"] == "article"
    assert page.select_one('meta[property="og:image"]')["content"].startswith("http")
    (data,) = json_ld(page)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Xiaomi sets 2024 target"
    assert data["datePublished"].startswith("2021-11-24T05:00:00")
    assert data["dateModified"]
    assert data["image"][0].startswith("http")
    assert [a["name"] for a in data["author"]] == ["Asha Verma", "Kabir Shah"]
    assert all(a["@type"] == "Person" and a["url"].endswith("/") for a in data["author"])
    assert data["publisher"]["@type"] == "Organization"


def test_article_lists_related_stories(client, newsroom):
    page = soup(client.get("/news/xiaomi-ev-mass-production-2024/"))
    related = page.select(".related li a")
    assert len(related) == 4
    assert "Xiaomi sets 2024 target" not in [a.get_text() for a in related]


def test_home_leads_with_the_newest_story_and_shows_the_rail_and_reviews(client, newsroom):
    create_article(newsroom["site"].sections["reviews"], title="A scooter reviewed", kind="review")
    page = soup(client.get("/"))
    lead = page.select_one("article.lead")
    assert lead.select_one("h2").get_text(strip=True) == "A scooter reviewed"
    assert lead.select("ul.highlights li")
    rail = page.select("aside.rail li.rail-item")
    assert len(rail) == 10
    assert all(
        re.fullmatch(r"\d+ mins? read", li.select_one(".read-time").get_text()) for li in rail
    )
    assert [h.get_text(strip=True) for h in page.select(".strip .card__title")] == [
        "A scooter reviewed"
    ]
    (data,) = json_ld(page)
    assert data["@type"] == "WebSite"


def test_home_uses_the_editors_chosen_lead_story(client, newsroom):
    home = newsroom["site"].home
    home.lead_story = newsroom["lead"]
    home.save_revision().publish()
    page = soup(client.get("/"))
    assert page.select_one("article.lead h2").get_text(strip=True) == "Xiaomi sets 2024 target"


def test_a_story_published_after_home_was_read_leads_it_at_once(
    client, newsroom, django_capture_on_commit_callbacks
):
    # The lead block is cached until the next publish; the publish must move it on.
    before = soup(client.get("/")).select_one("article.lead h2").get_text(strip=True)
    with django_capture_on_commit_callbacks(execute=True):
        create_article(newsroom["site"].sections["news"], title="Just in: a launch")
    after = soup(client.get("/")).select_one("article.lead h2").get_text(strip=True)
    assert before != "Just in: a launch"
    assert after == "Just in: a launch"


def test_section_listing_paginates_newest_first(client, site):
    for n in range(25):
        create_article(site.sections["features"], title=f"Feature {n}", kind="feature")
    first = soup(client.get("/features/"))
    assert len(first.select(".card")) == 20
    assert first.select_one(".card__title").get_text(strip=True) == "Feature 24"
    second = soup(client.get("/features/?page=2"))
    assert len(second.select(".card")) == 5
    assert second.select_one('link[rel="canonical"]')["href"].endswith("/features/?page=2")


def test_latest_lists_every_section(client, site):
    create_article(site.sections["news"], title="A news story")
    create_article(site.sections["reviews"], title="A review", kind="review")
    page = soup(client.get("/latest/"))
    assert [h.get_text(strip=True) for h in page.select(".card__title")] == [
        "A review",
        "A news story",
    ]


def test_author_page_lists_their_stories_with_profile_json_ld(client, newsroom):
    response = client.get("/authors/asha-verma/")
    assert response.status_code == 200
    page = soup(response)
    assert page.h1.get_text(strip=True) == "Asha Verma"
    assert [h.get_text(strip=True) for h in page.select(".card__title")] == [
        "Xiaomi sets 2024 target"
    ]
    (data,) = json_ld(page)
    assert data["mainEntity"]["name"] == "Asha Verma"


def test_drafts_are_neither_served_nor_listed(client, site):
    create_article(site.sections["news"], title="Secret draft", publish=False)
    assert client.get("/news/secret-draft/").status_code == 404
    assert b"Secret draft" not in client.get("/latest/").content
    assert b"Secret draft" not in client.get("/").content


@pytest.mark.parametrize("page_number", ["abc", "-1", "0", "1e9", "9" * 20, "2"])
@pytest.mark.parametrize("url", ["/latest/", "/news/", "/authors/asha-verma/"])
def test_bad_page_numbers_are_404(client, newsroom, url, page_number):
    assert client.get(url, {"page": page_number}).status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/news/no-such-story/",
        "/no-such-section/",
        "/authors/nobody/",
        "/news/xiaomi-ev-mass-production-2024/extra/",
        "/news/%00/",
        "/authors/%E0%A4%95/",
    ],
)
def test_unknown_slugs_are_404(client, newsroom, url):
    assert client.get(url).status_code == 404


def test_private_sections_stay_private_and_unlisted(client, site):
    from wagtail.models import PageViewRestriction

    create_article(site.sections["features"], title="Members-only feature", kind="feature")
    PageViewRestriction.objects.create(
        page=site.sections["features"], restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get("/features/members-only-feature/")
    assert response.status_code == 302
    assert "/login" in response["Location"]
    assert b"Members-only feature" not in client.get("/latest/").content
    assert b"Members-only feature" not in client.get("/").content


def test_a_missing_page_gets_the_sites_own_404_page(client, site):
    response = client.get("/latest/", {"page": "abc"})
    assert response.status_code == 404
    page = soup(response)
    assert page.h1.get_text(strip=True) == "We could not find that page"
    assert page.select_one('a[href="/search/"]')
