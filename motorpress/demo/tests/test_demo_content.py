"""The demo newsroom loads completely, idempotently, and reads like the reference site."""

import re
from collections import Counter

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.utils import timezone
from wagtail.images import get_image_model

from motorpress.newsroom.models import ArticleKind, ArticlePage, Author


@pytest.fixture
def demo(db):
    call_command("load_demo_content", "--no-admin")


def test_demo_has_24_stories_of_every_kind_by_five_staff_with_realistic_read_times(demo):
    articles = ArticlePage.objects.live().in_edition("en-gb")
    assert articles.count() >= 24
    assert set(articles.values_list("kind", flat=True)) == set(ArticleKind.values)
    assert Author.objects.count() >= 5
    bylines = Counter(a.author.slug for article in articles for a in article.article_authors.all())
    assert len(bylines) >= 5

    minutes = sorted(articles.values_list("read_time_minutes", flat=True))
    assert minutes[0] == 1
    assert minutes[-1] == 11
    for article in articles.filter(kind__in=ArticleKind.review_kinds()):
        assert article.read_time_minutes >= 4, article.slug  # reviews run 800+ words

    road_test = articles.get(slug="tvs-orbiter-road-test-range")
    assert "demo figure" in road_test.plain_text()  # the facts sheet has no tested figures


def test_the_lead_story_and_home_read_like_the_reference_pages(demo, client):
    article = ArticlePage.objects.in_edition("en-gb").get(slug="xiaomi-ev-mass-production-2024")
    local = timezone.localtime(article.first_published_at)
    assert (local.year, local.month) == (2021, 11)
    response = client.get("/news/xiaomi-ev-mass-production-2024/")
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert len(page.select("ul.highlights li")) >= 3
    assert page.select(".story__meta .byline a[href^='/authors/']")
    rail_dates = [t["datetime"] for t in page.select("aside.rail time")]
    assert len(rail_dates) == 10
    assert sum(date.startswith("2026") for date in rail_dates) >= 9

    page = BeautifulSoup(client.get("/").content, "html.parser")
    labels = [node.get_text(strip=True) for node in page.select(".rail .read-time")]
    assert len(labels) >= 10
    assert all(re.fullmatch(r"1 min read|\d+ mins read", label) for label in labels)


def test_loading_twice_adds_nothing(demo):
    counts = (
        ArticlePage.objects.count(),
        Author.objects.count(),
        get_image_model().objects.count(),
    )
    call_command("load_demo_content", "--no-admin")
    assert (
        ArticlePage.objects.count(),
        Author.objects.count(),
        get_image_model().objects.count(),
    ) == counts


def test_the_demo_comparison_embeds_a_live_table_and_links_to_its_compare_page(demo, client):
    page = BeautifulSoup(
        client.get("/comparisons/ktm-rc-160-vs-yamaha-r15-comparison/").content, "html.parser"
    )
    table = page.select_one(".compare-block table")
    assert "KTM RC 160" in table.get_text()
    assert "Yamaha R15" in table.get_text()
    links = {a["href"] for a in page.select("a")}
    assert "/compare/ktm-rc-160-vs-yamaha-r15/" in links
    assert client.get("/compare/ktm-rc-160-vs-yamaha-r15/").status_code == 200
    vehicle_page = client.get("/vehicles/suzuki/e-access/").content.decode()
    assert "Rs 1.88 lakh" in vehicle_page
    assert "95 km" in vehicle_page


def test_the_hindi_edition_has_its_own_stories_some_translated(demo, client):
    hindi = ArticlePage.objects.live().in_edition("hi")
    assert hindi.count() >= 10
    english_keys = set(
        ArticlePage.objects.in_edition("en-gb").values_list("translation_key", flat=True)
    )
    translated = [story for story in hindi if story.translation_key in english_keys]
    assert len(translated) >= 6
    assert len(translated) < hindi.count()  # and Hindi-only stories
    for story in hindi:
        assert re.search("[\u0900-\u097f]", story.title), story.slug
        assert story.url.startswith("/hi/"), story.slug
        assert story.read_time_minutes >= 2, story.slug  # 250 words and more
    page = BeautifulSoup(client.get("/hi/").content, "html.parser")
    assert page.html["lang"] == "hi-IN"
    assert [a.get_text() for a in page.select("nav .nav a")][:4] == [
        "ख़बरें",
        "रिव्यू",
        "तुलना",
        "फ़ीचर",
    ]
