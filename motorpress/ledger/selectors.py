"""Reads for the tracker, vehicle pages and the dashboard: claims with their derived status."""

import statistics
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from motorpress.catalogue.models import Make, VehicleModel
from motorpress.core.periods import Precision
from motorpress.ledger.models import Claim, Metric, Outcome
from motorpress.ledger.status import (
    ClaimStatus,
    OutcomeFacts,
    claim_status,
    days_label,
    months_after,
)

DATE_METRICS = {Metric.LAUNCH, Metric.PRODUCTION_START, Metric.DELIVERIES_START}


@dataclass
class ClaimRow:
    """A claim, its outcome (if any) and its status as of a day."""

    claim: Claim
    outcome: Outcome | None
    status: ClaimStatus

    @property
    def months_late(self) -> int | None:
        # Only a promise for a month reads naturally as "N months after the promised month".
        period = self.claim.period
        if self.status.code != "late" or period is None or self.outcome is None:
            return None
        if period.precision != Precision.MONTH:
            return None
        return months_after(period, self.outcome.happened_on)


def claims_queryset():
    return Claim.objects.select_related(
        "make", "vehicle_model__make", "source_page"
    ).prefetch_related(Prefetch("outcomes", queryset=Outcome.objects.select_related("source_page")))


def claim_row(claim: Claim, *, today: date | None = None) -> ClaimRow:
    today = today or timezone.localdate()
    outcome = next(iter(claim.outcomes.all()), None)
    facts = OutcomeFacts(outcome.happened, outcome.happened_on, outcome.number) if outcome else None
    status = claim_status(
        period=claim.period,
        number=claim.number,
        lower_is_better=claim.lower_is_better,
        outcome=facts,
        today=today,
    )
    return ClaimRow(claim, outcome, status)


def claim_rows(queryset=None, *, today: date | None = None) -> list[ClaimRow]:
    """Every claim in `queryset` with its status: two queries, whatever the count."""
    return [
        claim_row(claim, today=today)
        for claim in (queryset if queryset is not None else claims_queryset())
    ]


@dataclass
class MakeRecord:
    make: Make
    date_promises: int = 0
    resolved_date_promises: int = 0
    late: int = 0
    kept_or_early: int = 0
    missed: int = 0
    overdue: int = 0
    delays: list[int] = None

    @property
    def median_delay_days(self) -> int | None:
        return round(statistics.median(self.delays)) if self.delays else None

    @property
    def summary(self) -> str:
        if not self.date_promises:
            return gettext("No dated promises recorded.")
        overdue = gettext("; %(overdue)s overdue") % {"overdue": self.overdue}
        if not self.resolved_date_promises:
            text = ngettext(
                "%(count)s dated promise, none resolved yet",
                "%(count)s dated promises, none resolved yet",
                self.date_promises,
            ) % {"count": self.date_promises}
            return text + overdue if self.overdue else text
        text = gettext("%(late)s of %(resolved)s dated promises late") % {
            "late": self.late,
            "resolved": self.resolved_date_promises,
        }
        if self.median_delay_days is not None:
            text += gettext(", median delay %(days)s") % {
                "days": days_label(self.median_delay_days)
            }
        if self.overdue:
            text += overdue
        return text


def make_records(rows: list[ClaimRow]) -> list[MakeRecord]:
    """Each make's record on dated promises (launches, production and delivery starts)."""
    records: dict[int, MakeRecord] = {}
    for row in rows:
        if row.claim.metric not in DATE_METRICS:
            continue
        record = records.setdefault(row.claim.make_id, MakeRecord(row.claim.make, delays=[]))
        record.date_promises += 1
        code = row.status.code
        if row.status.resolved:
            record.resolved_date_promises += 1
        if code == "late":
            record.late += 1
            record.delays.append(row.status.days)
        elif code in {"kept", "early"}:
            record.kept_or_early += 1
        elif code == "missed":
            record.missed += 1
        elif code == "overdue":
            record.overdue += 1
    return sorted(records.values(), key=lambda record: record.make.name)


def make_by_slug(slug: str) -> Make:
    return get_object_or_404(Make, slug=slug)


def claims_for_make(make: Make):
    return claims_queryset().filter(make=make).order_by("claimed_on", "pk")


def claims_for_vehicle(vehicle_model: VehicleModel) -> list[ClaimRow]:
    return claim_rows(claims_queryset().filter(vehicle_model=vehicle_model))


def make_record_for(make: Make) -> MakeRecord | None:
    records = make_records(claim_rows(claims_queryset().filter(make=make)))
    return records[0] if records else None


def recently_resolved(rows: list[ClaimRow], *, limit: int = 5) -> list[ClaimRow]:
    resolved = [row for row in rows if row.outcome is not None]
    return sorted(resolved, key=lambda row: row.outcome.recorded_on, reverse=True)[:limit]


def due_soon_and_overdue(*, days: int = 30, today: date | None = None):
    """For the editors' dashboard: open claims falling due in `days`, and overdue ones."""
    today = today or timezone.localdate()
    rows = claim_rows(claims_queryset().filter(outcomes__isnull=True), today=today)
    soon = [
        row
        for row in rows
        if row.status.code == "pending"
        and row.claim.due
        and row.claim.due <= today + timedelta(days)
    ]
    overdue = [row for row in rows if row.status.code == "overdue"]
    return sorted(soon, key=lambda r: r.claim.due), sorted(overdue, key=lambda r: r.claim.due)


def rows_by_make(rows: list[ClaimRow]) -> dict[int, list[ClaimRow]]:
    grouped = defaultdict(list)
    for row in rows:
        grouped[row.claim.make_id].append(row)
    return grouped


def public_source_page_ids(rows: list[ClaimRow]) -> set[int]:
    """Source stories readers may see: live and unrestricted. A claim citing an embargoed
    draft or a members-only story must not print its headline on a public page."""
    from wagtail.models import Page

    ids = {row.claim.source_page_id for row in rows if row.claim.source_page_id}
    if not ids:
        return set()
    return set(Page.objects.live().public().filter(pk__in=ids).values_list("pk", flat=True))
