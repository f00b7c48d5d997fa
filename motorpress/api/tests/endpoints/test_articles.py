"""Stories through the API: lists with filters, cursor pages, detail, latest, sections, authors."""

from datetime import date, datetime, timedelta

import pytest
from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from motorpress.newsroom.models import ArticlePage, Author
from motorpress.newsroom.tests.factories import create_article

ENGLISH_STORIES = 24  # the demo's English edition; its Hindi story is listed with lang=hi


def published_ids(lang=settings.LANGUAGE_CODE, **lookups) -> list[int]:
    """What the API should list of an edition, straight from the ORM, newest first."""
    qs = ArticlePage.objects.live().filter(locale__language_code=lang, **lookups).distinct()
    return list(qs.order_by("-first_published_at", "-pk").values_list("pk", flat=True))


def walk(api, query: str, limit: int) -> list[list[int]]:
    """Every page of /articles for `query`, following `next_cursor`."""
    pages, cursor = [], None
    while True:
        suffix = f"&cursor={cursor}" if cursor else ""
        response = api(f"/articles?limit={limit}&{query}{suffix}")
        assert response.status_code == 200, response.content
        body = response.json()
        pages.append([item["id"] for item in body["items"]])
        cursor = body["next_cursor"]
        if cursor is None:
            return pages
        assert len(pages) < 100, "pagination does not end"


def test_an_article_item_has_links_bylines_tags_dates_read_time_and_image(api):
    body = api("/articles?limit=3").json()
    assert body["limit"] == 3
    assert [item["id"] for item in body["items"]] == published_ids()[:3]
    item = body["items"][0]
    page = ArticlePage.objects.get(pk=item["id"])
    assert item["url"] == f"http://testserver{page.url}"
    assert item["api_url"] == f"http://testserver/api/v1/articles/{page.pk}"
    assert item["title"] == page.title
    assert item["kind"] == page.kind
    assert item["section"]["url"] == f"http://testserver{page.get_parent().url}"
    assert item["highlights"] == page.highlight_texts
    assert [a["slug"] for a in item["authors"]] == [a.slug for a in page.authors]
    assert item["authors"][0]["url"] == f"http://testserver/authors/{page.authors[0].slug}/"
    assert {t["slug"] for t in item["tags"]} == set(page.tags.values_list("slug", flat=True))
    assert item["published"] == timezone.localtime(page.first_published_at).isoformat()
    assert item["published"].endswith("+05:30")
    assert item["read_time_minutes"] == page.read_time_minutes
    assert item["image"].startswith("http://testserver/media/images/")
    assert ".width-800." in item["image"]


def test_cursor_pages_walk_all_english_demo_stories_without_duplicates_or_gaps(api):
    pages = walk(api, "", limit=7)
    assert [len(page) for page in pages] == [7, 7, 7, ENGLISH_STORIES - 21]
    seen = [pk for page in pages for pk in page]
    assert len(seen) == len(set(seen)) == ENGLISH_STORIES
    assert seen == published_ids()


def test_cursor_pages_hold_when_stories_share_a_publication_time(api, demo):
    section = ArticlePage.objects.live().first().get_parent()
    moment = timezone.now() - timedelta(hours=1)
    twins = [create_article(section, published_at=moment) for _ in range(5)]
    pages = walk(api, "", limit=3)
    seen = [pk for page in pages for pk in page]
    assert len(seen) == len(set(seen)) == ENGLISH_STORIES + 5
    assert seen[:5] == sorted((twin.pk for twin in twins), reverse=True)


def test_the_next_link_keeps_the_filters(api):
    body = api("/articles?section=news&limit=2").json()
    assert "section=news" in body["next"]
    assert "cursor=" in body["next"]
    following = api(body["next"].removeprefix("http://testserver/api/v1")).json()
    assert [i["id"] for i in following["items"]] == published_ids(
        path__startswith=ArticlePage.objects.get(pk=body["items"][0]["id"]).get_parent().path
    )[2:4]


def _expected(name):
    today = timezone.localdate()
    return {
        "section=reviews": Q(url_path__startswith="/home/reviews/"),
        "kind=review": Q(kind="review"),
        "author=meera-kulkarni": Q(article_authors__author__slug="meera-kulkarni"),
        "make=suzuki": Q(makes__slug="suzuki") | Q(vehicles__make__slug="suzuki"),
        "vehicle=suzuki/e-access": Q(vehicles__make__slug="suzuki", vehicles__slug="e-access"),
        "tag=ktm": Q(tagged_items__tag__slug="ktm"),
        "published_after=2026-01-01": Q(first_published_at__date__gte=date(2026, 1, 1)),
        "published_before=2026-01-01": Q(first_published_at__date__lt=date(2026, 1, 1)),
        f"published_after={today}": Q(first_published_at__date__gte=today),
    }[name]


@pytest.mark.parametrize(
    "query",
    [
        "section=reviews",
        "kind=review",
        "author=meera-kulkarni",
        "make=suzuki",
        "vehicle=suzuki/e-access",
        "tag=ktm",
        "published_after=2026-01-01",
        "published_before=2026-01-01",
    ],
)
def test_each_filter_lists_exactly_the_matching_stories(api, query):
    expected = published_ids(pk__in=ArticlePage.objects.filter(_expected(query)).values("pk"))
    assert expected, f"the demo has no story for {query}"
    assert len(expected) < ENGLISH_STORIES, f"{query} filters nothing out"
    pages = walk(api, query, limit=100)
    assert pages == [expected]


def test_filters_combine(api):
    items = api("/articles?make=suzuki&kind=launch").json()["items"]
    assert [item["slug"] for item in items] == ["suzuki-e-access-launched-price-range"]


def test_published_dates_are_days_in_india(api, demo):
    """A story published at 00:30 on 10 January in India is on the 10th, though it is the 9th
    in UTC."""
    section = ArticlePage.objects.live().first().get_parent()
    india_midnight = timezone.make_aware(datetime(2019, 1, 10, 0, 30))
    story = create_article(section, published_at=india_midnight)
    on_the_10th = api("/articles?published_after=2019-01-10&published_before=2019-01-11").json()
    assert [item["id"] for item in on_the_10th["items"]] == [story.pk]
    assert api("/articles?published_before=2019-01-10").json()["items"] == []


@pytest.mark.parametrize(
    ("query", "count"),
    [
        ("published_after=0001-01-01", ENGLISH_STORIES),  # midnight in India is still year 0 in UTC
        ("published_before=0001-01-01", 0),
        ("published_after=9999-12-31", 0),
        ("published_before=9999-12-31", ENGLISH_STORIES),
    ],
)
def test_the_first_and_last_representable_days_are_ordinary_filters(api, query, count):
    response = api(f"/articles?limit=100&{query}")
    assert response.status_code == 200
    assert len(response.json()["items"]) == count


@pytest.mark.parametrize(
    "query", ["section=nowhere", "author=nobody", "make=nomake", "vehicle=a/b", "tag=none-such"]
)
def test_a_filter_matching_nothing_is_an_empty_page(api, query):
    body = api(f"/articles?{query}").json()
    assert body == {"items": [], "limit": 20, "next_cursor": None, "next": None}


def test_limit_defaults_to_20_and_stops_at_100(api):
    assert len(api("/articles").json()["items"]) == 20
    assert len(api("/articles?limit=100").json()["items"]) == ENGLISH_STORIES
    response = api("/articles?limit=101")
    assert response.status_code == 422
    assert "limit" in response.json()["detail"]


@pytest.mark.parametrize(
    "query",
    [
        "limit=abc",
        "limit=0",
        "published_after=not-a-date",
        "published_before=2026-13-01",
        "kind=gossip",
        "vehicle=suzuki",
        "section=no%20spaces",
    ],
)
def test_a_malformed_parameter_is_a_422_naming_it(api, query):
    response = api(f"/articles?{query}")
    assert response.status_code == 422
    assert response["Content-Type"] == "application/json; charset=utf-8"
    body = response.json()
    name = query.split("=")[0]
    assert f"'{name}'" in body["detail"]
    assert body["errors"][0]["field"] == name


@pytest.mark.parametrize(
    "cursor",
    [
        "abc",  # not base64 of anything
        "W10",  # []
        "eyJ4IjoxfQ",  # {"x":1}
        "WyIyMDI2LTAxLTAxIiwxXQ",  # ["2026-01-01",1]: a time without its offset
        "WyIwMDAxLTAxLTAxVDAwOjAwOjAwKzA1OjMwIiwxXQ",  # year 1 in India: before UTC begins
        "WyIyMDI2LTAxLTAxVDAwOjAwOjAwKzAwOjAwIiwwXQ",  # id 0
        "%00",
    ],
)
def test_a_cursor_the_api_did_not_issue_is_a_400(api, cursor):
    response = api(f"/articles?cursor={cursor}")
    assert response.status_code == 400
    assert response.json()["detail"].startswith("Invalid cursor")


def test_an_overlong_cursor_is_refused_before_decoding(api):
    response = api(f"/articles?cursor={'x' * 201}")
    assert response.status_code == 422
    assert "'cursor'" in response.json()["detail"]


def test_latest_is_the_newest_twenty(api):
    items = api("/latest").json()["items"]
    assert [item["id"] for item in items] == published_ids()[:20]


def test_article_detail_renders_the_body_and_its_blocks(api):
    page = ArticlePage.objects.in_edition("en-gb").get(slug="ktm-rc-160-vs-yamaha-r15-comparison")
    body = api(f"/articles/{page.pk}").json()
    assert body["title"] == page.title
    assert "<table" in body["body_html"]
    assert "KTM RC 160" in body["body_html"]
    types = [block["type"] for block in body["body"]]
    assert types == [block.block_type for block in page.body]
    first = body["body"][0]
    assert first["value"].startswith("<p>")
    assert first["id"] == page.body[0].id
    table = body["body"][-1]["value"]
    assert table["vehicles"] == ["ktm-rc-160", "yamaha-r15"]
    assert table["api_url"].endswith("/api/v1/compare?vehicles=ktm-rc-160&vehicles=yamaha-r15")
    assert {v["compare_slug"] for v in body["vehicles"]} == {"ktm-rc-160", "yamaha-r15"}
    assert body["tested"] is None


def test_a_road_test_carries_its_tested_figures_beside_the_claim(api):
    page = ArticlePage.objects.in_edition("en-gb").get(slug="tvs-orbiter-road-test-range")
    tested = api(f"/articles/{page.pk}").json()["tested"]
    assert tested["variant"]["vehicle"]["compare_slug"] == "tvs-orbiter"
    assert tested["real_world_range_km"] == 112
    assert tested["distance_km"] == 286
    assert tested["claimed_range_km"] == float(page.tests.get().variant.claimed_range_km)
    assert tested["range_gap_percent"] < 0
    assert tested["pros"] == ["Smooth, quiet power delivery", "Comfortable for city commuting"]
    assert tested["rating"] == 7
    assert tested["is_demo"] is True


def test_an_unknown_article_is_a_404_json(api):
    response = api("/articles/999999")
    assert response.status_code == 404
    assert response.json() == {"detail": "No published story has the id 999999."}


def test_sections_are_the_four_public_sections(api):
    items = api("/sections").json()["items"]
    assert [s["slug"] for s in items] == ["news", "reviews", "comparisons", "features"]
    assert items[0]["articles_url"] == "http://testserver/api/v1/articles?section=news"


def test_authors_and_an_authors_page(api):
    authors = api("/authors").json()["items"]
    assert [a["slug"] for a in authors] == list(Author.objects.values_list("slug", flat=True))
    assert all(a["photo"].endswith(".webp") for a in authors)
    author = authors[0]
    detail = api(f"/authors/{author['slug']}").json()
    assert detail["name"] == author["name"]
    expected = published_ids(article_authors__author__slug=author["slug"])[:10]
    assert [item["id"] for item in detail["latest"]] == expected
    assert api("/authors/nobody").status_code == 404
