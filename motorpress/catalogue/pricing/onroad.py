"""The itemised on-road price: each line with its source and date, and no invented total."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction

from .emi import _rupees
from .rules import RoadTaxRule, road_tax, select_rule


@dataclass(frozen=True)
class Line:
    """One line of the breakdown; amount None means unknown here."""

    label: str
    amount: int | None
    source: str
    dated: date | None
    is_demo: bool = False
    note: str = ""


@dataclass(frozen=True)
class Breakdown:
    """Ex-showroom, road tax, registration, insurance estimate, other charges and the total."""

    lines: tuple[Line, ...]
    total: int | None  # None when any line is unknown: we never invent a total
    is_demo: bool = field(default=False)


@dataclass(frozen=True)
class Charges:
    """A state's fixed charges and the insurance estimate used alongside its road tax."""

    registration: int
    insurance_percent: Decimal
    other: int
    source: str
    effective_from: date
    is_demo: bool = False


def on_road_breakdown(
    *,
    ex_showroom: int,
    ex_showroom_source: str,
    ex_showroom_date: date,
    ex_showroom_is_demo: bool,
    rules: list[RoadTaxRule],
    charges: Charges | None,
    state: str,
    vehicle_class: str,
    powertrain: str,
    cc: int,
    on: date,
) -> Breakdown:
    """Build the breakdown for a vehicle in a state on a day."""
    lines = [
        Line("Ex-showroom", ex_showroom, ex_showroom_source, ex_showroom_date, ex_showroom_is_demo)
    ]
    rule = select_rule(
        rules,
        state=state,
        vehicle_class=vehicle_class,
        powertrain=powertrain,
        price=ex_showroom,
        cc=cc,
        on=on,
    )
    if rule is None:
        lines.append(Line("Road tax", None, "", None, note="Road tax unknown here."))
    else:
        tax = _rupees(road_tax(rule, price=ex_showroom, powertrain=powertrain, on=on))
        lines.append(
            Line(
                "Road tax",
                tax,
                rule.source,
                rule.effective_from,
                rule.is_demo,
                _describe(rule, powertrain=powertrain, on=on),
            )
        )
    if charges is None:
        lines.append(Line("Registration", None, "", None, note="Charges unknown here."))
    else:
        insurance = _rupees(Fraction(ex_showroom) * Fraction(charges.insurance_percent) / 100)
        dated, demo = charges.effective_from, charges.is_demo
        lines += [
            Line("Registration", charges.registration, charges.source, dated, demo),
            Line(
                "Insurance (estimate)",
                insurance,
                charges.source,
                dated,
                demo,
                f"Estimate: {_percent(charges.insurance_percent)} % of ex-showroom, first year.",
            ),
        ]
        if charges.other:
            lines.append(Line("Other charges", charges.other, charges.source, dated, demo))
    amounts = [line.amount for line in lines]
    total = None if None in amounts else sum(amounts)
    return Breakdown(tuple(lines), total, any(line.is_demo for line in lines))


def _describe(rule: RoadTaxRule, *, powertrain: str, on: date) -> str:
    """The rule in words, with an EV waiver only for an EV and as it stands on the day."""
    what = (
        f"{_percent(rule.percent)} % of ex-showroom" if rule.percent is not None else "fixed amount"
    )
    if not rule.ev_reduction_percent or powertrain != "electric":
        return what
    waiver = f"EV reduction {_percent(rule.ev_reduction_percent)} %"
    if rule.ev_reduction_from and on < rule.ev_reduction_from:
        return f"{what}; {waiver} from {rule.ev_reduction_from:%d %b %Y}, not yet in force"
    if rule.ev_reduction_until and on > rule.ev_reduction_until:
        return f"{what}; {waiver} ended {rule.ev_reduction_until:%d %b %Y}"
    if rule.ev_reduction_until:
        return f"{what}; {waiver} until {rule.ev_reduction_until:%d %b %Y}"
    return f"{what}; {waiver}"


def _percent(value) -> str:
    """12.50 as "12.5" and 11.00 as "11": the database's two places are not the rule's."""
    return f"{Decimal(value).normalize():f}"
