"""Bulk entry: a good file is imported once however often it is run; a bad one writes nothing.

An editor's spreadsheet is untrusted input. Every refusal must say which row is wrong, and a
refused file must leave the catalogue exactly as it was.
"""

import copy
import io
from datetime import date
from pathlib import Path

import pytest
import yaml
from django.core.management import CommandError, call_command

from motorpress.catalogue.importing import catalogue_import, read_rows
from motorpress.catalogue.models import (
    City,
    Make,
    Offer,
    PricePoint,
    RoadTaxRule,
    SalesFigure,
    StateCharges,
    Variant,
    VehicleModel,
)

pytestmark = pytest.mark.django_db

SOURCE = {"source_label": "Maker's price list", "is_demo": False}
CATALOGUE = {
    "makes": [
        {"name": "Suzuki", "slug": "suzuki", "country": "Japan"},
        {"name": "KTM", "slug": "ktm", "country": "Austria"},
    ],
    "models": [
        {
            "make": "suzuki",
            "name": "e-Access",
            "slug": "e-access",
            "segment": "scooter",
            "status": "upcoming",
            "expected_launch": "June 2025",
        },
        {
            "make": "ktm",
            "name": "RC 160",
            "slug": "rc-160",
            "segment": "motorcycle",
            "status": "on_sale",
        },
    ],
    "variants": [
        {
            "make": "suzuki",
            "model": "e-access",
            "name": "Standard",
            "slug": "standard",
            "sort_order": 0,
            "powertrain": "ev",
            "power_ps": 5.6,
            "battery_kwh": 3.07,
            "battery_chemistry": "LFP",
            "claimed_range_km": 95,
            "features": ["LED headlamp", "Reverse mode"],
            **SOURCE,
        },
        {
            "make": "ktm",
            "model": "rc-160",
            "name": "Standard",
            "slug": "standard",
            "sort_order": 0,
            "powertrain": "ice",
            "engine_cc": 164,
            "power_ps": 19,
            **SOURCE,
        },
        {
            "make": "ktm",
            "model": "rc-160",
            "name": "Track",
            "slug": "track",
            "sort_order": 1,
            "powertrain": "ice",
            "engine_cc": 164,
            "power_ps": 19,
            **SOURCE,
        },
    ],
    "prices": [
        {
            "make": "suzuki",
            "model": "e-access",
            "variant": "standard",
            "amount": 188000,
            "kind": "ex_showroom",
            "effective_date": date(2026, 1, 9),
            **SOURCE,
        },
        {
            "make": "ktm",
            "model": "rc-160",
            "variant": "standard",
            "amount": 185000,
            "kind": "ex_showroom",
            "effective_date": date(2026, 1, 9),
            **SOURCE,
        },
    ],
    "offers": [
        {
            "title": "Year-start benefits",
            "models": ["ktm/rc-160", "suzuki/e-access"],
            "up_to_amount": 7500,
            "valid_from": date(2026, 1, 1),
            "valid_until": date(2026, 1, 31),
            **SOURCE,
        }
    ],
    "sales": [
        {
            "make": "suzuki",
            "model": "",
            "period": "month",
            "period_start": date(2025, 12, 1),
            "market": "india",
            "units": 90000,
            **SOURCE,
        },
        {
            "make": "suzuki",
            "model": "e-access",
            "period": "month",
            "period_start": date(2025, 12, 1),
            "market": "india",
            "units": 1200,
            **SOURCE,
        },
    ],
}
PRICES_CSV = """make,model,variant,amount,kind,city,effective_date,source_label,is_demo
suzuki,e-access,standard,190000,ex_showroom,,2026-04-01,Price list,false
ktm,rc-160,standard,187000,ex_showroom,,2026-04-01,Price list,false
ktm,rc-160,track,{amount},ex_showroom,,2026-04-01,Price list,false
"""
MODELS = (
    Make, VehicleModel, Variant, PricePoint, Offer, SalesFigure, City, RoadTaxRule, StateCharges,
)  # fmt: skip


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


NOTHING = dict.fromkeys([model.__name__ for model in MODELS], 0)


def write_yaml(tmp_path: Path, data: dict, name: str = "catalogue.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def run_import(path: Path, *args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_catalogue", str(path), "--no-progress", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def failed_import(path: Path, *args) -> tuple[str, str]:
    """The CommandError message and what the command wrote to stderr."""
    err = io.StringIO()
    with pytest.raises(CommandError) as caught:
        call_command(
            "import_catalogue", str(path), "--no-progress", *args, stdout=io.StringIO(), stderr=err
        )
    return str(caught.value), err.getvalue()


def with_value(section: str, row: int, **values) -> dict:
    data = copy.deepcopy(CATALOGUE)
    data[section][row - 1].update(values)
    return data


def test_a_valid_catalogue_file_imports_every_section(tmp_path):
    out, _ = run_import(write_yaml(tmp_path, CATALOGUE))
    assert counts() == {
        "Make": 2,
        "VehicleModel": 2,
        "Variant": 3,
        "PricePoint": 2,
        "Offer": 1,
        "SalesFigure": 2,
        "City": 0,
        "RoadTaxRule": 0,
        "StateCharges": 0,
    }
    assert "makes 2 new/0 updated" in out
    e_access = VehicleModel.objects.get(make__slug="suzuki", slug="e-access")
    assert str(e_access.expected_launch) == "June 2025"
    variant = e_access.variants.get()
    assert variant.feature_list == ["LED headlamp", "Reverse mode"]
    assert str(variant.battery_kwh) == "3.07"
    offer = Offer.objects.get()
    assert sorted(str(m) for m in offer.vehicle_models.all()) == ["KTM RC 160", "Suzuki e-Access"]
    assert SalesFigure.objects.filter(vehicle_model__isnull=True, units=90000).exists()


def test_sections_may_come_in_any_order_in_the_file(tmp_path):
    reversed_sections = dict(reversed(list(CATALOGUE.items())))
    assert next(iter(reversed_sections)) == "sales"
    run_import(write_yaml(tmp_path, reversed_sections))
    assert Variant.objects.count() == 3
    assert Offer.objects.get().vehicle_models.count() == 2


def test_importing_the_same_file_twice_creates_nothing_new(tmp_path):
    path = write_yaml(tmp_path, CATALOGUE)
    run_import(path)
    before = counts()
    out, _ = run_import(path)
    assert counts() == before
    assert "new" in out
    assert "makes 0 new/2 updated" in out
    report = catalogue_import(rows=read_rows(path))
    assert report.ok
    assert sum(report.created.values()) == 0
    assert counts() == before


def test_reimporting_a_corrected_figure_updates_it_in_place(tmp_path):
    run_import(write_yaml(tmp_path, CATALOGUE))
    run_import(write_yaml(tmp_path, with_value("variants", 1, claimed_range_km=98)))
    assert Variant.objects.get(vehicle_model__slug="e-access").claimed_range_km == 98
    assert Variant.objects.count() == 3


def test_the_shipped_demo_catalogue_imports_cleanly_and_idempotently(demo_catalogue):
    before = counts()
    assert demo_catalogue.catalogue_rows == sum(before.values())
    assert before["VehicleModel"] == 15
    demo_file = Path(__file__).resolve().parents[2] / "demo" / "content" / "catalogue.yaml"
    run_import(demo_file)
    assert counts() == before


def test_one_bad_variant_row_writes_nothing_and_names_the_row(tmp_path):
    path = write_yaml(tmp_path, with_value("variants", 3, power_ps=-5))
    message, stderr = failed_import(path)
    assert "nothing was imported" in message
    assert "variants row 3" in stderr
    assert "power_ps" in stderr
    assert counts() == NOTHING  # not even the valid makes and models before it


def test_the_importer_reports_the_bad_row_and_writes_nothing(tmp_path):
    report = catalogue_import(
        rows=read_rows(write_yaml(tmp_path, with_value("variants", 3, power_ps=-5)))
    )
    assert [(e.kind, e.row) for e in report.errors] == [("variants", 3)]
    assert report.created["makes"] == 2  # counted while validating, then rolled back
    assert counts() == NOTHING


def test_every_bad_row_is_reported_not_just_the_first(tmp_path):
    data = with_value("variants", 3, powertrain="steam")
    data["prices"][1]["amount"] = 0
    report = catalogue_import(rows=read_rows(write_yaml(tmp_path, data)))
    assert [str(e).split(":")[0] for e in report.errors] == ["variants row 3", "prices row 2"]
    assert counts() == NOTHING


@pytest.mark.parametrize(
    ("section", "column"),
    [("models", "status"), ("prices", "kind"), ("sales", "market"), ("variants", "sort_order")],
)
def test_a_row_may_leave_out_a_column_that_has_a_default(tmp_path, section, column):
    data = copy.deepcopy(CATALOGUE)
    for row in data[section]:
        del row[column]
    report = catalogue_import(rows=read_rows(write_yaml(tmp_path, data)))
    assert report.ok, [str(e) for e in report.errors]
    assert VehicleModel.objects.get(slug="rc-160").status == "on_sale"
    assert PricePoint.objects.filter(kind="ex_showroom").count() == 2
    assert SalesFigure.objects.filter(market="india").count() == 2


def test_a_bad_amount_in_a_price_csv_names_its_line_and_writes_nothing(tmp_path):
    run_import(write_yaml(tmp_path, CATALOGUE))
    before = counts()
    path = tmp_path / "prices.csv"
    path.write_text(PRICES_CSV.format(amount="Rs 1.88 lakh"), encoding="utf-8")
    message, stderr = failed_import(path)
    assert "prices row 4" in stderr
    assert "amount" in stderr
    assert "1 invalid rows" in message
    assert counts() == before
    assert not PricePoint.objects.filter(effective_date=date(2026, 4, 1)).exists()


def test_a_valid_price_csv_adds_to_the_price_history(tmp_path):
    run_import(write_yaml(tmp_path, CATALOGUE))
    path = tmp_path / "prices.csv"
    path.write_text("\ufeff" + PRICES_CSV.format(amount="199000"), encoding="utf-8")  # Excel BOM
    out, _ = run_import(path)
    assert "prices 3 new/0 updated" in out
    history = PricePoint.objects.filter(variant__vehicle_model__slug="e-access")
    assert list(history.values_list("amount", flat=True)) == [190000, 188000]


def test_a_csv_with_any_name_imports_when_its_kind_is_given(tmp_path):
    run_import(write_yaml(tmp_path, CATALOGUE))
    path = tmp_path / "april-price-list.csv"
    path.write_text(PRICES_CSV.format(amount="199000"), encoding="utf-8")
    message, _ = failed_import(path)
    assert "name the kind of rows" in message
    run_import(path, "--kind", "prices")
    assert PricePoint.objects.filter(effective_date=date(2026, 4, 1)).count() == 3


def test_the_progress_bar_does_not_get_in_the_way(tmp_path):
    err = io.StringIO()
    call_command(
        "import_catalogue", str(write_yaml(tmp_path, CATALOGUE)), stdout=io.StringIO(), stderr=err
    )
    assert Variant.objects.count() == 3


@pytest.mark.parametrize(
    ("filename", "content", "expected"),
    [
        ("catalogue.yaml", b"makes:\n  - {name: Citro\xebn, slug: citroen}\n", "not UTF-8"),
        ("prices.csv", b"make,model\n\xff\xfe\x00\x01,x\n", "not UTF-8"),
        ("catalogue.yaml", b"makes: [{name: Suzuki, slug: suzuki\n", "not valid YAML"),
        ("catalogue.yaml", b"makes:\n  - name: Suzuki\n   slug: suzuki\n", "not valid YAML"),
        ("catalogue.yaml", b"brands:\n  - {name: Suzuki, slug: suzuki}\n", "top-level keys"),
        ("catalogue.yaml", b"- {name: Suzuki, slug: suzuki}\n", "top-level keys"),
        ("catalogue.yaml", b"makes: suzuki\n", "must be a list of mappings"),
        ("catalogue.yaml", b"makes:\n  - suzuki\n", "must be a list of mappings"),
        ("catalogue.yaml", b"makes: !!python/object/apply:os.system ['true']\n", "YAML"),
        ("catalogue.txt", b"makes:\n  - {name: Suzuki, slug: suzuki}\n", ".csv, .yaml or .yml"),
        ("catalogue.csv", b"name,slug\nSuzuki,suzuki\n", "name the kind of rows"),
    ],
)
def test_an_unreadable_file_is_refused_with_a_clear_reason_and_nothing_written(
    tmp_path, filename, content, expected
):
    path = tmp_path / filename
    path.write_bytes(content)
    message, _ = failed_import(path)
    assert expected in message
    assert counts() == NOTHING


def test_a_missing_file_or_a_folder_is_refused(tmp_path):
    message, _ = failed_import(tmp_path / "nowhere.yaml")
    assert "is not a file" in message
    message, _ = failed_import(tmp_path)
    assert "is not a file" in message


def test_a_file_over_10_mb_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "catalogue.yaml"
    path.write_bytes(b"#" * (10 * 1024 * 1024 + 1))
    message, _ = failed_import(path)
    assert "larger than 10 MB" in message


HOSTILE = [
    ("prices", 1, {"amount": float("nan")}),
    ("prices", 1, {"amount": "NaN"}),
    ("prices", 1, {"amount": 1e308}),
    ("prices", 1, {"amount": "1e308"}),
    ("prices", 1, {"amount": 10**30}),
    ("prices", 1, {"amount": "Rs 1.88 lakh"}),
    ("prices", 1, {"amount": -188000}),
    ("prices", 1, {"amount": 0}),
    ("prices", 1, {"amount": 188000.5}),
    ("prices", 1, {"effective_date": date(1800, 1, 1)}),
    ("prices", 1, {"effective_date": "2026-02-30"}),
    ("prices", 1, {"kind": "dealer_whisper"}),
    ("variants", 1, {"power_ps": float("nan")}),
    ("variants", 1, {"power_ps": "NaN"}),
    ("variants", 1, {"power_ps": float("inf")}),
    ("variants", 1, {"power_ps": 1e308}),
    ("variants", 1, {"claimed_range_km": float("nan")}),
    ("variants", 1, {"claimed_range_km": "-Infinity"}),
    ("variants", 1, {"claimed_range_km": 0}),
    ("variants", 1, {"slug": "standard'; DROP TABLE catalogue_variant; --"}),
    ("variants", 1, {"source_label": ""}),
    ("models", 1, {"expected_launch": "1800"}),
    ("models", 1, {"expected_launch": "2024 H3"}),
    ("models", 1, {"slug": "e-access' OR '1'='1"}),
    ("makes", 1, {"slug": "suzuki'; DROP TABLE catalogue_make; --"}),
    ("makes", 1, {"slug": "<script>alert(1)</script>"}),
    ("offers", 1, {"valid_until": date(2025, 12, 31)}),
    ("offers", 1, {"valid_from": date(1800, 1, 1)}),
    ("offers", 1, {"up_to_amount": float("nan")}),
    ("offers", 1, {"models": ["ktm/rc-160'--"]}),
    ("sales", 1, {"units": 0}),
    ("sales", 1, {"period_start": date(1800, 1, 1)}),
]


@pytest.mark.parametrize(("section", "row", "values"), HOSTILE, ids=lambda v: repr(v)[:40])
def test_a_hostile_value_is_a_row_error_and_nothing_is_written(tmp_path, section, row, values):
    path = write_yaml(tmp_path, with_value(section, row, **values))
    report = catalogue_import(rows=read_rows(path))
    assert report.errors, f"{section} row {row} {values} was accepted"
    assert any(str(error).startswith(f"{section} row {row}:") for error in report.errors), [
        str(e) for e in report.errors
    ]
    assert counts() == NOTHING
    _, stderr = failed_import(path)
    assert f"{section} row {row}" in stderr
    assert counts() == NOTHING


def test_a_hostile_csv_is_refused_row_by_row(tmp_path):
    run_import(write_yaml(tmp_path, CATALOGUE))
    before = counts()
    path = tmp_path / "prices.csv"
    path.write_text(
        "make,model,variant,amount,kind,effective_date,source_label\n"
        "suzuki,e-access,standard,NaN,ex_showroom,2026-04-01,x\n"
        "suzuki,e-access,standard,1e308,ex_showroom,2026-04-02,x\n"
        "suzuki,e-access,standard,190000,ex_showroom,1800-04-01,x\n"
        "suzuki,e-access';--,standard,190000,ex_showroom,2026-04-03,x\n"
        "suzuki,e-access,standard,190000,ex_showroom,2026-04-04,\n",
        encoding="utf-8",
    )
    _, stderr = failed_import(path)
    for line in range(2, 7):
        assert f"prices row {line}:" in stderr
    assert counts() == before


@pytest.mark.parametrize(
    ("section", "values"),
    [
        ("variants", {"specs_as_of": date(1800, 1, 1)}),
        ("models", {"launched_on": date(1800, 1, 1)}),
    ],
)
def test_a_spec_sheet_or_launch_dated_1800_is_a_row_error(tmp_path, section, values):
    report = catalogue_import(
        rows=read_rows(write_yaml(tmp_path, with_value(section, 1, **values)))
    )
    errors = [str(e) for e in report.errors]
    assert errors[0].startswith(f"{section} row 1:")
    # Rows that refer to the refused record are reported too, as unknown references.
    assert all("unknown" in error for error in errors[1:])
    assert counts() == NOTHING


ROAD_TAX = {
    "state": "Goa",
    "vehicle_class": "two_wheeler",
    "percent": "9",
    "effective_from": "2024-04-01",
    **SOURCE,
}


def test_a_bad_road_tax_row_names_its_row_and_writes_nothing(tmp_path):
    data = {
        "cities": [{"name": "Panaji", "slug": "panaji", "state": "Goa"}],
        "road_tax": [ROAD_TAX, {**ROAD_TAX, "price_min": 1000, "fixed_amount": 500}],
    }
    message, err = failed_import(write_yaml(tmp_path, data))
    assert "nothing was imported" in message
    assert "road_tax row 2" in err
    assert counts() == NOTHING


def test_reimporting_a_road_tax_rule_updates_it_in_place(tmp_path):
    run_import(write_yaml(tmp_path, {"road_tax": [ROAD_TAX]}))
    run_import(write_yaml(tmp_path, {"road_tax": [{**ROAD_TAX, "percent": "10"}]}))
    assert RoadTaxRule.objects.get().percent == 10
