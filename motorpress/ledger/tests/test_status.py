"""The status rules a reader sees on every claim: kept, early, late, missed, better, worse.

Pure functions, so each boundary is pinned by a day and the general rule by Hypothesis.
"""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from motorpress.core.periods import Period, Precision
from motorpress.ledger.status import ClaimStatus, OutcomeFacts, claim_status

H1_2024 = Period.parse("2024 H1")
LONG_AFTER = date(2030, 1, 1)


def status_of_launch(period, *, happened_on=None, happened=True, today=LONG_AFTER):
    outcome = None
    if happened_on is not None or not happened:
        outcome = OutcomeFacts(happened=happened, happened_on=happened_on)
    return claim_status(
        period=period, number=None, lower_is_better=False, outcome=outcome, today=today
    )


def status_of_figure(claimed, tested, *, lower_is_better=False):
    return claim_status(
        period=None,
        number=Decimal(claimed),
        lower_is_better=lower_is_better,
        outcome=OutcomeFacts(number=Decimal(tested)),
        today=LONG_AFTER,
    )


@pytest.mark.parametrize(
    ("happened_on", "code", "days"),
    [
        pytest.param(date(2024, 6, 30), "kept", None, id="last-day-of-the-half"),
        pytest.param(date(2024, 1, 1), "kept", None, id="first-day-of-the-half"),
        pytest.param(date(2024, 7, 1), "late", 1, id="day-after-the-half"),
        pytest.param(date(2023, 12, 31), "early", 1, id="day-before-the-half"),
        pytest.param(date(2025, 1, 9), "late", 193, id="months-later"),
    ],
)
def test_a_2024_h1_promise_is_kept_anywhere_in_the_half_and_late_or_early_outside_it(
    happened_on, code, days
):
    status = status_of_launch(H1_2024, happened_on=happened_on)
    assert (status.code, status.days) == (code, days)


def test_an_open_promise_is_pending_through_its_last_day_and_overdue_after_it():
    assert status_of_launch(H1_2024, today=date(2024, 6, 30)).code == "pending"
    assert status_of_launch(H1_2024, today=date(2024, 1, 1)).code == "pending"
    day_after = status_of_launch(H1_2024, today=date(2024, 7, 1))
    assert (day_after.code, day_after.days, day_after.label) == ("overdue", 1, "Overdue by 1 day")
    later = status_of_launch(H1_2024, today=date(2024, 12, 31))
    assert (later.code, later.days) == ("overdue", 184)


def test_an_abandoned_promise_is_missed_whatever_the_dates():
    status = status_of_launch(H1_2024, happened=False, today=date(2024, 3, 1))
    assert status.code == "missed"
    assert status.label == "Missed"
    assert status.resolved


def test_an_abandoned_figure_is_missed_too():
    status = claim_status(
        period=None,
        number=Decimal(158),
        lower_is_better=False,
        outcome=OutcomeFacts(happened=False),
        today=LONG_AFTER,
    )
    assert status.code == "missed"


def test_tested_range_of_112_km_against_a_158_km_claim_is_worse_by_29_1_percent():
    status = status_of_figure("158", "112")
    assert (status.code, status.percent) == ("worse", Decimal("29.1"))
    assert status.label == "Worse by 29.1%"


def test_tested_range_of_160_km_against_a_158_km_claim_is_better_by_1_3_percent():
    status = status_of_figure("158", "160")
    assert (status.code, status.percent, status.label) == (
        "better",
        Decimal("1.3"),
        "Better by 1.3%",
    )


@pytest.mark.parametrize("tested", ["158", "158.5", "157.5", "158.7"])
def test_a_figure_within_half_a_percent_of_the_claim_is_kept(tested):
    assert status_of_figure("158", tested).code == "kept"


def test_a_figure_0_47_percent_over_the_claim_is_still_within_half_a_percent_and_kept():
    assert status_of_figure("1000", "1004.7").code == "kept"


def test_a_price_below_the_claimed_price_is_better_for_the_buyer():
    status = status_of_figure("1.88", "1.80", lower_is_better=True)
    assert (status.code, status.label) == ("better", "Better by 4.3%")
    dearer = status_of_figure("1.80", "1.88", lower_is_better=True)
    assert (dearer.code, dearer.label) == ("worse", "Worse by 4.4%")


@pytest.mark.parametrize(
    ("status", "label"),
    [
        (ClaimStatus("late", days=193), "Late by 193 days"),
        (ClaimStatus("late", days=1), "Late by 1 day"),
        (ClaimStatus("early", days=1), "Early by 1 day"),
        (ClaimStatus("early", days=12), "Early by 12 days"),
        (ClaimStatus("overdue", days=1), "Overdue by 1 day"),
        (ClaimStatus("worse", percent=Decimal("29.1")), "Worse by 29.1%"),
        (ClaimStatus("better", percent=Decimal("1.3")), "Better by 1.3%"),
        (ClaimStatus("kept"), "Kept"),
        (ClaimStatus("pending"), "Pending"),
    ],
)
def test_status_labels_read_as_a_reader_would_say_them(status, label):
    assert status.label == label


# Hypothesis: the same rules for any period, at any precision, and any day.

DAYS = st.dates(min_value=date(1985, 1, 1), max_value=date(2095, 12, 31))
FIRST_MONTHS = {
    Precision.YEAR: [1],
    Precision.HALF: [1, 7],
    Precision.QUARTER: [1, 4, 7, 10],
    Precision.MONTH: list(range(1, 13)),
}


@st.composite
def periods(draw):
    precision = draw(st.sampled_from(Precision.values))
    if precision == Precision.DAY:
        start = draw(st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)))
    else:
        year = draw(st.integers(min_value=1990, max_value=2090))
        start = date(year, draw(st.sampled_from(FIRST_MONTHS[precision])), 1)
    return Period(start, precision)


@given(periods())
def test_any_period_ends_the_day_before_the_next_one_of_its_kind_begins(period):
    assert period.start <= period.end
    following = Period(period.end + timedelta(days=1), period.precision)  # raises if not a start
    assert following.start > period.end


@given(periods(), DAYS)
def test_any_promise_is_kept_inside_its_period_late_after_it_and_early_before_it(period, day):
    status = status_of_launch(period, happened_on=day)
    assert (status.code == "kept") == (period.start <= day <= period.end)
    if day > period.end:
        assert (status.code, status.days) == ("late", (day - period.end).days)
    if day < period.start:
        assert (status.code, status.days) == ("early", (period.start - day).days)


@given(periods(), DAYS)
def test_any_open_promise_is_overdue_exactly_when_its_period_has_passed(period, today):
    status = status_of_launch(period, today=today)
    assert (status.code == "overdue") == (today > period.end)
    if today > period.end:
        assert status.days == (today - period.end).days
    else:
        assert status.code == "pending"
