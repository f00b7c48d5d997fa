"""Road-tax rule selection: band edges, the day a schedule changes, EV waivers expiring."""

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from motorpress.catalogue.pricing.onroad import Charges, on_road_breakdown
from motorpress.catalogue.pricing.rules import RoadTaxRule, road_tax, select_rule

OLD = date(2024, 4, 1)
NEW = date(2025, 4, 1)
EDGE = 1_000_000

SLABS = [
    RoadTaxRule("MH", "car", OLD, "old schedule", price_max=EDGE, percent=Decimal(11)),
    RoadTaxRule("MH", "car", OLD, "old schedule", price_min=EDGE, percent=Decimal(12)),
    RoadTaxRule("MH", "car", NEW, "new schedule", price_max=EDGE, percent=Decimal(12)),
    RoadTaxRule("MH", "car", NEW, "new schedule", price_min=EDGE, percent=Decimal(13)),
    RoadTaxRule(
        "MH",
        "car",
        NEW,
        "EV policy",
        powertrain="electric",
        percent=Decimal(12),
        ev_reduction_percent=Decimal(100),
        ev_reduction_from=NEW,
        ev_reduction_until=date(2025, 12, 31),
    ),
]

days = st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31))
prices = st.integers(min_value=1, max_value=10**8)


def pick(price, on, powertrain="petrol"):
    return select_rule(
        SLABS, state="MH", vehicle_class="car", powertrain=powertrain, price=price, cc=1200, on=on
    )


@given(prices, st.dates(min_value=NEW, max_value=date(2030, 12, 31)))
def test_a_price_falls_in_exactly_one_slab_and_the_edge_belongs_to_the_upper(price, on):
    rule = pick(price, on)
    assert rule.percent == (Decimal(13) if price >= EDGE else Decimal(12))


def test_the_day_a_schedule_changes_uses_the_new_one_and_the_day_before_the_old():
    assert pick(500_000, NEW).source == "new schedule"
    assert pick(500_000, NEW - timedelta(days=1)).source == "old schedule"


@given(prices, days)
def test_before_any_schedule_there_is_no_rule(price, on):
    if on < OLD:
        assert pick(price, on) is None
    else:
        assert pick(price, on) is not None


@given(
    st.integers(min_value=100_000, max_value=5_000_000),
    st.dates(min_value=OLD, max_value=date(2030, 12, 31)),
)
def test_ev_waiver_applies_only_inside_its_validity(price, on):
    rule = pick(price, on, powertrain="electric")
    if on < NEW:
        assert rule.source == "old schedule"  # no EV rule yet: the general slab applies
        return
    tax = road_tax(rule, price=price, powertrain="electric", on=on)
    if on <= date(2025, 12, 31):
        assert tax == 0
    else:
        assert tax == price * Decimal(12) / 100


def test_a_powertrain_rule_does_not_apply_to_other_powertrains():
    assert pick(500_000, NEW, powertrain="petrol").source == "new schedule"
    assert pick(500_000, NEW, powertrain="electric").source == "EV policy"


def test_no_rule_means_road_tax_unknown_and_no_total():
    breakdown = on_road_breakdown(
        ex_showroom=200_000,
        ex_showroom_source="maker",
        ex_showroom_date=OLD,
        ex_showroom_is_demo=False,
        rules=SLABS,
        charges=None,
        state="KA",
        vehicle_class="car",
        powertrain="petrol",
        cc=1200,
        on=NEW,
    )
    assert breakdown.total is None
    assert breakdown.lines[1].note == "Road tax unknown here."


@given(st.integers(min_value=100_000, max_value=5_000_000))
def test_total_is_the_sum_of_the_lines_and_demo_inputs_mark_the_breakdown(price):
    charges = Charges(600, Decimal("4.5"), 1500, "demo charges", OLD, is_demo=True)
    breakdown = on_road_breakdown(
        ex_showroom=price,
        ex_showroom_source="maker",
        ex_showroom_date=OLD,
        ex_showroom_is_demo=False,
        rules=SLABS,
        charges=charges,
        state="MH",
        vehicle_class="car",
        powertrain="petrol",
        cc=1200,
        on=NEW,
    )
    assert breakdown.total == sum(line.amount for line in breakdown.lines)
    assert breakdown.is_demo


def _road_tax_note(powertrain, on):
    breakdown = on_road_breakdown(
        ex_showroom=1_500_000,
        ex_showroom_source="maker",
        ex_showroom_date=NEW,
        ex_showroom_is_demo=False,
        rules=SLABS,
        charges=None,
        state="MH",
        vehicle_class="car",
        powertrain=powertrain,
        cc=0,
        on=on,
    )
    return next(line.note for line in breakdown.lines if line.label == "Road tax")


def test_the_breakdown_says_how_an_ev_waiver_stands_on_the_day():
    assert _road_tax_note("electric", date(2025, 6, 1)) == (
        "12 % of ex-showroom; EV reduction 100 % until 31 Dec 2025"
    )
    assert _road_tax_note("electric", date(2026, 1, 1)) == (
        "12 % of ex-showroom; EV reduction 100 % ended 31 Dec 2025"
    )
    # A petrol car is never told about a waiver it cannot have.
    assert _road_tax_note("petrol", date(2025, 6, 1)) == "13 % of ex-showroom"
