"""The database itself refuses a claim with nothing promised, a zero figure, a second outcome."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from motorpress.catalogue.tests.factories import MakeFactory
from motorpress.ledger.models import Claim, Metric, Outcome
from motorpress.ledger.services import outcome_record
from motorpress.ledger.tests.factories import SOURCE, OutcomeFactory, dated_claim


def new_claim(**values):
    fields = {
        "make": MakeFactory(),
        "metric": Metric.RANGE,
        "statement": "Claimed range of 158 km",
        "claimed_on": date(2025, 12, 1),
        "source_label": SOURCE,
    }
    return Claim.objects.create(**{**fields, **values})


def refused(create) -> bool:
    try:
        with transaction.atomic():
            create()
    except IntegrityError:
        return True
    return False


def test_a_claim_with_a_figure_or_a_period_is_stored(db):
    assert new_claim(number=Decimal(158), unit="km").pk
    assert new_claim(period_start=date(2024, 1, 1), period_precision="half").pk


def test_a_claim_promising_neither_a_period_nor_a_figure_is_refused(db):
    assert refused(lambda: new_claim())
    assert not Claim.objects.exists()


@pytest.mark.parametrize("number", [Decimal(0), Decimal(-5)])
def test_a_claimed_figure_of_zero_or_less_is_refused(db, number):
    assert refused(lambda: new_claim(number=number, unit="km"))


def test_a_period_without_its_precision_is_refused(db):
    assert refused(lambda: new_claim(period_start=date(2024, 1, 1), period_precision=""))


def test_a_claim_without_any_source_is_refused(db):
    assert refused(lambda: new_claim(number=Decimal(158), source_label=""))


def test_a_second_outcome_for_the_same_claim_is_refused(db):
    claim = dated_claim("2024 H1")
    OutcomeFactory(claim=claim, happened_on=date(2024, 3, 28))
    assert refused(lambda: OutcomeFactory(claim=claim, happened_on=date(2024, 4, 1)))
    assert Outcome.objects.filter(claim=claim).count() == 1


def test_an_outcome_that_happened_but_says_neither_when_nor_how_much_is_refused(db):
    claim = dated_claim("2024 H1")
    assert refused(lambda: OutcomeFactory(claim=claim))
    assert not refused(lambda: OutcomeFactory(claim=claim, happened=False))


def test_recording_an_outcome_again_replaces_it_rather_than_adding_a_second(db):
    claim = dated_claim("2024 H1")
    outcome_record(
        claim=claim,
        recorded_on=date(2024, 7, 2),
        happened_on=date(2024, 7, 1),
        source={"source_label": "First report"},
    )
    outcome_record(
        claim=claim,
        recorded_on=date(2024, 7, 9),
        happened_on=date(2024, 6, 28),
        source={"source_label": "Corrected report"},
    )
    (outcome,) = Outcome.objects.filter(claim=claim)
    assert (outcome.happened_on, outcome.source_label) == (date(2024, 6, 28), "Corrected report")
