"""Compare tests read the demo catalogue and the pages a reader gets, parsed into rows."""

import copy
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from django.conf import settings
from django.core.management import call_command

from motorpress.catalogue.models import VehicleModel
from motorpress.catalogue.tests.factories import (
    MakeFactory,
    PricePointFactory,
    VariantFactory,
    VehicleModelFactory,
)
from motorpress.newsroom.services import site_structure_ensure

DEMO_CATALOGUE = Path(settings.BASE_DIR) / "motorpress" / "demo" / "content" / "catalogue.yaml"


@pytest.fixture
def catalogue(db):
    """The demo catalogue: 15 models, 26 variants, prices with history."""
    call_command("import_catalogue", str(DEMO_CATALOGUE), "--no-progress")


@pytest.fixture
def site(db):
    """Home page, the four sections and the default Site, for articles."""
    return site_structure_ensure()


def model_named(make_and_model: str) -> VehicleModel:
    """A catalogue model by "make/model" slugs, e.g. "ktm/rc-160"."""
    make_slug, _, model_slug = make_and_model.partition("/")
    return VehicleModel.objects.select_related("make").get(make__slug=make_slug, slug=model_slug)


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


@dataclass
class ShownRow:
    """One row of a compare table as the reader sees it."""

    label: str
    values: list[str]
    best: list[bool]
    differs: bool


@dataclass
class ShownTable:
    vehicles: list[str]
    rows: list[ShownRow]

    def row(self, label: str) -> ShownRow:
        matches = [row for row in self.rows if row.label == label]
        assert matches, f"no {label!r} row in {[row.label for row in self.rows]}"
        return matches[0]

    @property
    def labels(self) -> list[str]:
        return [row.label for row in self.rows]


def _text_without(node, flag_class: str) -> str:
    """The cell's own text, without the "best"/"differs" flag (on a copy: the page is kept)."""
    node = copy.copy(node)
    for flag in node.select(f".{flag_class}"):
        flag.extract()
    return node.get_text(" ", strip=True)


def shown_table(page_or_response, selector: str = "table.compare-table") -> ShownTable:
    """The table in a response, or in an already parsed page or part of one.

    A compare page shows the rows that differ in one table and the rest in a second one
    (collapsed): their rows are read in page order, as a reader meets them.
    """
    page = page_or_response if isinstance(page_or_response, Tag) else soup(page_or_response)
    tables = page.select(selector)
    assert tables, "no compare table on the page"
    vehicles = [th.get_text(" ", strip=True) for th in tables[0].select("thead th")[1:]]
    rows = []
    for tr in (tr for table in tables for tr in table.select("tbody tr")):
        header = tr.select_one("th")
        if header is None:  # the "no differences" message row
            continue
        cells = tr.select("td")
        rows.append(
            ShownRow(
                label=_text_without(header, "diff-flag"),
                best=["best" in (cell.get("class") or []) for cell in cells],
                values=[_text_without(cell, "best-flag") for cell in cells],
                differs="differs" in (tr.get("class") or []),
            )
        )
    return ShownTable(vehicles=vehicles, rows=rows)


def vehicle_with_variants(
    make_slug: str, model_slug: str, *, variants: int = 1, prices_each: int = 1
) -> VehicleModel:
    """An EV with `variants` variants, each with `prices_each` ex-showroom prices a year apart
    (the newest last): variant n costs Rs 1,00,000 + 1,000 n, plus Rs 500 a year."""
    model = VehicleModelFactory(
        make=MakeFactory(slug=make_slug, name=make_slug.title()),
        name=model_slug.upper(),
        slug=model_slug,
    )
    for n in range(variants):
        variant = VariantFactory(
            vehicle_model=model,
            name=f"Trim {n}",
            slug=f"trim-{n}",
            sort_order=n,
            powertrain="ev",
            engine_cc=None,
            power_ps=5 + n,
            torque_nm=20 + n,
            claimed_range_km=100 + n,
            kerb_weight_kg=110 + n,
        )
        for year in range(prices_each):
            PricePointFactory(
                variant=variant,
                amount=100_000 + 1_000 * n + 500 * year,
                effective_date=date(2024 + year, 1, 1),
            )
    return model
