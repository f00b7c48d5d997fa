"""The itemised on-road price: each line with its source and date, and no invented total."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction

from django.utils.translation import gettext

from motorpress.core.formatting import format_date

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
        Line(
            gettext("Ex-showroom"),
            ex_showroom,
            ex_showroom_source,
            ex_showroom_date,
            ex_showroom_is_demo,
        )
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
        lines.append(
            Line(gettext("Road tax"), None, "", None, note=gettext("Road tax unknown here."))
        )
    else:
        tax = _rupees(road_tax(rule, price=ex_showroom, powertrain=powertrain, on=on))
        lines.append(
            Line(
                gettext("Road tax"),
                tax,
                rule.source,
                rule.effective_from,
                rule.is_demo,
                _describe(rule, powertrain=powertrain, on=on),
            )
        )
    if charges is None:
        lines.append(
            Line(gettext("Registration"), None, "", None, note=gettext("Charges unknown here."))
        )
    else:
        insurance = _rupees(Fraction(ex_showroom) * Fraction(charges.insurance_percent) / 100)
        dated, demo = charges.effective_from, charges.is_demo
        lines += [
            Line(gettext("Registration"), charges.registration, charges.source, dated, demo),
            Line(
                gettext("Insurance (estimate)"),
                insurance,
                charges.source,
                dated,
                demo,
                gettext("Estimate: %(percent)s %% of ex-showroom, first year.")
                % {"percent": _percent(charges.insurance_percent)},
            ),
        ]
        if charges.other:
            lines.append(Line(gettext("Other charges"), charges.other, charges.source, dated, demo))
    amounts = [line.amount for line in lines]
    total = None if None in amounts else sum(amounts)
    return Breakdown(tuple(lines), total, any(line.is_demo for line in lines))


def _describe(rule: RoadTaxRule, *, powertrain: str, on: date) -> str:
    """The rule in words, with an EV waiver only for an EV and as it stands on the day."""
    what = (
        gettext("%(percent)s %% of ex-showroom") % {"percent": _percent(rule.percent)}
        if rule.percent is not None
        else gettext("fixed amount")
    )
    if not rule.ev_reduction_percent or powertrain != "electric":
        return what
    waiver = gettext("EV reduction %(percent)s %%") % {
        "percent": _percent(rule.ev_reduction_percent)
    }
    if rule.ev_reduction_from and on < rule.ev_reduction_from:
        return gettext("%(what)s; %(waiver)s from %(day)s, not yet in force") % {
            "what": what,
            "waiver": waiver,
            "day": format_date(rule.ev_reduction_from, "d M Y"),
        }
    if rule.ev_reduction_until and on > rule.ev_reduction_until:
        return gettext("%(what)s; %(waiver)s ended %(day)s") % {
            "what": what,
            "waiver": waiver,
            "day": format_date(rule.ev_reduction_until, "d M Y"),
        }
    if rule.ev_reduction_until:
        return gettext("%(what)s; %(waiver)s until %(day)s") % {
            "what": what,
            "waiver": waiver,
            "day": format_date(rule.ev_reduction_until, "d M Y"),
        }
    return f"{what}; {waiver}"


def _percent(value) -> str:
    """12.50 as "12.5" and 11.00 as "11": the database's two places are not the rule's."""
    return f"{Decimal(value).normalize():f}"
