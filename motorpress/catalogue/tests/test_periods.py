"""Launch periods: what an editor types is what a reader sees, and nonsense is refused.

The catalogue stores a maker's promise ("2024 H1", "June 2025") as a period; pages print its
label and lateness is judged against its last day, so both must be exact.
"""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from motorpress.core.periods import MAX_YEAR, MIN_YEAR, Period, Precision

MONTHS_IN = {"year": 12, "half": 6, "quarter": 3, "month": 1}


@st.composite
def coarse_periods(draw):
    """Any valid year, half, quarter or month period."""
    precision = draw(st.sampled_from(list(MONTHS_IN)))
    year = draw(st.integers(MIN_YEAR, MAX_YEAR))
    month = draw(st.sampled_from(range(1, 13, MONTHS_IN[precision])))
    return Period(date(year, month, 1), precision)


days = st.dates(min_value=date(MIN_YEAR, 1, 1), max_value=date(MAX_YEAR, 12, 31))


@pytest.mark.parametrize(
    ("typed", "start", "precision", "label"),
    [
        ("2024 H1", date(2024, 1, 1), "half", "2024 H1"),
        ("2024 H2", date(2024, 7, 1), "half", "2024 H2"),
        ("2024h2", date(2024, 7, 1), "half", "2024 H2"),
        ("2024 Q3", date(2024, 7, 1), "quarter", "2024 Q3"),
        ("2024-Q4", date(2024, 10, 1), "quarter", "2024 Q4"),
        ("June 2025", date(2025, 6, 1), "month", "June 2025"),
        ("Jun 2025", date(2025, 6, 1), "month", "June 2025"),
        ("2025-06", date(2025, 6, 1), "month", "June 2025"),
        ("2025", date(2025, 1, 1), "year", "2025"),
        ("2025-06-15", date(2025, 6, 15), "day", "15 June 2025"),
        ("  2024 \u00a0 H1 ", date(2024, 1, 1), "half", "2024 H1"),
    ],
)
def test_a_typed_period_is_stored_as_its_first_day_and_printed_as_a_label(
    typed, start, precision, label
):
    period = Period.parse(typed)
    assert period == Period(start, precision)
    assert period.label == label
    assert str(period) == label


@pytest.mark.parametrize("label", ["2024 H1", "2024 Q3", "June 2025", "2025"])
def test_a_printed_label_reads_back_as_the_same_period(label):
    assert Period.parse(label).label == label


def test_a_printed_day_label_reads_back_as_the_same_day():
    day = Period.parse("2025-06-15")
    assert Period.parse(day.label) == day


@pytest.mark.parametrize(
    ("typed", "last_day"),
    [
        ("2024 H1", date(2024, 6, 30)),
        ("2024 H2", date(2024, 12, 31)),
        ("2024 Q1", date(2024, 3, 31)),
        ("2024 Q3", date(2024, 9, 30)),
        ("2025", date(2025, 12, 31)),
        ("June 2025", date(2025, 6, 30)),
        ("February 2024", date(2024, 2, 29)),  # leap year
        ("February 2023", date(2023, 2, 28)),
        ("February 2000", date(2000, 2, 29)),  # divisible by 400: leap
        ("February 2100", date(2100, 2, 28)),  # divisible by 100: not leap
        ("2025-06-15", date(2025, 6, 15)),
        ("2100 H2", date(2100, 12, 31)),
    ],
)
def test_a_promise_is_late_only_after_the_last_day_of_its_period(typed, last_day):
    assert Period.parse(typed).end == last_day


@pytest.mark.parametrize(
    ("start", "precision"),
    [
        (date(2024, 3, 1), "half"),
        (date(2024, 1, 2), "half"),
        (date(2024, 2, 1), "quarter"),
        (date(2024, 6, 15), "month"),
        (date(2024, 7, 1), "year"),
        (date(2024, 1, 1), "fortnight"),
    ],
)
def test_a_period_that_does_not_start_where_its_precision_starts_is_refused(start, precision):
    with pytest.raises(ValueError):
        Period(start, precision)


@pytest.mark.parametrize(
    "typed",
    ["1884", "2101", "1800 H1", "0001", "9999 Q1", "June 1884", "2101-01", "1800-01-01"],
)
def test_years_outside_1885_to_2100_are_refused(typed):
    with pytest.raises(ValueError, match=r"year|range"):
        Period.parse(typed)


@pytest.mark.parametrize(
    "typed",
    ["", "soon", "2024 H3", "2024 Q0", "2024 Q5", "H1 2024", "Juneteenth 2025", "2025-13",
     "2025-02-30", "2025-00", "20245", "2024 H1; DROP TABLE"],
)  # fmt: skip
def test_text_that_is_not_a_period_is_refused_with_a_hint(typed):
    with pytest.raises(ValueError):
        Period.parse(typed)


def test_the_boundary_years_are_accepted():
    assert Period.parse(str(MIN_YEAR)).start == date(1885, 1, 1)
    assert Period.parse(f"{MAX_YEAR} Q4").end == date(2100, 12, 31)


def test_periods_sort_by_their_first_day():
    typed = ["2025", "2024 H2", "June 2024", "2024 Q1"]
    assert [str(p) for p in sorted(map(Period.parse, typed))] == [
        "2024 Q1",
        "June 2024",
        "2024 H2",
        "2025",
    ]


@given(coarse_periods())
def test_any_year_half_quarter_or_month_survives_a_label_round_trip(period):
    assert Period.parse(period.label) == period
    assert period.start <= period.end


@given(coarse_periods())
def test_the_day_after_a_period_ends_starts_the_next_one(period):
    following = period.end + timedelta(days=1)
    assert following.day == 1
    assert (following.month - 1) % MONTHS_IN[period.precision] == 0
    assert following.month == (period.start.month - 1 + MONTHS_IN[period.precision]) % 12 + 1


@given(days)
def test_a_single_day_is_its_own_start_and_end(day):
    period = Period(day, Precision.DAY)
    assert period.start == period.end == day
    assert Period.parse(day.isoformat()) == period


@given(days)
def test_any_day_survives_a_label_round_trip(day):
    period = Period(day, Precision.DAY)
    assert Period.parse(period.label) == period
