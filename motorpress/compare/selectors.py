"""Resolving compare URLs and building comparisons from the catalogue."""

import re
from dataclasses import dataclass

from django.db.models import prefetch_related_objects
from django.urls import reverse

from motorpress.catalogue import onroad
from motorpress.catalogue import selectors as catalogue
from motorpress.catalogue.models import City, VehicleModel
from motorpress.compare.table import Column, CompareTable, build_table

MIN_VEHICLES, MAX_VEHICLES = 2, 4
MAX_SLUG_LENGTH = 400  # a whole compare path segment; longer is a 404 before any query
SEPARATOR = "-vs-"


class NotComparable(Exception):
    """The request does not name 2-4 distinct known vehicles."""


@dataclass
class Comparison:
    vehicle_models: list[VehicleModel]
    table: CompareTable
    city: City | None = None

    @property
    def canonical_path(self) -> str:
        return canonical_path([model.compare_slug for model in self.vehicle_models])

    @property
    def title(self) -> str:
        return " vs ".join(str(model) for model in self.vehicle_models)


def canonical_path(slugs: list[str]) -> str:
    """The compare page's one address, in the active edition (/compare/… or /hi/compare/…)."""
    return reverse("compare:compare", kwargs={"slugs": SEPARATOR.join(sorted(slugs))})


# A make slug and a model slug (80 characters each) joined by a hyphen.
MAX_PART_LENGTH = 161
_PART = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def split_compare_slug(value: str) -> list[str]:
    """The 2-4 distinct '<make>-<model>' parts of a compare slug; anything else is refused
    before it reaches the database (a long part would expand into a huge query)."""
    slugs = value.split(SEPARATOR)
    if not MIN_VEHICLES <= len(slugs) <= MAX_VEHICLES or len(set(slugs)) != len(slugs):
        raise NotComparable(value[:200])
    if any(len(slug) > MAX_PART_LENGTH or not _PART.fullmatch(slug) for slug in slugs):
        raise NotComparable(value[:200])
    return slugs


def comparison_for(vehicle_models: list[VehicleModel], city: City | None = None) -> Comparison:
    """Two to four models side by side, in the canonical (alphabetical slug) order; with a
    city, each compared variant's on-road total there (one more query, for their prices)."""
    ordered = sorted(vehicle_models, key=lambda model: model.compare_slug)
    data = catalogue.compare_data(ordered)
    columns = []
    for model in ordered:
        variant, low, high = data.get(model.pk, (None, None, None))
        columns.append(Column(model, variant, (low, high)))
    if city is not None:
        _add_on_road_totals(columns, city)
    return Comparison(vehicle_models=ordered, table=build_table(columns), city=city)


def _add_on_road_totals(columns: list[Column], city: City) -> None:
    variants = [column.variant for column in columns if column.variant]
    prefetch_related_objects(variants, "prices")
    for column in columns:
        if column.variant is None:
            continue
        quotes = onroad.on_road_quotes(
            [column.variant], segment=column.vehicle_model.segment, city=city
        )
        if quotes:
            column.on_road = quotes[0].breakdown.total


def comparison_for_slugs(slugs: list[str], city: City | None = None) -> Comparison:
    found = catalogue.models_by_compare_slugs(slugs)
    if len(found) != len(slugs):
        raise NotComparable(",".join(slugs))
    return comparison_for([found[slug] for slug in slugs], city)
