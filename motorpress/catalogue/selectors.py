"""Reads for vehicle pages, compare tables, and (later) feeds and the API."""

import re
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from django.db.models import Case, Count, F, OuterRef, Prefetch, Q, Subquery, Value, When
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from motorpress.catalogue.models import (
    Make,
    Powertrain,
    PriceKind,
    PricePoint,
    SalesFigure,
    Status,
    Variant,
    VehicleModel,
)
from motorpress.core.formatting import LAKH

PRICE_BANDS = {
    "under-1": (None, 1 * LAKH),
    "1-5": (1 * LAKH, 5 * LAKH),
    "5-10": (5 * LAKH, 10 * LAKH),
    "10-20": (10 * LAKH, 20 * LAKH),
    "20-50": (20 * LAKH, 50 * LAKH),
    "over-50": (50 * LAKH, None),
}
PRICE_BAND_LABELS = {
    "under-1": _("Under Rs 1 lakh"),
    "1-5": _("Rs 1 to 5 lakh"),
    "5-10": _("Rs 5 to 10 lakh"),
    "10-20": _("Rs 10 to 20 lakh"),
    "20-50": _("Rs 20 to 50 lakh"),
    "over-50": _("Over Rs 50 lakh"),
}


def _latest_ex_showroom(variant_ref: str = "pk"):
    """The newest ex-showroom price already in effect (an announced future price is not).
    A national price comes before any city's or state's: those are for the on-road price."""
    regional = Case(When(city="", state="", then=Value(0)), default=Value(1))
    return Subquery(
        PricePoint.objects.filter(
            variant=OuterRef(variant_ref),
            kind=PriceKind.EX_SHOWROOM,
            effective_date__lte=timezone.localdate(),
        )
        .order_by(regional, "-effective_date", "-pk")
        .values("amount")[:1]
    )


def variants_with_current_price():
    """Variants with `current_price`: the newest ex-showroom price point, if any."""
    return Variant.objects.annotate(current_price=_latest_ex_showroom())


def vehicle_models_listing():
    """Models with make and image, their price range (from each variant's current price) and
    how many variants they have of each powertrain."""
    priced = variants_with_current_price().filter(
        vehicle_model=OuterRef("pk"), current_price__isnull=False
    )
    return (
        VehicleModel.objects.select_related("make", "image")
        .annotate(
            price_from=Subquery(priced.order_by("current_price").values("current_price")[:1]),
            price_to=Subquery(priced.order_by("-current_price").values("current_price")[:1]),
            **{
                f"{powertrain}_variants": Count(
                    "variants", filter=Q(variants__powertrain=powertrain), distinct=True
                )
                for powertrain in Powertrain.values
            },
        )
        .order_by("make__name", "name")
    )


@dataclass(frozen=True)
class VehicleFilters:
    """The /vehicles/ filters; every value has already been checked against its choices."""

    segment: str | None = None
    make: str | None = None
    powertrain: str | None = None
    price: str | None = None
    status: str | None = None


def _in_price_band(model: VehicleModel, band: str) -> bool:
    """Whether the model's price range overlaps the band."""
    if model.price_from is None:
        return False
    low, high = PRICE_BANDS[band]
    if low is not None and model.price_to < low:
        return False
    return high is None or model.price_from < high


def _facet_values(model: VehicleModel, facet: str) -> frozenset[str]:
    """The facet's values the model counts under (several for powertrain and price)."""
    match facet:
        case "segment":
            return frozenset([model.segment])
        case "status":
            return frozenset([model.status])
        case "make":
            return frozenset([model.make.slug])
        case "powertrain":
            return frozenset(p for p in Powertrain.values if getattr(model, f"{p}_variants"))
        case "price":
            return frozenset(band for band in PRICE_BANDS if _in_price_band(model, band))
    raise ValueError(facet)


FACET_NAMES = tuple(field for field in VehicleFilters.__dataclass_fields__)


@dataclass
class VehicleFinder:
    """One query for the whole catalogue listing, then filters and facet counts in memory.

    A market's catalogue is hundreds of models, not millions: reading it once per request
    (and caching the page per publish) is cheaper than a COUNT query per facet value. Each
    model's facet values are worked out once; a filter is then a set lookup per facet, so
    the results and the five facets' counts cost a few thousand lookups for 500 models.
    """

    models: list[VehicleModel]
    filters: VehicleFilters

    @classmethod
    def run(cls, filters: VehicleFilters, queryset=None) -> "VehicleFinder":
        return cls(list(queryset if queryset is not None else vehicle_models_listing()), filters)

    @cached_property
    def _rows(self) -> list[tuple[VehicleModel, dict[str, frozenset[str]]]]:
        return [
            (model, {facet: _facet_values(model, facet) for facet in FACET_NAMES})
            for model in self.models
        ]

    def _wanted(self, *, ignoring: str = "") -> list[tuple[str, str]]:
        return [
            (facet, value)
            for facet in FACET_NAMES
            if facet != ignoring and (value := getattr(self.filters, facet))
        ]

    @cached_property
    def results(self) -> list[VehicleModel]:
        wanted = self._wanted()
        return [
            model
            for model, values in self._rows
            if all(value in values[facet] for facet, value in wanted)
        ]

    def counts(self, facet: str) -> dict[str, int]:
        """How many models each value of `facet` would show with the other filters kept."""
        wanted = self._wanted(ignoring=facet)
        counts: dict[str, int] = {}
        for _model, values in self._rows:
            if all(value in values[name] for name, value in wanted):
                for value in values[facet]:
                    counts[value] = counts.get(value, 0) + 1
        return counts


def makes_with_counts():
    return Make.objects.annotate(model_count=Count("models")).filter(model_count__gt=0)


def make_by_slug(*, slug: str) -> Make:
    return get_object_or_404(Make, slug=slug)


def vehicle_model_detail(*, make_slug: str, model_slug: str) -> VehicleModel:
    """A model with its variants (current price and full price history) in three queries."""
    variants = variants_with_current_price().prefetch_related(
        Prefetch("prices", queryset=PricePoint.objects.order_by("-effective_date", "-pk"))
    )
    return get_object_or_404(
        VehicleModel.objects.select_related("make", "image").prefetch_related(
            Prefetch("variants", queryset=variants.order_by("sort_order", "name"))
        ),
        make__slug=make_slug,
        slug=model_slug,
    )


def current_offers(*, vehicle_model: VehicleModel, today: date | None = None):
    today = today or timezone.localdate()
    return vehicle_model.offers.filter(valid_from__lte=today, valid_until__gte=today).order_by(
        "-up_to_amount"
    )


def sales_figures(*, vehicle_model: VehicleModel, limit: int = 12):
    return SalesFigure.objects.filter(
        Q(vehicle_model=vehicle_model) | Q(make=vehicle_model.make_id, vehicle_model__isnull=True)
    ).select_related("make", "vehicle_model__make")[:limit]


def upcoming_models():
    return (
        vehicle_models_listing()
        .filter(status=Status.UPCOMING)
        .order_by(F("expected_launch_start").asc(nulls_last=True), "make__name", "name")
    )


def electric_models():
    return vehicle_models_listing().filter(variants__powertrain=Powertrain.EV).distinct()


def models_by_compare_slugs(slugs: list[str]) -> dict[str, VehicleModel]:
    """Resolve '<make>-<model>' slugs in one query; make slugs may contain hyphens."""
    candidates = Q()
    for slug in slugs:
        parts = slug.split("-")
        for cut in range(1, len(parts)):
            candidates |= Q(make__slug="-".join(parts[:cut]), slug="-".join(parts[cut:]))
    if not candidates:
        return {}
    found = VehicleModel.objects.select_related("make").filter(candidates)
    return {model.compare_slug: model for model in found if model.compare_slug in slugs}


def compare_data(models: list[VehicleModel]) -> dict[int, tuple[Variant, int | None, int | None]]:
    """Per model: its reference variant (the first) and its lowest and highest current price.

    One query: every variant of the models with its current price.
    """
    variants = (
        variants_with_current_price()
        .filter(vehicle_model__in=models)
        .order_by("vehicle_model_id", "sort_order", "name")
    )
    data: dict[int, tuple[Variant, int | None, int | None]] = {}
    for variant in variants:
        reference, low, high = data.get(variant.vehicle_model_id, (variant, None, None))
        price = variant.current_price
        if price is not None:
            low = price if low is None else min(low, price)
            high = price if high is None else max(high, price)
        data[variant.vehicle_model_id] = (reference, low, high)
    return data


def picker_models():
    """Every model for the compare picker, by make."""
    return VehicleModel.objects.select_related("make").order_by("make__name", "name")


def _distinctive(name: str) -> bool:
    """Whether a name without its make is safe to look for in running text.

    "RC 160", "e-Access", "SU7", "eVitara" and "Urban Cruiser" are; "One" and "Access"
    alone would match ordinary words.
    """
    return (
        len(name.split()) > 1
        or any(ch.isdigit() or ch == "-" for ch in name)
        or any(ch.isupper() for ch in name[1:])
    )


def _model_name_patterns(model: VehicleModel) -> list[str]:
    names = {f"{model.make.name} {model.name}"}
    names |= {
        f"{alias.strip()} {model.name}" for alias in model.make.aliases.split(",") if alias.strip()
    }
    bare = [model.name, *(alias.strip() for alias in model.aliases.split(","))]
    names |= {name for name in bare if name and _distinctive(name)}
    return sorted(names, key=len, reverse=True)


def vehicle_models_named_in(text: str) -> list[VehicleModel]:
    """Catalogue models whose names (with make, or aliases) appear in `text`, as whole words."""
    found = []
    for model in VehicleModel.objects.select_related("make"):
        for name in _model_name_patterns(model):
            words = r"\s+".join(re.escape(word) for word in name.split())
            if re.search(rf"(?<![\w-]){words}(?![\w-])", text, re.IGNORECASE):
                found.append(model)
                break
    return found
