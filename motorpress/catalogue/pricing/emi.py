"""EMI by the standard reducing-balance formula, computed exactly and rounded only at the end.

Everything runs on ``Fraction`` so 0 % is loan/n exactly and no rounding error accumulates
month by month; rupees are rounded once, for display, on the way out.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from django.utils.translation import gettext_noop  # marked here, translated where shown

MIN_TENURE_MONTHS = 6
MAX_TENURE_MONTHS = 96
MAX_RATE_PERCENT = Decimal(30)


class EmiInputError(ValueError):
    """An input outside the bounds a reader may ask for; names the field so forms and the API
    can point at it."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


@dataclass(frozen=True)
class YearSummary:
    """One loan year: what went to principal and interest, and what is still owed after it."""

    year: int
    principal: int
    interest: int
    balance: int


@dataclass(frozen=True)
class EmiPlan:
    """The monthly instalment and totals, rounded to the rupee, with a summary by year."""

    loan: int
    rate_percent: Decimal
    tenure_months: int
    monthly_instalment: int
    total_interest: int
    total_paid: int
    years: tuple[YearSummary, ...]


def _rupees(value: Fraction) -> int:
    """Round half up to the rupee (the convention lenders print), never banker's rounding."""
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def loan_amount(*, price: int, down_payment: int) -> int:
    """The amount borrowed: the price less the down payment, which must be 0-100 % of it."""
    if price <= 0:
        raise EmiInputError("price", gettext_noop("The price must be a positive number of rupees."))
    if down_payment < 0 or down_payment > price:
        raise EmiInputError(
            "down_payment",
            # xgettext:no-python-format ("% of" is text, not a placeholder)
            gettext_noop("The down payment must be between 0 and 100 % of the price."),
        )
    return price - down_payment


def validate_terms(*, rate_percent: Decimal, tenure_months: int) -> None:
    """Refuse a rate outside 0-30 % or a tenure outside 6-96 months."""
    if not rate_percent.is_finite() or rate_percent < 0 or rate_percent > MAX_RATE_PERCENT:
        raise EmiInputError(
            "rate", gettext_noop("The interest rate must be between 0 and 30 % a year.")
        )
    if not MIN_TENURE_MONTHS <= tenure_months <= MAX_TENURE_MONTHS:
        raise EmiInputError("tenure", gettext_noop("The tenure must be between 6 and 96 months."))


def exact_instalment(loan: int, rate_percent: Decimal, tenure_months: int) -> Fraction:
    """P·r·(1+r)^n / ((1+r)^n - 1) with r the monthly rate; P/n at 0 %."""
    monthly = Fraction(rate_percent) / 1200
    if monthly == 0:
        return Fraction(loan, tenure_months)
    growth = (1 + monthly) ** tenure_months
    return loan * monthly * growth / (growth - 1)


def emi_plan(*, loan: int, rate_percent: Decimal, tenure_months: int) -> EmiPlan:
    """The plan for a loan; raises EmiInputError naming the field when an input is out of range."""
    if loan < 0:
        raise EmiInputError(
            "down_payment", gettext_noop("The down payment cannot exceed the price.")
        )
    validate_terms(rate_percent=rate_percent, tenure_months=tenure_months)
    instalment = exact_instalment(loan, rate_percent, tenure_months)
    monthly = Fraction(rate_percent) / 1200
    balance = Fraction(loan)
    years: list[YearSummary] = []
    # Rounded balances at year ends; each year's principal is the difference of two of them, so
    # the yearly principal parts add up to the loan exactly even after rounding.
    previous_balance = loan
    interest_paid = Fraction(0)
    previous_interest = 0
    for month in range(1, tenure_months + 1):
        interest = balance * monthly
        balance -= instalment - interest
        interest_paid += interest
        if month % 12 == 0 or month == tenure_months:
            rounded_balance = 0 if month == tenure_months else _rupees(balance)
            rounded_interest = _rupees(interest_paid)
            years.append(
                YearSummary(
                    year=(month + 11) // 12,
                    principal=previous_balance - rounded_balance,
                    interest=rounded_interest - previous_interest,
                    balance=rounded_balance,
                )
            )
            previous_balance, previous_interest = rounded_balance, rounded_interest
    total_paid = instalment * tenure_months
    return EmiPlan(
        loan=loan,
        rate_percent=rate_percent,
        tenure_months=tenure_months,
        monthly_instalment=_rupees(instalment),
        total_interest=_rupees(total_paid - loan),
        total_paid=_rupees(total_paid),
        years=tuple(years),
    )
