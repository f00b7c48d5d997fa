"""The catalogue: /makes, /makes/{slug}, /models, /models/{make}/{model} and /compare."""

from typing import Annotated, Literal

from ninja import Path, Query, Router, Schema
from ninja.errors import HttpError
from pydantic import Field, StringConstraints

from motorpress.api import schemas, selectors
from motorpress.api.references import (
    absolute,
    api_url,
    make_ref,
    rendition_url,
    source,
    to_float,
    vehicle_fields,
    vehicle_ref,
)
from motorpress.api.schemas import SLUG
from motorpress.catalogue.models import Powertrain, Segment, Status
from motorpress.catalogue.onroad import fuel_of
from motorpress.catalogue.selectors import PRICE_BANDS, VehicleFilters
from motorpress.compare.selectors import MAX_VEHICLES, MIN_VEHICLES, NotComparable
from motorpress.core import formatting

router = Router(tags=["catalogue"])

COMPARE_SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)+$"  # '<make>-<model>'
MODEL_IMAGE_SPEC = "fill-1200x675"
ERRORS = {404: schemas.ErrorOut, 422: schemas.ValidationErrorOut}
PriceBand = Literal[tuple(PRICE_BANDS)]  # type: ignore[valid-type]
CompareSlug = Annotated[str, StringConstraints(pattern=COMPARE_SLUG, max_length=161)]


def _price_display(low: int | None, high: int | None) -> str:
    if low is None:
        return ""
    if high is None or high == low:
        return formatting.format_lakh_crore(low)
    return f"{formatting.format_lakh_crore(low)} to {formatting.format_lakh_crore(high)}"


def _summary_fields(request, model, *, price_from, price_to, powertrains) -> dict:
    launch = model.expected_launch
    return {
        **vehicle_fields(request, model),
        "segment": model.segment,
        "body_type": model.body_type,
        "status": model.status,
        "expected_launch": launch.label if launch else None,
        "launched_on": model.launched_on,
        "summary": model.summary,
        "price_from": price_from,
        "price_to": price_to,
        "price_display": _price_display(price_from, price_to),
        "powertrains": powertrains,
        "image": rendition_url(request, model.image, MODEL_IMAGE_SPEC),
        "articles_url": api_url(
            request, "articles", query={"vehicle": f"{model.make.slug}/{model.slug}"}
        ),
    }


def model_summary(request, model) -> schemas.ModelSummary:
    """A model from the catalogue listing, which annotates prices and powertrain counts."""
    return schemas.ModelSummary(
        **_summary_fields(
            request,
            model,
            price_from=model.price_from,
            price_to=model.price_to,
            powertrains=[p for p in Powertrain.values if getattr(model, f"{p}_variants")],
        )
    )


def _make_fields(request, make) -> dict:
    return {
        **make_ref(request, make).model_dump(),
        "country": make.country,
        "website": make.website,
        "model_count": make.model_count,
    }


@router.get("/makes", response=schemas.MakeList, url_name="makes")
def list_makes(request):
    return schemas.MakeList(
        items=[schemas.MakeOut(**_make_fields(request, make)) for make in selectors.makes()]
    )


@router.get(
    "/makes/{slug}",
    response={200: schemas.MakeDetail, **ERRORS},
    url_name="make",
    summary="A make and its models",
)
def get_make(request, slug: str = Path(..., pattern=SLUG, max_length=80)):
    make = selectors.make_by_slug(slug=slug)
    models = selectors.vehicle_models(VehicleFilters(make=make.slug))
    return schemas.MakeDetail(
        **_make_fields(request, make), models=[model_summary(request, m) for m in models]
    )


class ModelQuery(Schema):
    segment: Segment | None = None
    make: str | None = Field(None, pattern=SLUG, max_length=80, description="Make slug.")
    status: Status | None = None
    powertrain: Powertrain | None = Field(None, description="Models with a variant of it.")
    price: PriceBand | None = Field(
        None, description="Current ex-showroom band in lakh: under-1, 1-5, … over-50."
    )


@router.get(
    "/models",
    response={200: schemas.ModelList, 422: schemas.ValidationErrorOut},
    url_name="models",
    summary="Catalogue models with their price range, filtered as on /vehicles/",
)
def list_models(request, query: Query[ModelQuery]):
    filters = VehicleFilters(
        segment=query.segment,
        make=query.make,
        powertrain=query.powertrain,
        price=query.price,
        status=query.status,
    )
    return schemas.ModelList(
        items=[model_summary(request, model) for model in selectors.vehicle_models(filters)]
    )


def _variant(request, variant, published) -> schemas.VariantOut:
    return schemas.VariantOut(
        name=variant.name,
        slug=variant.slug,
        powertrain=variant.powertrain,
        fuel=fuel_of(variant),
        engine_cc=variant.engine_cc,
        power_ps=to_float(variant.power_ps),
        power_rpm=variant.power_rpm,
        torque_nm=to_float(variant.torque_nm),
        torque_rpm=variant.torque_rpm,
        transmission=variant.transmission,
        gears=variant.gears,
        battery_kwh=to_float(variant.battery_kwh),
        battery_chemistry=variant.battery_chemistry,
        claimed_range_km=to_float(variant.claimed_range_km),
        range_test_cycle=variant.range_test_cycle,
        claimed_efficiency=to_float(variant.claimed_efficiency),
        efficiency_unit=variant.efficiency_unit,
        kerb_weight_kg=variant.kerb_weight_kg,
        seat_height_mm=variant.seat_height_mm,
        ground_clearance_mm=variant.ground_clearance_mm,
        features=variant.feature_list,
        specs_as_of=variant.specs_as_of,
        current_price=variant.current_price,
        current_price_display=formatting.format_inr(variant.current_price)
        if variant.current_price is not None
        else None,
        prices=[
            schemas.PriceOut(
                amount=price.amount,
                display=formatting.format_inr(price.amount),
                kind=price.kind,
                city=price.city,
                state=price.state,
                effective_date=price.effective_date,
                source=source(request, price, published),
            )
            for price in variant.prices.all()
        ],
        source=source(request, variant, published),
    )


@router.get(
    "/models/{make}/{model}",
    response={200: schemas.ModelDetail, **ERRORS},
    url_name="model",
    summary="A model with its variants, specifications, current prices and price history",
)
def get_model(
    request,
    make: str = Path(..., pattern=SLUG, max_length=80),
    model: str = Path(..., pattern=SLUG, max_length=80),
):
    vehicle = selectors.vehicle_model(make_slug=make, model_slug=model)
    variants = list(vehicle.variants.all())
    cited = [v.source_page_id for v in variants]
    cited += [p.source_page_id for v in variants for p in v.prices.all()]
    published = selectors.published_pages(cited)
    current = [v.current_price for v in variants if v.current_price is not None]
    return schemas.ModelDetail(
        **_summary_fields(
            request,
            vehicle,
            price_from=min(current, default=None),
            price_to=max(current, default=None),
            powertrains=[p for p in Powertrain.values if any(v.powertrain == p for v in variants)],
        ),
        variants=[_variant(request, variant, published) for variant in variants],
    )


class CompareQuery(Schema):
    vehicles: list[CompareSlug] = Field(
        ...,
        min_length=MIN_VEHICLES,
        max_length=MAX_VEHICLES,
        description="2-4 distinct '<make>-<model>' slugs: vehicles=ktm-rc-160&vehicles=yamaha-r15.",
        json_schema_extra={"uniqueItems": True},
    )


@router.get(
    "/compare",
    response={
        200: schemas.ComparisonOut,
        400: schemas.ErrorOut,
        404: schemas.ErrorOut,
        422: schemas.ValidationErrorOut,
    },
    url_name="compare",
    summary="Two to four models side by side, in one canonical order",
)
def compare(request, query: Query[CompareQuery]):
    vehicles = query.vehicles
    if len(set(vehicles)) != len(vehicles):
        raise HttpError(400, "Name each vehicle once: a vehicle cannot be compared with itself.")
    try:
        comparison = selectors.comparison(slugs=vehicles)
    except NotComparable as error:
        raise HttpError(404, f"Not in the catalogue: {error}.") from None
    table = comparison.table
    return schemas.ComparisonOut(
        title=comparison.title,
        canonical_url=absolute(request, comparison.canonical_path),
        vehicles=[
            schemas.CompareColumn(
                vehicle=vehicle_ref(request, column.vehicle_model),
                variant=column.variant.name if column.variant else None,
                price_from=column.price_range[0],
                price_to=column.price_range[1],
            )
            for column in table.columns
        ],
        rows=[
            schemas.CompareRow(
                label=row.label,
                differs=row.differs,
                better=row.better,
                cells=[schemas.CompareCell(display=c.display, best=c.is_best) for c in row.cells],
            )
            for row in table.rows
        ],
    )
