"""Every page type carries schema.org JSON-LD with the properties crawlers require, in one
script that no headline can break out of."""

import json
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from motorpress.catalogue.tests.factories import (
    MakeFactory,
    PricePointFactory,
    VariantFactory,
    VehicleModelFactory,
)
from motorpress.newsroom.models import ArticleKind, ArticlePage, ReviewTest
from motorpress.newsroom.services import article_create, site_structure_ensure
from motorpress.newsroom.tests.factories import AuthorFactory, ImageFactory

ARTICLE_BUDGET = 10  # as motorpress/newsroom/tests/test_query_budgets.py


def json_ld(response) -> dict:
    """The page's one JSON-LD object (a second script would be ambiguous to crawlers)."""
    page = BeautifulSoup(response.content, "html.parser")
    (script,) = page.select('script[type="application/ld+json"]')
    return json.loads(script.string)


def breadcrumb(data) -> list[tuple[int, str, str]]:
    trail = data["mainEntityOfPage"]["breadcrumb"]
    assert trail["@type"] == "BreadcrumbList"
    return [(item["position"], item["name"], item["item"]) for item in trail["itemListElement"]]


def types(data) -> set[str]:
    return {data["@type"]} if isinstance(data["@type"], str) else set(data["@type"])


@pytest.fixture
def site(db):
    return site_structure_ensure()


@pytest.fixture
def scooter(db):
    model = VehicleModelFactory(make=MakeFactory(name="TVS"), name="Orbiter", segment="scooter")
    variant = VariantFactory(vehicle_model=model, name="Standard", powertrain="ev")
    PricePointFactory(variant=variant, amount=99_900)
    return model


def story(section, title, *, kind="news", vehicles=(), **kwargs):
    return article_create(
        section=section,
        title=title,
        slug=kwargs.pop("slug", "the-story"),
        kind=kind,
        teaser="What happened, in a sentence.",
        highlights=["A highlight."],
        body=[{"type": "paragraph", "value": "<p>Words about the vehicle.</p>"}],
        authors=[AuthorFactory(name="Asha Verma")],
        vehicles=vehicles,
        first_published_at=datetime(2026, 1, 9, 10, 50, tzinfo=UTC),
        **kwargs,
    )


# --- Articles ---------------------------------------------------------------------------------


def test_news_article_has_required_properties_and_a_home_section_story_breadcrumb(client, site):
    story(site.sections["news"], "Orbiter launched", hero_image=ImageFactory())
    data = json_ld(client.get("/news/the-story/"))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Orbiter launched"
    assert data["datePublished"].startswith("2026-01-09T10:50:00")
    assert data["dateModified"]
    assert data["image"][0].startswith("http")
    assert [(a["@type"], a["name"]) for a in data["author"]] == [("Person", "Asha Verma")]
    assert data["publisher"]["@type"] == "Organization"
    assert data["publisher"]["logo"]["url"].startswith("http")
    assert data["mainEntityOfPage"]["@type"] == "WebPage"
    assert data["mainEntityOfPage"]["@id"].endswith("/news/the-story/")
    assert breadcrumb(data) == [
        (1, "motorpress", "http://testserver/"),
        (2, "News", "http://testserver/news/"),
        (3, "Orbiter launched", "http://testserver/news/the-story/"),
    ]
    assert "itemReviewed" not in data


def test_a_review_with_tested_figures_is_a_review_of_the_vehicle_with_our_rating(
    client, site, scooter
):
    review = story(site.sections["reviews"], "TVS Orbiter road test", kind="road_test",
                   vehicles=[scooter])  # fmt: skip
    ReviewTest.objects.create(
        article=review, variant=scooter.variants.get(), rating=Decimal("7.5"),
        verdict="A pleasant city scooter.",
    )  # fmt: skip
    data = json_ld(client.get("/reviews/the-story/"))
    assert types(data) == {"NewsArticle", "Review"}
    assert data["headline"] == "TVS Orbiter road test"
    item = data["itemReviewed"]
    assert item["@type"] == "Motorcycle"  # schema.org files scooters under Motorcycle
    assert item["name"] == "TVS Orbiter"
    assert item["brand"] == {"@type": "Brand", "name": "TVS"}
    assert item["url"] == "http://testserver/vehicles/tvs/orbiter/"
    assert data["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 7.5,
        "bestRating": 10,
        "worstRating": 0,
    }
    assert data["reviewBody"] == "A pleasant city scooter."
    assert [name for _, name, _ in breadcrumb(data)] == [
        "motorpress",
        "Reviews",
        "TVS Orbiter road test",
    ]


def test_a_car_review_without_tested_figures_reviews_its_vehicle_without_a_rating(client, site):
    car = VehicleModelFactory(make=MakeFactory(name="Mahindra"), name="XUV 7XO", segment="car")
    story(site.sections["reviews"], "Mahindra XUV 7XO review", kind="review", vehicles=[car])
    data = json_ld(client.get("/reviews/the-story/"))
    assert types(data) == {"NewsArticle", "Review"}
    assert data["itemReviewed"]["@type"] == "Car"
    assert data["itemReviewed"]["brand"]["name"] == "Mahindra"
    assert "reviewRating" not in data


def test_a_review_about_no_vehicle_stays_a_plain_news_article(client, site):
    story(site.sections["reviews"], "Helmets reviewed", kind="review")
    data = json_ld(client.get("/reviews/the-story/"))
    assert data["@type"] == "NewsArticle"
    assert "itemReviewed" not in data


def test_a_headline_cannot_break_out_of_the_json_ld_script(client, site):
    hostile = '</script><script>alert(1)</script> & <!-- "quoted" \u2028'
    story(site.sections["news"], hostile, slug="hostile")
    response = client.get("/news/hostile/")
    assert response.status_code == 200
    html = response.content.decode()
    start = html.index('<script type="application/ld+json">') + len(
        '<script type="application/ld+json">'
    )
    body = html[start : html.index("</script>", start)]
    assert "<" not in body
    assert ">" not in body
    data = json.loads(body)
    assert data["headline"] == hostile
    assert breadcrumb(data)[-1][1] == hostile
    page = BeautifulSoup(html, "html.parser")
    assert [s.get("type") for s in page.find_all("script")] == ["application/ld+json"]
    assert page.h1.get_text() == hostile


def test_a_review_page_stays_within_the_article_query_budget(client, site, scooter):
    review = story(site.sections["reviews"], "TVS Orbiter road test", kind="road_test",
                   vehicles=[scooter], hero_image=ImageFactory())  # fmt: skip
    ReviewTest.objects.create(article=review, variant=scooter.variants.get(), rating=7)
    client.get("/reviews/the-story/")  # warm renditions and the site cache
    with CaptureQueriesContext(connection) as context:
        data = json_ld(client.get("/reviews/the-story/"))
    assert "reviewRating" in data
    assert len(context.captured_queries) <= ARTICLE_BUDGET


# --- Vehicles and the home page ----------------------------------------------------------


def test_vehicle_page_has_vehicle_offer_and_a_vehicles_make_model_breadcrumb(client, scooter):
    data = json_ld(client.get("/vehicles/tvs/orbiter/"))
    assert data["@type"] == "Motorcycle"
    assert data["name"] == "TVS Orbiter"
    assert data["brand"]["name"] == "TVS"
    assert data["offers"] == {
        "@type": "Offer",
        "priceCurrency": "INR",
        "price": 99_900,
        "description": "Ex-showroom price",
    }
    assert data["mainEntityOfPage"]["@id"] == "http://testserver/vehicles/tvs/orbiter/"
    assert breadcrumb(data) == [
        (1, "Vehicles", "http://testserver/vehicles/"),
        (2, "TVS", "http://testserver/vehicles/tvs/"),
        (3, "TVS Orbiter", "http://testserver/vehicles/tvs/orbiter/"),
    ]


def test_home_page_has_website_with_search_action_and_the_organization(client, site):
    data = json_ld(client.get("/"))
    assert data["@type"] == "WebSite"
    assert data["url"] == "http://testserver/"
    action = data["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"] == "http://testserver/search/?q={search_term_string}"
    assert action["query-input"] == "required name=search_term_string"
    organization = data["publisher"]
    assert organization["@type"] == "Organization"
    assert organization["name"] == "motorpress"
    assert organization["url"] == "http://testserver/"
    assert organization["logo"]["url"] == "http://testserver/static/img/logo.png"
    # The SearchAction's target is a working search.
    target = action["target"].replace("http://testserver", "").format(search_term_string="x")
    assert client.get(target).status_code == 200


def test_every_demo_review_is_a_review_of_a_vehicle(client, db):
    call_command("load_demo_content", "--no-admin")
    reviews = ArticlePage.objects.live().filter(kind__in=ArticleKind.review_kinds())
    assert reviews.count() >= 5
    for article in reviews:
        data = json_ld(client.get(article.url))
        assert types(data) == {"NewsArticle", "Review"}, article.slug
        assert data["itemReviewed"]["name"], article.slug
        assert data["itemReviewed"]["brand"]["name"], article.slug
        assert len(breadcrumb(data)) == 3, article.slug
    road_test = json_ld(client.get("/reviews/tvs-orbiter-road-test-range/"))
    assert road_test["itemReviewed"]["name"] == "TVS Orbiter"
    assert road_test["reviewRating"]["ratingValue"] == 7
    assert road_test["reviewRating"]["bestRating"] == 10
