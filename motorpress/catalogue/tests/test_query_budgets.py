"""Query budgets for vehicle pages that hold however many variants, prices and stories exist.

As in the newsroom's budgets, each page is rendered once to warm what a real site has warm
(image renditions, Wagtail's site-root cache), then the content generation is bumped as after
a publish, and the next render is counted. A page must stay within its budget and make the
same number of queries with a handful of figures as with many.
"""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from motorpress.catalogue.tests.factories import (
    MakeFactory,
    OfferFactory,
    PricePointFactory,
    SalesFigureFactory,
    VariantFactory,
    VehicleModelFactory,
    create_story_about,
)
from motorpress.newsroom.tests.factories import ImageFactory

# Right after a story's publish: the panels (tested figures, claims, stories); the catalogue
# part stays cached. Right after a price, variant or offer edit the vehicle's own data, its
# panels and its segment's rivals are read again (the on-road tables only after an edit to
# the rules); read again with nothing changed, no query at all.
VEHICLE_BUDGET = 6
VEHICLE_AFTER_CATALOGUE_EDIT_BUDGET = 10  # stories with bylines: 2 of them
LISTING_BUDGET = 6


def _assert_flat(url, budget, few, many, what):
    listing = "\n".join(query["sql"][:200] for query in many)
    assert len(many) <= budget, f"{url}: {len(many)} queries:\n{listing}"
    assert len(many) == len(few), (
        f"{url}: {len(few)} queries with {what[0]}, {len(many)} with {what[1]}"
    )


def _add_variants(model, count, prices_each):
    existing = model.variants.count()
    for n in range(existing, existing + count):
        variant = VariantFactory(vehicle_model=model, name=f"Trim {n}", sort_order=n)
        for p in range(prices_each):
            PricePointFactory(
                variant=variant,
                amount=100_000 + 1000 * p,
                effective_date=date(2024, 1, 1) + timedelta(days=100 * p),
                is_demo=bool(p % 2),
            )


def _add_offers(model, count):
    today = timezone.localdate()
    for _ in range(count):
        OfferFactory(
            vehicle_models=[model],
            valid_from=today - timedelta(days=1),
            valid_until=today + timedelta(days=1),
        )


def _add_stories(site, model, count):
    for _ in range(count):
        create_story_about(site.sections["news"], vehicles=[model])


@pytest.fixture
def vehicle(site):
    return VehicleModelFactory(
        make=MakeFactory(name="Suzuki"), name="e-Access", image=ImageFactory()
    )


def test_vehicle_page_stays_within_budget_as_variants_prices_offers_and_stories_grow(
    client, site, vehicle, queries_after_publish
):
    url = vehicle.get_absolute_url()
    _add_variants(vehicle, 2, prices_each=1)
    _add_offers(vehicle, 1)
    _add_stories(site, vehicle, 1)
    SalesFigureFactory(make=vehicle.make)
    few, _ = queries_after_publish(client, url)

    _add_variants(vehicle, 10, prices_each=3)  # 12 variants, 32 prices
    _add_offers(vehicle, 7)
    _add_stories(site, vehicle, 9)
    for other in range(5):  # more models in the compare picker
        VehicleModelFactory(make=vehicle.make, name=f"Other {other}")
    many, _ = queries_after_publish(client, url)
    _assert_flat(url, VEHICLE_BUDGET, few, many, ("2 variants", "12 variants"))


def test_vehicle_page_after_a_catalogue_edit_stays_within_budget_as_figures_grow(
    client, site, vehicle, queries_after_publish
):
    url = vehicle.get_absolute_url()
    _add_variants(vehicle, 2, prices_each=1)
    _add_offers(vehicle, 1)
    _add_stories(site, vehicle, 1)
    few, _ = queries_after_publish(client, url, catalogue_edit=True)

    _add_variants(vehicle, 10, prices_each=3)
    _add_offers(vehicle, 7)
    _add_stories(site, vehicle, 9)
    for other in range(5):
        VehicleModelFactory(make=vehicle.make, name=f"Other {other}")
    many, _ = queries_after_publish(client, url, catalogue_edit=True)
    _assert_flat(url, VEHICLE_AFTER_CATALOGUE_EDIT_BUDGET, few, many, ("2 variants", "12"))


def test_a_vehicle_page_read_again_with_nothing_changed_needs_no_sql(
    client, site, vehicle, django_assert_num_queries
):
    _add_variants(vehicle, 3, prices_each=2)
    _add_offers(vehicle, 2)
    _add_stories(site, vehicle, 2)
    first = client.get(vehicle.get_absolute_url())
    with django_assert_num_queries(0):
        again = client.get(vehicle.get_absolute_url())
    assert again.content == first.content


def test_a_new_price_shows_on_a_cached_vehicle_page_at_once(
    client, site, vehicle, django_capture_on_commit_callbacks
):
    _add_variants(vehicle, 1, prices_each=1)
    assert b"1.88 lakh" not in client.get(vehicle.get_absolute_url()).content
    with django_capture_on_commit_callbacks(execute=True):
        PricePointFactory(
            variant=vehicle.variants.get(), amount=188_000, effective_date=date(2026, 6, 1)
        )
    assert b"1.88 lakh" in client.get(vehicle.get_absolute_url()).content


def test_a_story_published_about_a_vehicle_shows_on_its_cached_page_at_once(
    client, site, vehicle, django_capture_on_commit_callbacks
):
    _add_variants(vehicle, 1, prices_each=1)
    assert client.get(vehicle.get_absolute_url()).status_code == 200  # both parts cached
    with django_capture_on_commit_callbacks(execute=True):
        story = create_story_about(site.sections["news"], vehicles=[vehicle])
    assert story.title.encode() in client.get(vehicle.get_absolute_url()).content


def test_vehicle_page_stays_within_budget_as_monthly_sales_figures_grow(
    client, site, vehicle, queries_after_publish
):
    url = vehicle.get_absolute_url()
    _add_variants(vehicle, 1, prices_each=1)
    SalesFigureFactory(make=vehicle.make, vehicle_model=vehicle, period_start=date(2025, 1, 1))
    few, _ = queries_after_publish(client, url)
    for month in range(2, 13):
        SalesFigureFactory(
            make=vehicle.make, vehicle_model=vehicle, period_start=date(2025, month, 1)
        )
    many, _ = queries_after_publish(client, url)
    _assert_flat(url, VEHICLE_BUDGET, few, many, ("1 sales figure", "12"))


def _fill_catalogue(models, variants_each, prices_each):
    makes = [MakeFactory(name="Suzuki"), MakeFactory(name="KTM"), MakeFactory(name="Toyota")]
    segments = ["scooter", "motorcycle", "car"]
    for n in range(models):
        model = VehicleModelFactory(
            make=makes[n % 3],
            segment=segments[n % 3],
            status="upcoming" if n % 4 == 0 else "on_sale",
            expected_launch_start=date(2026, 1, 1) if n % 4 == 0 else None,
            expected_launch_precision="half" if n % 4 == 0 else "",
            image=ImageFactory() if n % 5 == 0 else None,
        )
        for v in range(variants_each):
            variant = VariantFactory(vehicle_model=model, powertrain=["ev", "ice", "hybrid"][v % 3])
            for p in range(prices_each):
                PricePointFactory(
                    variant=variant,
                    amount=80_000 * (n + 1) + 1000 * p,
                    effective_date=date(2025, 1, 1) + timedelta(days=30 * p),
                )
        OfferFactory(vehicle_models=[model])


LISTINGS = [
    "/vehicles/",
    "/vehicles/?segment=scooter&price=1-5&powertrain=ev",
    "/vehicles/upcoming/",
    "/vehicles/electric/",
    "/vehicles/suzuki/",
]


@pytest.mark.parametrize("url", LISTINGS)
def test_vehicle_listings_stay_within_budget_as_the_catalogue_grows(
    client, site, url, queries_after_publish
):
    _fill_catalogue(3, variants_each=1, prices_each=1)
    # Right after a catalogue edit, the worst case: the listing is read and counted again.
    few, _ = queries_after_publish(client, url, catalogue_edit=True)
    _fill_catalogue(30, variants_each=4, prices_each=3)
    many, _ = queries_after_publish(client, url, catalogue_edit=True)
    _assert_flat(url, LISTING_BUDGET, few, many, ("3 models", "33 models"))


@pytest.mark.parametrize("url", [url for url in LISTINGS if "upcoming" not in url])
def test_a_vehicle_listing_after_a_story_is_published_needs_no_sql(
    client, site, url, queries_after_publish
):
    # Its results and facet counts are cached under the catalogue generation, which a
    # story's publish leaves alone (the upcoming list also reads the makes' track records).
    _fill_catalogue(6, variants_each=2, prices_each=1)
    queries, response = queries_after_publish(client, url)
    assert b"vehicle-card" in response.content
    assert len(queries) == 0, [query["sql"][:120] for query in queries]


def test_a_new_price_moves_a_vehicle_into_its_band_on_a_cached_listing_at_once(
    client, site, django_capture_on_commit_callbacks
):
    model = VehicleModelFactory(make=MakeFactory(name="Suzuki"), name="e-Access")
    variant = VariantFactory(vehicle_model=model)
    PricePointFactory(variant=variant, amount=90_000, effective_date=date(2025, 1, 1))
    url = "/vehicles/?price=1-5"
    assert b"e-Access" not in client.get(url).content
    with django_capture_on_commit_callbacks(execute=True):
        PricePointFactory(variant=variant, amount=188_000, effective_date=date(2026, 1, 9))
    assert b"e-Access" in client.get(url).content
