"""Catalogue and ledger saves purge, after the commit, every URL that shows the vehicle: the
shipped Varnish config in front of the app (a real varnishd on loopback)."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from motorpress.catalogue.tests.factories import (
    MakeFactory,
    OfferFactory,
    PricePointFactory,
    VariantFactory,
    VehicleModelFactory,
    create_story_about,
)
from motorpress.core.tests.purge_servers import varnish_in_front
from motorpress.core.tests.test_varnish import fetch, warm
from motorpress.ledger.tests.factories import ClaimFactory, OutcomeFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def cdn(live_server, tmp_path, settings):
    """(Varnish's base URL, the e-Access, its variant, a rival, a story about it)."""
    with varnish_in_front(live_server, tmp_path, settings) as (base, structure):
        suzuki = MakeFactory(name="Suzuki", slug="suzuki")
        scooter = VehicleModelFactory(make=suzuki, name="e-Access", slug="e-access")
        variant = VariantFactory(vehicle_model=scooter, name="Standard", slug="standard")
        PricePointFactory(variant=variant, amount=188_000)
        rival = VehicleModelFactory(make=MakeFactory(name="TVS", slug="tvs"), slug="orbiter")
        PricePointFactory(variant=VariantFactory(vehicle_model=rival), amount=99_900)
        story = create_story_about(
            structure.sections["news"], vehicles=[scooter], title="Suzuki e-Access launched"
        )
        yield base, scooter, variant, rival, story


COMPARE = "/compare/suzuki-e-access-vs-tvs-orbiter/"
VEHICLE_PAGES = [
    "/vehicles/",
    "/vehicles/suzuki/",
    "/vehicles/suzuki/e-access/",
    COMPARE,
    "/api/v1/models/suzuki/e-access",
    "/api/v1/makes/suzuki",
    "/api/v1/models",
]


def test_a_new_price_is_shown_at_once_wherever_the_vehicle_is_cached(cdn):
    base, _scooter, variant, _rival, story = cdn
    for path in [*VEHICLE_PAGES, story.url]:
        warm(base, path)

    PricePointFactory(variant=variant, amount=193_500, effective_date="2026-06-01")

    for path in VEHICLE_PAGES:
        response = fetch(base, path)
        assert response.headers["X-Cache"] == "MISS", f"{path} was not purged"
        # Pages print "Rs 1.94 lakh" or "₹1,93,500"; the API prints the rupees.
        assert any(price in response.text for price in ("1.94 lakh", "1,93,500", "193500")), path
    assert fetch(base, story.url).headers["X-Cache"] == "MISS"


def test_compare_pages_naming_the_vehicle_in_any_position_are_purged_and_no_others(cdn):
    base, _scooter, variant, rival, _story = cdn
    third = VehicleModelFactory(make=rival.make, slug="jupiter")
    PricePointFactory(variant=VariantFactory(vehicle_model=third))
    with_scooter = [COMPARE, "/compare/suzuki-e-access-vs-tvs-jupiter-vs-tvs-orbiter/"]
    without = "/compare/tvs-jupiter-vs-tvs-orbiter/"
    for path in [*with_scooter, without]:
        warm(base, path)

    variant.power_ps = 8
    variant.save()

    for path in with_scooter:
        assert fetch(base, path).headers["X-Cache"] == "MISS", path
    assert fetch(base, without).headers["X-Cache"] == "HIT"


def test_an_offer_and_a_claims_outcome_purge_the_vehicle_and_the_tracker(cdn):
    base, scooter, _variant, _rival, _story = cdn
    claim = ClaimFactory(make=scooter.make, vehicle_model=scooter)
    for path in ["/vehicles/suzuki/e-access/", "/tracker/", "/tracker/suzuki/", "/api/v1/claims"]:
        warm(base, path)
    OutcomeFactory(claim=claim, happened_on="2024-05-01")
    for path in ["/vehicles/suzuki/e-access/", "/tracker/", "/tracker/suzuki/", "/api/v1/claims"]:
        assert fetch(base, path).headers["X-Cache"] == "MISS", path

    warm(base, "/vehicles/suzuki/e-access/")
    offer = OfferFactory(title="Festive cashback")
    offer.vehicle_models.add(scooter)
    assert fetch(base, "/vehicles/suzuki/e-access/").headers["X-Cache"] == "MISS"


def test_a_rolled_back_catalogue_change_purges_nothing(cdn):
    base, _scooter, variant, _rival, _story = cdn
    warm(base, "/vehicles/suzuki/e-access/")
    with pytest.raises(RuntimeError):
        _add_price_then_fail(variant)
    assert fetch(base, "/vehicles/suzuki/e-access/").headers["X-Cache"] == "HIT"


def test_without_varnish_or_a_cdn_a_catalogue_save_looks_nothing_up_for_purging(db):
    variant = VariantFactory()
    with CaptureQueriesContext(connection) as queries:
        PricePointFactory(variant=variant, amount=120_000)
    purge_lookups = [
        q["sql"]
        for q in queries.captured_queries
        if any(table in q["sql"] for table in ("catalogue_variant", "wagtailcore_site"))
    ]
    assert purge_lookups == []


def _add_price_then_fail(variant) -> None:
    """A price written inside a transaction that then fails, as a later bad import row would."""
    with transaction.atomic():
        PricePointFactory(variant=variant, amount=250_000, effective_date="2026-06-01")
        raise RuntimeError("the import failed on a later row")
