"""The database itself refuses impossible figures, whatever path a write takes.

Forms and the importer check these rules too; these tests go around them (`objects.create`,
bulk `update()`, raw SQL) to prove that a script, a shell session or a future API cannot store
a zero price, a launch in 1800 or a spec figure without a source.
"""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import DataError, IntegrityError, connection, transaction

from motorpress.catalogue.models import Offer, PricePoint, SalesFigure, Variant, VehicleModel
from motorpress.catalogue.tests.factories import (
    MakeFactory,
    OfferFactory,
    PricePointFactory,
    SalesFigureFactory,
    VariantFactory,
    VehicleModelFactory,
)

# Django refuses some values itself (ValidationError for NaN) before the database sees them;
# the database refuses the rest (IntegrityError for a CHECK, DataError for an overflow).
REFUSED = (IntegrityError, DataError, ValidationError, ValueError)

pytestmark = pytest.mark.django_db


def refused(write):
    with pytest.raises(REFUSED), transaction.atomic():
        write()


@pytest.fixture
def variant():
    return VariantFactory(power_ps=Decimal("5.6"), claimed_range_km=Decimal(95))


@pytest.mark.parametrize("amount", [0, -1, -188000, 10**10 + 1])
def test_a_price_of_zero_or_less_or_beyond_any_vehicle_is_never_stored(variant, amount):
    refused(
        lambda: PricePoint.objects.create(
            variant=variant, amount=amount, effective_date=date(2026, 1, 9), source_label="x"
        )
    )
    assert not PricePoint.objects.exists()


@pytest.mark.parametrize("amount", [0, -5])
def test_a_bulk_update_cannot_zero_an_existing_price(amount):
    price = PricePointFactory(amount=188000)
    refused(lambda: PricePoint.objects.filter(pk=price.pk).update(amount=amount))
    price.refresh_from_db()
    assert price.amount == 188000


def test_a_price_dated_1800_is_never_stored(variant):
    refused(
        lambda: PricePoint.objects.create(
            variant=variant, amount=188000, effective_date=date(1800, 1, 1), source_label="x"
        )
    )
    assert not PricePoint.objects.exists()


def test_an_offer_cannot_end_before_it_starts():
    refused(
        lambda: Offer.objects.create(
            title="Backwards offer",
            up_to_amount=5000,
            valid_from=date(2026, 1, 31),
            valid_until=date(2026, 1, 1),
            source_label="x",
        )
    )
    assert not Offer.objects.exists()


def test_an_existing_offer_cannot_be_made_to_end_before_it_starts():
    offer = OfferFactory(valid_from=date(2026, 1, 1), valid_until=date(2026, 1, 31))
    refused(lambda: Offer.objects.filter(pk=offer.pk).update(valid_until=date(2025, 12, 31)))
    offer.refresh_from_db()
    assert offer.valid_until == date(2026, 1, 31)


def test_an_offer_worth_nothing_is_never_stored():
    refused(
        lambda: Offer.objects.create(
            title="Nothing off",
            up_to_amount=0,
            valid_from=date(2026, 1, 1),
            valid_until=date(2026, 1, 31),
            source_label="x",
        )
    )
    assert not Offer.objects.exists()


@pytest.mark.parametrize(
    ("start", "precision"),
    [(date(1800, 1, 1), "year"), (date(2101, 1, 1), "year"), (date(2025, 6, 1), "")],
)
def test_an_expected_launch_must_be_a_period_between_1885_and_2100(start, precision):
    make = MakeFactory()
    refused(
        lambda: VehicleModel.objects.create(
            make=make,
            name="Time Machine",
            slug="time-machine",
            segment="car",
            expected_launch_start=start,
            expected_launch_precision=precision,
        )
    )
    assert not VehicleModel.objects.exists()


def test_a_bulk_update_cannot_move_a_launch_to_1800():
    model = VehicleModelFactory(
        expected_launch_start=date(2025, 6, 1), expected_launch_precision="month"
    )
    refused(
        lambda: VehicleModel.objects.filter(pk=model.pk).update(
            expected_launch_start=date(1800, 6, 1)
        )
    )
    model.refresh_from_db()
    assert str(model.expected_launch) == "June 2025"


def test_an_editor_is_told_a_launch_period_must_start_where_its_precision_starts():
    model = VehicleModelFactory.build(
        make=MakeFactory(), expected_launch_start=date(2024, 3, 1), expected_launch_precision="half"
    )
    with pytest.raises(ValidationError) as caught:
        model.full_clean()
    assert "expected_launch_start" in caught.value.message_dict


def test_a_variant_without_any_source_is_never_stored():
    model = VehicleModelFactory()
    refused(
        lambda: Variant.objects.create(
            vehicle_model=model, name="Unsourced", slug="unsourced", powertrain="ev"
        )
    )
    assert not Variant.objects.exists()


def test_a_bulk_update_cannot_strip_a_variants_source(variant):
    refused(lambda: Variant.objects.filter(pk=variant.pk).update(source_label=""))
    variant.refresh_from_db()
    assert variant.source_label


@pytest.mark.parametrize(
    "write",
    [
        lambda v: PricePoint.objects.create(
            variant=v, amount=1000, effective_date=date(2026, 1, 1)
        ),
        lambda v: Offer.objects.create(
            title="t", up_to_amount=1, valid_from=date(2026, 1, 1), valid_until=date(2026, 1, 2)
        ),
        lambda v: SalesFigure.objects.create(
            make=v.vehicle_model.make, period="month", period_start=date(2026, 1, 1), units=5
        ),
    ],
    ids=["price", "offer", "sales"],
)
def test_prices_offers_and_sales_without_a_source_are_never_stored(variant, write):
    refused(lambda: write(variant))
    assert not PricePoint.objects.exists()
    assert not Offer.objects.exists()
    assert not SalesFigure.objects.exists()


def test_a_story_on_this_site_or_a_url_counts_as_a_source():
    model = VehicleModelFactory()
    Variant.objects.create(
        vehicle_model=model,
        name="Sourced by URL",
        slug="by-url",
        powertrain="ev",
        source_url="https://example.com/spec-sheet",
    )
    assert Variant.objects.count() == 1


@pytest.mark.parametrize("units", [0, 100_000_001])
def test_sales_of_zero_or_absurd_units_are_never_stored(units):
    refused(lambda: SalesFigureFactory(units=units))
    assert not SalesFigure.objects.exists()


def test_one_sales_figure_per_model_period_and_market():
    model = VehicleModelFactory()
    SalesFigureFactory(make=model.make, vehicle_model=model)
    refused(lambda: SalesFigureFactory(make=model.make, vehicle_model=model, units=999))
    assert SalesFigure.objects.count() == 1


def test_one_make_total_per_period_and_market():
    make = MakeFactory()
    SalesFigureFactory(make=make, vehicle_model=None, units=17271)
    refused(lambda: SalesFigureFactory(make=make, vehicle_model=None, units=18001))
    assert SalesFigure.objects.count() == 1


def test_two_models_of_one_make_cannot_share_a_slug():
    model = VehicleModelFactory()
    refused(lambda: VehicleModelFactory(make=model.make, name="Other", slug=model.slug))
    assert VehicleModel.objects.count() == 1


@pytest.mark.parametrize("field", ["power_ps", "claimed_range_km", "torque_nm", "battery_kwh"])
@pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity", "-5", "0", "1e308"])
def test_nan_infinity_and_out_of_range_specs_are_never_created(field, value):
    model = VehicleModelFactory()
    refused(
        lambda: Variant.objects.create(
            vehicle_model=model,
            name="Hostile",
            slug="hostile",
            powertrain="ev",
            source_label="x",
            **{field: Decimal(value)},
        )
    )
    assert not Variant.objects.exists()


@pytest.mark.parametrize("field", ["power_ps", "claimed_range_km"])
@pytest.mark.parametrize("value", ["NaN", "Infinity", "2000.1"])
def test_nan_and_infinity_cannot_be_bulk_updated_into_a_spec(variant, field, value):
    refused(lambda: Variant.objects.filter(pk=variant.pk).update(**{field: Decimal(value)}))
    variant.refresh_from_db()
    assert (variant.power_ps, variant.claimed_range_km) == (Decimal("5.6"), Decimal(95))


@pytest.mark.parametrize("field", ["power_ps", "claimed_range_km"])
@pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity", "1e308"])
def test_the_database_check_refuses_nan_and_infinity_sent_as_raw_sql(variant, field, value):
    """Django's DecimalField refuses NaN before the database; raw SQL proves the CHECK does too."""
    table = connection.ops.quote_name(Variant._meta.db_table)
    column = connection.ops.quote_name(field)
    with (
        pytest.raises((IntegrityError, DataError)),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(f"UPDATE {table} SET {column} = %s WHERE id = %s", [value, variant.pk])
    variant.refresh_from_db()
    assert (variant.power_ps, variant.claimed_range_km) == (Decimal("5.6"), Decimal(95))
