"""Explicit output schemas of the API (what each endpoint promises in /api/v1/openapi.json).

Measurements are numbers (not strings), money is whole rupees, dates are ISO 8601 and times
carry their offset (Asia/Kolkata).
"""

from datetime import date, datetime
from typing import Any, Literal

from ninja import Schema
from pydantic import Field

from motorpress.catalogue.models import Fuel, Powertrain, Segment, Status
from motorpress.core.editions import all_editions, edition_for
from motorpress.ledger.models import Metric
from motorpress.ledger.status import STATUS_CHOICES
from motorpress.newsroom.models import ArticleKind

SLUG = r"^[-a-zA-Z0-9_]+$"  # Django's SlugField, for slugs in paths and filters
# An edition by its two-letter language ("en", "hi"): the `lang` parameter and field.
Lang = Literal[tuple(edition.short_code for edition in all_editions())]  # type: ignore[valid-type]
DEFAULT_LANG = edition_for(None).short_code
LANG_DESCRIPTION = (
    "The edition: its two-letter language. "
    f"One of {', '.join(e.short_code for e in all_editions())}; {DEFAULT_LANG} by default."
)
StatusCode = Literal[tuple(code for code, _ in STATUS_CHOICES)]  # type: ignore[valid-type]


# Errors ---------------------------------------------------------------------------------------


class ErrorOut(Schema):
    detail: str = Field(description="What went wrong, in one sentence.")


class ValidationIssue(Schema):
    location: str = Field(description="Where the bad value was: query or path.")
    field: str
    message: str


class ValidationErrorOut(Schema):
    detail: str = Field(description="Every problem with the request, in one sentence.")
    errors: list[ValidationIssue]


# Shared references ----------------------------------------------------------------------------


class SourceOut(Schema):
    label: str = Field(description='Who said so, e.g. "Maker\'s price list".')
    url: str | None = Field(description="The source: an outside page or a story on this site.")
    is_demo: bool = Field(description="Illustrative demo figure, not a reported one.")


class MakeRef(Schema):
    name: str
    slug: str
    url: str = Field(description="The make's page on the site.")
    api_url: str


class VehicleRef(Schema):
    make: MakeRef
    name: str = Field(description="Without the make: 'e-Access'.")
    slug: str
    full_name: str
    compare_slug: str = Field(description="'<make>-<model>', as /compare expects it.")
    url: str = Field(description="The model's page on the site.")
    api_url: str


# Newsroom -------------------------------------------------------------------------------------


class AuthorRef(Schema):
    name: str
    slug: str
    url: str = Field(description="The author's page on the site.")


class TagOut(Schema):
    name: str
    slug: str


class SectionOut(Schema):
    slug: str
    title: str
    intro: str
    url: str
    articles_url: str = Field(description="This section's stories in the API.")


class SectionRef(Schema):
    slug: str
    title: str
    url: str


class TranslationRef(Schema):
    lang: Lang = Field(description="The translation's edition.")
    id: int
    url: str = Field(description="The translation on the site (absolute).")


class ArticleItem(Schema):
    id: int
    url: str = Field(description="The story on the site (absolute).")
    api_url: str
    lang: Lang = Field(description="The story's edition (its two-letter language).")
    translations: list[TranslationRef] = Field(
        description="The same story in the other editions: published, public translations only."
    )
    title: str
    slug: str
    kind: ArticleKind
    kind_label: str
    section: SectionRef | None
    teaser: str
    highlights: list[str]
    authors: list[AuthorRef] = Field(description="Bylines in order.")
    tags: list[TagOut]
    published: datetime
    updated: datetime | None
    read_time_minutes: int
    image: str | None = Field(description="Hero image, 800 pixels wide (absolute URL).")


class ArticleList(Schema):
    items: list[ArticleItem]
    limit: int
    next_cursor: str | None = Field(
        description="Pass as `cursor` for the next page; null at the end."
    )
    next: str | None = Field(description="The next page's URL with the same filters.")


class LatestList(Schema):
    items: list[ArticleItem]


class BodyBlock(Schema):
    id: str | None
    type: str = Field(description="paragraph, heading, image, quote, embed, compare_table, claim")
    value: Any = Field(
        description="The block's JSON value; paragraphs are display HTML, images carry URLs."
    )


class TestedVariant(Schema):
    vehicle: VehicleRef
    name: str
    slug: str


class TestedFigures(Schema):
    variant: TestedVariant
    distance_km: int | None
    real_world_range_km: float | None
    claimed_range_km: float | None
    range_gap_percent: float | None = Field(
        description="Tested against claimed range (negative: short)."
    )
    efficiency: float | None
    efficiency_unit: str
    zero_to_100_s: float | None
    zero_to_60_s: float | None
    top_speed_kmph: int | None
    conditions: str
    temperature_c: int | None
    load: str
    pros: list[str]
    cons: list[str]
    verdict: str
    rating: float | None = Field(description="Out of 10.")
    is_demo: bool


class ArticleDetail(ArticleItem):
    body_html: str = Field(description="The body rendered as on the site.")
    body: list[BodyBlock]
    vehicles: list[VehicleRef]
    makes: list[MakeRef]
    tested: TestedFigures | None = Field(description="What our testers measured (reviews only).")


class AuthorOut(Schema):
    name: str
    slug: str
    role: str
    bio: str
    website: str
    photo: str | None = Field(description="Square portrait, 160 pixels (absolute URL).")
    url: str
    api_url: str
    articles_url: str


class AuthorList(Schema):
    items: list[AuthorOut]


class AuthorDetail(AuthorOut):
    latest: list[ArticleItem] = Field(
        description="Their newest stories; page on with articles_url."
    )


class SectionList(Schema):
    items: list[SectionOut]


# Catalogue ------------------------------------------------------------------------------------


class MakeOut(MakeRef):
    country: str
    website: str
    model_count: int


class MakeList(Schema):
    items: list[MakeOut]


class ModelSummary(VehicleRef):
    segment: Segment
    body_type: str
    status: Status
    expected_launch: str | None = Field(description='A period: "2026 H1", "June 2025".')
    launched_on: date | None
    summary: str
    price_from: int | None = Field(description="Lowest current ex-showroom price, rupees.")
    price_to: int | None = Field(description="Highest current ex-showroom price, rupees.")
    price_display: str = Field(description='"Rs 1.88 lakh", "Rs 1.6 to 1.9 lakh" or "".')
    powertrains: list[Powertrain]
    image: str | None = Field(description="16:9, 1200 pixels wide (absolute URL).")
    articles_url: str = Field(description="Stories about this model in the API.")


class ModelList(Schema):
    items: list[ModelSummary]


class MakeDetail(MakeOut):
    models: list[ModelSummary]


class PriceOut(Schema):
    amount: int = Field(description="Whole rupees.")
    display: str = Field(description='"₹1,88,000".')
    kind: Literal["ex_showroom", "on_road"]
    city: str
    state: str
    effective_date: date
    source: SourceOut


class VariantOut(Schema):
    name: str
    slug: str
    powertrain: Powertrain
    fuel: Fuel  # road tax follows it; an engine with none recorded counts as petrol
    engine_cc: int | None
    power_ps: float | None
    power_rpm: int | None
    torque_nm: float | None
    torque_rpm: int | None
    transmission: str
    gears: int | None
    battery_kwh: float | None
    battery_chemistry: str
    claimed_range_km: float | None
    range_test_cycle: str
    claimed_efficiency: float | None
    efficiency_unit: str
    kerb_weight_kg: int | None
    seat_height_mm: int | None
    ground_clearance_mm: int | None
    features: list[str]
    specs_as_of: date | None
    current_price: int | None = Field(description="Ex-showroom price in effect today, rupees.")
    current_price_display: str | None
    prices: list[PriceOut] = Field(description="Price history, newest first.")
    source: SourceOut


class ModelDetail(ModelSummary):
    variants: list[VariantOut]


class CompareCell(Schema):
    display: str
    best: bool = Field(description="The better value in this row, where better is defined.")


class CompareRow(Schema):
    label: str
    differs: bool
    better: Literal["lower", "higher"] | None
    cells: list[CompareCell] = Field(description="One per vehicle, in the vehicles' order.")


class CompareColumn(Schema):
    vehicle: VehicleRef
    variant: str | None = Field(description="The variant compared (the model's first).")
    price_from: int | None
    price_to: int | None


class ComparisonOut(Schema):
    title: str
    canonical_url: str = Field(description="The comparison page on the site.")
    vehicles: list[CompareColumn] = Field(description="In the canonical (alphabetical) order.")
    rows: list[CompareRow]


# Ledger ---------------------------------------------------------------------------------------


class PeriodOut(Schema):
    start: date
    end: date
    precision: str
    label: str


class ClaimStatusOut(Schema):
    code: StatusCode
    label: str = Field(description='"Late by 193 days", "Worse by 29.1%", "Pending".')
    days: int | None
    percent: float | None
    resolved: bool


class OutcomeOut(Schema):
    happened: bool
    happened_on: date | None
    number: float | None
    recorded_on: date
    note: str
    source: SourceOut


class ClaimOut(Schema):
    id: int
    make: MakeRef
    vehicle: VehicleRef | None
    metric: Metric
    metric_label: str
    statement: str
    claimed_on: date
    claimed_on_is_approximate: bool
    period: PeriodOut | None = Field(description="For a date promise: the promised period.")
    number: float | None = Field(description="For a figure: the promised number.")
    unit: str
    due: date | None
    status: ClaimStatusOut
    outcome: OutcomeOut | None
    source: SourceOut


class ClaimList(Schema):
    items: list[ClaimOut]
