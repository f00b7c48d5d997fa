"""EMI maths: what a reader is quoted per month must be the lender's formula, exactly."""

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from motorpress.catalogue.pricing.emi import (
    EmiInputError,
    emi_plan,
    exact_instalment,
    loan_amount,
)

loans = st.integers(min_value=0, max_value=5 * 10**7)
rates = st.decimals(min_value=0, max_value=30, places=2)
tenures = st.integers(min_value=6, max_value=96)


def test_a_known_loan_matches_the_published_formula():
    # Rs 10 lakh at 9 % for 60 months: lenders' tables quote Rs 20,758.
    plan = emi_plan(loan=1_000_000, rate_percent=Decimal(9), tenure_months=60)
    assert plan.monthly_instalment == 20_758
    assert plan.total_paid == plan.loan + plan.total_interest
    assert [year.year for year in plan.years] == [1, 2, 3, 4, 5]


@given(loans, rates, tenures)
def test_yearly_principal_parts_add_up_to_the_loan(loan, rate, tenure):
    plan = emi_plan(loan=loan, rate_percent=rate, tenure_months=tenure)
    assert sum(year.principal for year in plan.years) == loan
    assert plan.years[-1].balance == 0
    assert len(plan.years) == (tenure + 11) // 12


@given(loans, tenures)
def test_zero_rate_is_the_loan_over_the_months_exactly(loan, tenure):
    assert exact_instalment(loan, Decimal(0), tenure) == Fraction(loan, tenure)
    plan = emi_plan(loan=loan, rate_percent=Decimal(0), tenure_months=tenure)
    assert plan.total_interest == 0
    assert plan.total_paid == loan


@given(st.integers(min_value=1, max_value=5 * 10**7), rates, rates, tenures)
def test_instalment_never_falls_as_the_rate_rises(loan, a, b, tenure):
    low, high = sorted((a, b))
    assert exact_instalment(loan, low, tenure) <= exact_instalment(loan, high, tenure)


@given(loans, rates, tenures)
def test_interest_by_year_adds_up_to_total_interest_within_rounding(loan, rate, tenure):
    plan = emi_plan(loan=loan, rate_percent=rate, tenure_months=tenure)
    assert abs(sum(year.interest for year in plan.years) - plan.total_interest) <= 1


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"rate_percent": Decimal("30.01"), "tenure_months": 60}, "rate"),
        ({"rate_percent": Decimal(-1), "tenure_months": 60}, "rate"),
        ({"rate_percent": Decimal("NaN"), "tenure_months": 60}, "rate"),
        ({"rate_percent": Decimal(9), "tenure_months": 5}, "tenure"),
        ({"rate_percent": Decimal(9), "tenure_months": 97}, "tenure"),
    ],
)
def test_out_of_range_terms_name_the_field(kwargs, field):
    with pytest.raises(EmiInputError) as raised:
        emi_plan(loan=100_000, **kwargs)
    assert raised.value.field == field


@pytest.mark.parametrize("down", [-1, 200_001])
def test_down_payment_outside_the_price_is_refused(down):
    with pytest.raises(EmiInputError) as raised:
        loan_amount(price=200_000, down_payment=down)
    assert raised.value.field == "down_payment"


def test_full_down_payment_leaves_nothing_to_borrow():
    assert loan_amount(price=200_000, down_payment=200_000) == 0
    assert emi_plan(loan=0, rate_percent=Decimal(9), tenure_months=12).monthly_instalment == 0
