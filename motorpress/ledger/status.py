"""The claim status rules, derived and never typed: kept, early, late by N days, missed,
better or worse by N %, pending, overdue. Pure functions, so every boundary is testable.
The rules live here once; only the words change with the language (the API pins English)."""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from motorpress.core.periods import Period

# Within half a percent of the promise counts as kept: figures are rounded when announced.
KEPT_TOLERANCE_PERCENT = Decimal("0.5")

STATUS_CHOICES = [
    ("pending", _("Pending")),
    ("overdue", _("Overdue")),
    ("kept", _("Kept")),
    ("early", _("Early")),
    ("late", _("Late")),
    ("missed", _("Missed")),
    ("better", _("Better than claimed")),
    ("worse", _("Worse than claimed")),
]
RESOLVED = {"kept", "early", "late", "missed", "better", "worse"}


@dataclass(frozen=True)
class OutcomeFacts:
    happened: bool = True
    happened_on: date | None = None
    number: Decimal | None = None


@dataclass(frozen=True)
class ClaimStatus:
    code: str
    days: int | None = None
    percent: Decimal | None = None

    @property
    def resolved(self) -> bool:
        return self.code in RESOLVED

    @property
    def label(self) -> str:
        match self.code:
            case "late":
                return gettext("Late by %(days)s") % {"days": days_label(self.days)}
            case "early":
                return gettext("Early by %(days)s") % {"days": days_label(self.days)}
            case "overdue":
                return gettext("Overdue by %(days)s") % {"days": days_label(self.days)}
            case "better":
                return gettext("Better by %(percent)s%%") % {"percent": self.percent}
            case "worse":
                return gettext("Worse by %(percent)s%%") % {"percent": self.percent}
        return str(dict(STATUS_CHOICES)[self.code])


def days_label(days: int) -> str:
    return ngettext("%(days)d day", "%(days)d days", days) % {"days": days}


def _percent(actual: Decimal, claimed: Decimal, *, lower_is_better: bool) -> Decimal:
    """Change from the claim in percent, positive when the buyer is better off (unrounded)."""
    change = (Decimal(actual) - Decimal(claimed)) / Decimal(claimed) * 100
    return -change if lower_is_better else change


def claim_status(
    *,
    period: Period | None,
    number: Decimal | None,
    lower_is_better: bool,
    outcome: OutcomeFacts | None,
    today: date,
) -> ClaimStatus:
    """Where a promise stands on `today`, given what happened (if anything)."""
    if outcome is not None and not outcome.happened:
        return ClaimStatus("missed")
    if outcome is not None and number is not None and outcome.number is not None:
        change = _percent(outcome.number, number, lower_is_better=lower_is_better)
        shown = abs(change).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        if abs(change) < KEPT_TOLERANCE_PERCENT:  # judged before rounding for display
            return ClaimStatus("kept", percent=shown)
        return ClaimStatus("better" if change > 0 else "worse", percent=shown)
    if outcome is not None and period is not None and outcome.happened_on is not None:
        if outcome.happened_on < period.start:
            return ClaimStatus("early", days=(period.start - outcome.happened_on).days)
        if outcome.happened_on <= period.end:
            return ClaimStatus("kept")
        return ClaimStatus("late", days=(outcome.happened_on - period.end).days)
    if period is not None and today > period.end:
        return ClaimStatus("overdue", days=(today - period.end).days)
    return ClaimStatus("pending")


def months_after(period: Period, happened_on: date) -> int:
    """Calendar months from the promised period's first month to the month it happened."""
    return (happened_on.year - period.start.year) * 12 + happened_on.month - period.start.month
