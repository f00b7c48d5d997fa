"""Writes for the ledger: record a claim and its outcome, validated like the admin does."""

from datetime import date
from decimal import Decimal

from django.db import transaction

from motorpress.catalogue.models import Make, VehicleModel
from motorpress.core.periods import Period
from motorpress.ledger.models import Claim, Outcome


def _save_with_source(record, source: dict | None):
    """Apply the source fields (source_url, source_page, source_label, is_demo), validate, save."""
    for key, value in (source or {}).items():
        setattr(record, key, value)
    record.full_clean()
    record.save()
    return record


@transaction.atomic
def claim_record(
    *,
    make: Make,
    metric: str,
    statement: str,
    claimed_on: date,
    vehicle_model: VehicleModel | None = None,
    period: Period | None = None,
    number: Decimal | None = None,
    unit: str = "",
    claimed_on_is_approximate: bool = False,
    source: dict | None = None,
) -> Claim:
    """Create (or update, matched on make, model, metric and date) a maker's claim."""
    claim = Claim.objects.filter(
        make=make, vehicle_model=vehicle_model, metric=metric, claimed_on=claimed_on
    ).first() or Claim(make=make, vehicle_model=vehicle_model, metric=metric, claimed_on=claimed_on)
    claim.statement = statement
    claim.period_start = period.start if period else None
    claim.period_precision = period.precision if period else ""
    claim.number = number
    claim.unit = unit
    claim.claimed_on_is_approximate = claimed_on_is_approximate
    return _save_with_source(claim, source)


@transaction.atomic
def outcome_record(
    *,
    claim: Claim,
    recorded_on: date,
    happened: bool = True,
    happened_on: date | None = None,
    number: Decimal | None = None,
    note: str = "",
    source: dict | None = None,
) -> Outcome:
    """Record what happened to a claim (one outcome per claim; recording again replaces it)."""
    outcome = Outcome.objects.filter(claim=claim).first() or Outcome(claim=claim)
    outcome.recorded_on = recorded_on
    outcome.happened = happened
    outcome.happened_on = happened_on
    outcome.number = number
    outcome.note = note
    return _save_with_source(outcome, source)
