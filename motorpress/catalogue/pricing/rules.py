"""Road-tax rules as plain values, and choosing the one in force for a vehicle on a date.

A rule applies to one state's vehicle class, optionally narrowed to a powertrain and to price
and engine-size bands. Bands include their lower edge and exclude their upper one, so a
price exactly on an edge belongs to the higher band, as state notifications usually word it
("above Rs 10 lakh" starts the next slab at the edge in most schedules we modelled).
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

VEHICLE_CLASSES = ("two_wheeler", "car")
POWERTRAINS = ("petrol", "diesel", "cng", "hybrid", "electric")


@dataclass(frozen=True)
class RoadTaxRule:
    """One line of a state's road-tax schedule, with where it came from and since when."""

    state: str
    vehicle_class: str
    effective_from: date
    source: str
    powertrain: str = ""  # empty: every powertrain without a rule of its own
    price_min: int = 0
    price_max: int | None = None  # exclusive
    cc_min: int = 0
    cc_max: int | None = None  # exclusive
    percent: Decimal | None = None
    fixed_amount: int | None = None
    ev_reduction_percent: Decimal = Decimal(0)  # 100 = fully waived
    ev_reduction_from: date | None = None
    ev_reduction_until: date | None = None  # inclusive
    is_demo: bool = False

    def matches(self, *, state: str, vehicle_class: str, powertrain: str, price: int, cc: int):
        return (
            self.state == state
            and self.vehicle_class == vehicle_class
            and self.powertrain in ("", powertrain)
            and self.price_min <= price
            and (self.price_max is None or price < self.price_max)
            and self.cc_min <= cc
            and (self.cc_max is None or cc < self.cc_max)
        )

    def ev_reduction_on(self, day: date) -> Decimal:
        """The share of tax waived on a day: zero outside the waiver's validity."""
        if not self.ev_reduction_percent:
            return Decimal(0)
        if self.ev_reduction_from and day < self.ev_reduction_from:
            return Decimal(0)
        if self.ev_reduction_until and day > self.ev_reduction_until:
            return Decimal(0)
        return self.ev_reduction_percent


def select_rule(
    rules, *, state: str, vehicle_class: str, powertrain: str, price: int, cc: int, on: date
) -> RoadTaxRule | None:
    """The rule in force on ``on``: the latest effective date wins, then a powertrain-specific
    rule over a general one. None when the state has no rule for this vehicle."""
    candidates = [
        rule
        for rule in rules
        if rule.effective_from <= on
        and rule.matches(
            state=state, vehicle_class=vehicle_class, powertrain=powertrain, price=price, cc=cc
        )
    ]
    if not candidates:
        return None
    # A newer schedule replaces the older one as a whole, so narrow to the latest date first.
    latest = max(rule.effective_from for rule in candidates)
    current = [rule for rule in candidates if rule.effective_from == latest]
    return max(current, key=lambda rule: rule.powertrain != "")


def road_tax(rule: RoadTaxRule, *, price: int, powertrain: str, on: date) -> Fraction:
    """The exact tax a rule levies (unrounded), after any EV reduction valid on the day."""
    if rule.percent is not None:
        tax = Fraction(price) * Fraction(rule.percent) / 100
    else:
        tax = Fraction(rule.fixed_amount or 0)
    if powertrain == "electric":
        tax *= 1 - Fraction(rule.ev_reduction_on(on)) / 100
    return tax
