"""Reads for the on-road price: the reader's city, the price that applies there, and the rules
and charges of its state, turned into the pure pricing module's values. Pages and the API both
come through here, so one fix serves every output."""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from motorpress.catalogue.models import (
    City,
    PriceKind,
    RoadTaxRule,
    Segment,
    StateCharges,
    Variant,
)
from motorpress.catalogue.pricing import onroad, rules
from motorpress.core.cache import cached_fragment, onroad_rules_generation

# A variant's fuel when its record leaves it blank: petrol, by far the common engine among the
# two-wheelers and small cars we list, and a hybrid's or an EV's own.
FUEL_FOR_POWERTRAIN = {"ice": "petrol", "hybrid": "hybrid", "ev": "electric"}


def fuel_of(variant: Variant) -> str:
    if variant.powertrain == "ev":
        return "electric"  # an EV has no other fuel, whatever the field says
    return variant.fuel or FUEL_FOR_POWERTRAIN.get(variant.powertrain, "petrol")


def vehicle_class_for(segment: str) -> str:
    return "car" if segment == Segment.CAR else "two_wheeler"


@dataclass(frozen=True)
class OnRoadQuote:
    """A breakdown for one variant in one city, with which ex-showroom price was used."""

    city: City
    variant: Variant
    breakdown: onroad.Breakdown
    price_scope: str  # "Pune", "Maharashtra" or "" (a national price)


@dataclass(frozen=True)
class PricingTables:
    """Every city, road-tax rule and state charge, as plain values: a few hundred rows at
    most, read in three queries once per change to them and shared by every page."""

    cities: tuple[City, ...]
    rules: tuple[rules.RoadTaxRule, ...]
    charges: tuple[tuple[str, str, onroad.Charges], ...]  # (state, vehicle class, charges)

    def rules_for(self, state: str, vehicle_class: str) -> list[rules.RoadTaxRule]:
        return [r for r in self.rules if r.state == state and r.vehicle_class == vehicle_class]

    def charges_for(self, state: str, vehicle_class: str, on: date) -> onroad.Charges | None:
        in_force = [
            charges
            for row_state, row_class, charges in self.charges
            if row_state == state and row_class == vehicle_class and charges.effective_from <= on
        ]
        return max(in_force, key=lambda charges: charges.effective_from, default=None)


def _read_tables() -> PricingTables:
    return PricingTables(
        cities=tuple(City.objects.all()),
        rules=tuple(_rule_value(row) for row in RoadTaxRule.objects.all()),
        charges=tuple(
            (row.state, row.vehicle_class, _charges_value(row))
            for row in StateCharges.objects.all()
        ),
    )


def pricing_tables() -> PricingTables:
    return cached_fragment(f"motorpress:pricing-tables:{onroad_rules_generation()}", _read_tables)


def cities() -> list[City]:
    return list(pricing_tables().cities)


def city_by_slug(slug: str) -> City | None:
    return next((city for city in pricing_tables().cities if city.slug == slug), None)


def ex_showroom_for(variant: Variant, city: City, on: date):
    """The nearest applicable ex-showroom price in force on ``on``: the city's own, else the
    state's, else a national one. Reads the variant's prefetched ``prices`` (no query)."""
    in_force = [
        price
        for price in variant.prices.all()
        if price.kind == PriceKind.EX_SHOWROOM and price.effective_date <= on
    ]

    def nearest(matches):
        return max(matches, key=lambda price: (price.effective_date, price.pk), default=None)

    for scope, matches in (
        (city.name, [p for p in in_force if p.city.lower() == city.name.lower()]),
        (city.state, [p for p in in_force if not p.city and p.state == city.state]),
        ("", [p for p in in_force if not p.city and not p.state]),
    ):
        if price := nearest(matches):
            return price, scope
    return None, ""


def _rule_value(row: RoadTaxRule) -> rules.RoadTaxRule:
    return rules.RoadTaxRule(
        state=row.state,
        vehicle_class=row.vehicle_class,
        effective_from=row.effective_from,
        source=row.source_label or row.source_url,
        powertrain=row.powertrain,
        price_min=row.price_min,
        price_max=row.price_max,
        cc_min=row.cc_min,
        cc_max=row.cc_max,
        percent=row.percent,
        fixed_amount=row.fixed_amount,
        ev_reduction_percent=row.ev_reduction_percent,
        ev_reduction_from=row.ev_reduction_from,
        ev_reduction_until=row.ev_reduction_until,
        is_demo=row.is_demo,
    )


def _charges_value(row: StateCharges) -> onroad.Charges:
    return onroad.Charges(
        registration=row.registration,
        insurance_percent=row.insurance_percent,
        other=row.other_charges,
        source=row.source_label or row.source_url,
        effective_from=row.effective_from,
        is_demo=row.is_demo,
    )


def on_road_quotes(
    variants: list[Variant], *, segment: str, city: City, on: date | None = None
) -> list[OnRoadQuote]:
    """Quotes for every priced variant of one model; no query once the tables are cached."""
    on = on or timezone.localdate()
    vehicle_class = vehicle_class_for(segment)
    tables = pricing_tables()
    state_rules = tables.rules_for(city.state, vehicle_class)
    charges = tables.charges_for(city.state, vehicle_class, on)
    quotes = []
    for variant in variants:
        price, scope = ex_showroom_for(variant, city, on)
        if price is None:
            continue
        breakdown = onroad.on_road_breakdown(
            ex_showroom=price.amount,
            ex_showroom_source=price.source_label or price.source_url,
            ex_showroom_date=price.effective_date,
            ex_showroom_is_demo=price.is_demo,
            rules=state_rules,
            charges=charges,
            state=city.state,
            vehicle_class=vehicle_class,
            powertrain=fuel_of(variant),
            cc=variant.engine_cc or 0,
            on=on,
        )
        quotes.append(OnRoadQuote(city, variant, breakdown, scope))
    return quotes
