"""What a buyer pays: /models/{make}/{model}/on-road?city= and /emi. Same maths and selectors
as the vehicle page; every bound is in the schema, so a bad value is a 422 naming the field."""

from datetime import date
from decimal import Decimal
from fractions import Fraction

from django.http import Http404
from ninja import Path, Query, Router, Schema
from pydantic import Field

from motorpress.api import schemas, selectors
from motorpress.api.schemas import SLUG
from motorpress.catalogue import onroad
from motorpress.catalogue.pricing.emi import MAX_TENURE_MONTHS, MIN_TENURE_MONTHS, emi_plan

router = Router(tags=["pricing"])
ERRORS = {404: schemas.ErrorOut, 422: schemas.ValidationErrorOut}


class LineOut(Schema):
    label: str
    amount: int | None = Field(description="Whole rupees; null when unknown here.")
    source: str
    dated: date | None
    is_demo: bool
    note: str


class QuoteOut(Schema):
    variant: str
    ex_showroom_scope: str = Field(description="City or state the price is for; '' if national.")
    lines: list[LineOut]
    total: int | None = Field(description="Null when any line is unknown: no total is invented.")
    is_demo: bool


class OnRoadOut(Schema):
    city: str
    state: str
    quotes: list[QuoteOut]


@router.get(
    "/models/{make}/{model}/on-road",
    response={200: OnRoadOut, **ERRORS},
    url_name="on-road",
    summary="Itemised on-road price of each variant in a city, each line with its source",
)
def on_road(
    request,
    make: str = Path(..., pattern=SLUG, max_length=80),
    model: str = Path(..., pattern=SLUG, max_length=80),
    city: str = Query(..., pattern=SLUG, max_length=60, description="A city slug, e.g. pune."),
):
    vehicle = selectors.vehicle_model(make_slug=make, model_slug=model)
    place = onroad.city_by_slug(city)
    if place is None:
        raise Http404(f"No on-road rules for city '{city}'.")
    quotes = onroad.on_road_quotes(
        list(vehicle.variants.all()), segment=vehicle.segment, city=place
    )
    return OnRoadOut(
        city=place.name,
        state=place.state,
        quotes=[
            QuoteOut(
                variant=quote.variant.slug,
                ex_showroom_scope=quote.price_scope,
                lines=[LineOut(**line.__dict__) for line in quote.breakdown.lines],
                total=quote.breakdown.total,
                is_demo=quote.breakdown.is_demo,
            )
            for quote in quotes
        ],
    )


class YearOut(Schema):
    year: int
    principal: int
    interest: int
    balance: int


class EmiOut(Schema):
    loan: int
    monthly_instalment: int
    total_interest: int
    total_paid: int
    years: list[YearOut]


class EmiQuery(Schema):
    price: int = Field(..., ge=1, le=10**10, description="On-road price, whole rupees.")
    # float, not Decimal: pydantic documents Decimal as number-or-any-string, so schema-valid
    # text would reach a 422. Values are taken exactly through their shortest repr.
    down_payment_percent: float = Field(0, ge=0, le=100, description="0-100.")
    rate: float = Field(..., ge=0, le=30, description="Annual %, 0-30.")
    tenure: int = Field(..., ge=MIN_TENURE_MONTHS, le=MAX_TENURE_MONTHS, description="Months.")


@router.get(
    "/emi",
    response={200: EmiOut, 422: schemas.ValidationErrorOut},
    url_name="emi",
    summary="Monthly instalment by the reducing-balance formula, with a summary by year",
)
def emi(request, query: Query[EmiQuery]):
    down = round(Fraction(query.price) * Fraction(str(query.down_payment_percent)) / 100)
    plan = emi_plan(
        loan=query.price - down, rate_percent=Decimal(str(query.rate)), tenure_months=query.tenure
    )
    return EmiOut(
        loan=plan.loan,
        monthly_instalment=plan.monthly_instalment,
        total_interest=plan.total_interest,
        total_paid=plan.total_paid,
        years=[YearOut(**year.__dict__) for year in plan.years],
    )
