"""Factories for ledger tests: makers' claims (a promised period or figure) and outcomes."""

from datetime import date

import factory

from motorpress.catalogue.tests.factories import MakeFactory
from motorpress.core.periods import Period
from motorpress.ledger.models import Claim, Metric, Outcome

SOURCE = "Maker's press release (test)"


class ClaimFactory(factory.django.DjangoModelFactory):
    """A launch promised for 2024 H1 unless told otherwise."""

    class Meta:
        model = Claim

    make = factory.SubFactory(MakeFactory)
    vehicle_model = None
    metric = Metric.LAUNCH
    statement = factory.Sequence(lambda n: f"Test promise number {n}")
    period_start = date(2024, 1, 1)
    period_precision = "half"
    claimed_on = date(2023, 1, 15)
    source_label = SOURCE


class OutcomeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Outcome

    claim = factory.SubFactory(ClaimFactory)
    happened = True
    happened_on = None
    number = None
    recorded_on = factory.LazyAttribute(lambda obj: obj.happened_on or date(2025, 1, 1))
    source_label = SOURCE


def dated_claim(period: str, **kwargs) -> Claim:
    """A promise for a period written as editors write it: "2024 H1", "June 2025"."""
    parsed = Period.parse(period)
    return ClaimFactory(period_start=parsed.start, period_precision=parsed.precision, **kwargs)


def figure_claim(number, *, unit: str = "km", metric: str = Metric.RANGE, **kwargs) -> Claim:
    """A promised figure with no date attached: a claimed range, a price."""
    return ClaimFactory(
        metric=metric, number=number, unit=unit, period_start=None, period_precision="", **kwargs
    )
