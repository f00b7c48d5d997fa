"""Query budgets: every list costs the same few queries however many items it returns.

Each URL is requested once to warm what a running site has warm (image renditions exist, the
Site and its root paths are cached), then counted. Then the content grows (more stories,
authors, makes, models with images, variants, prices and claims) and the count must not move.
"""

from datetime import date, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext

from motorpress.api.tests.demo import section
from motorpress.catalogue.models import Make
from motorpress.catalogue.tests.factories import (
    MakeFactory,
    PricePointFactory,
    VariantFactory,
    VehicleModelFactory,
)
from motorpress.ledger.tests.factories import ClaimFactory, OutcomeFactory
from motorpress.newsroom.models import Author
from motorpress.newsroom.tests.factories import AuthorFactory, ImageFactory, create_article

BUDGET = 10


def _queries(client, url) -> list[dict]:
    client.get(url)  # warm renditions and the cached Site
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return context.captured_queries


def _assert_flat(url, few, many):
    listing = "\n".join(query["sql"][:160] for query in many)
    assert len(many) <= BUDGET, f"{url}: {len(many)} queries:\n{listing}"
    assert len(many) == len(few), f"{url}: {len(few)} queries before, {len(many)} after"


def _more_stories(count):
    writers = [Author.objects.get(slug="meera-kulkarni"), AuthorFactory(photo=ImageFactory())]
    images = [ImageFactory() for _ in range(4)]
    suzuki = Make.objects.get(slug="suzuki")
    for n in range(count):
        story = create_article(
            section("news" if n % 2 else "reviews"),
            kind="news" if n % 2 else "review",
            authors=writers if n % 3 else writers[:1],
            hero_image=images[n % len(images)],
            tags=("ktm", f"extra-{n}", "budget"),
        )
        story.makes.add(suzuki)
        story.save()


def _more_catalogue(makes, models_each):
    for n in range(makes):
        make = MakeFactory() if n else Make.objects.get(slug="suzuki")
        for _ in range(models_each):
            model = VehicleModelFactory(make=make, segment="scooter", image=ImageFactory())
            for v in range(2):
                variant = VariantFactory(vehicle_model=model, powertrain=["ev", "ice"][v])
                for p in range(2):
                    PricePointFactory(
                        variant=variant,
                        amount=150_000 + 1000 * p,
                        effective_date=date(2025, 1, 1) + timedelta(days=60 * p),
                    )


def _more_claims(count):
    story = create_article(section("news"))
    suzuki = Make.objects.get(slug="suzuki")
    for _ in range(count):
        claim = ClaimFactory(make=suzuki, source_page=story)
        OutcomeFactory(claim=claim, happened_on=date(2024, 9, 1), source_page=story)


def _grow(scale):
    """More of everything a list shows, `scale` times over."""
    _more_stories(4 * scale)
    for _ in range(scale):
        AuthorFactory(photo=ImageFactory())
    _more_catalogue(makes=scale, models_each=2)
    e_access = Make.objects.get(slug="suzuki").models.get(slug="e-access")
    for _ in range(scale):
        PricePointFactory(variant=VariantFactory(vehicle_model=e_access))
    _more_claims(2 * scale)


FILTERS = ["", "&section=news", "&make=suzuki", "&tag=ktm&kind=news", "&author=meera-kulkarni"]


def test_a_page_of_5_or_50_stories_costs_the_same_queries(client, demo):
    _more_stories(40)
    for filters in FILTERS:
        few = _queries(client, f"/api/v1/articles?limit=5{filters}")
        url = f"/api/v1/articles?limit=50{filters}"
        many = _queries(client, url)
        assert len(client.get(url).json()["items"]) > 5, url
        _assert_flat(url, few, many)


LISTS = [
    "/api/v1/latest",
    "/api/v1/sections",
    "/api/v1/authors",
    "/api/v1/authors/meera-kulkarni",
    "/api/v1/makes",
    "/api/v1/makes/suzuki",
    "/api/v1/models",
    "/api/v1/models?segment=scooter&powertrain=ev",
    "/api/v1/models/suzuki/e-access",
    "/api/v1/claims",
    "/api/v1/claims?make=suzuki&status=late",
]


def test_every_list_stays_within_budget_as_the_content_grows(client, demo):
    _grow(1)
    few = {url: _queries(client, url) for url in LISTS}
    _grow(4)
    many = {url: _queries(client, url) for url in LISTS}
    for url in LISTS:
        _assert_flat(url, few[url], many[url])
