"""Bulk entry: validate every row of a CSV or YAML file, then write all of it or nothing.

YAML holds sections (makes, models, variants, prices, offers, sales, and the on-road inputs:
cities, road_tax, charges) processed in that order,
so later rows may refer to records defined earlier in the same file. A CSV file holds one kind
of row, named by `kind=` or by its file name (models.csv, prices.csv, ...). Every row goes
through a ModelForm, so the rules are the admin's rules, database constraints included.
"""

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django import forms
from django.db import transaction

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
from motorpress.core.periods import Period

KINDS = [
    "makes", "models", "variants", "prices", "offers", "sales", "cities", "road_tax", "charges",
]  # fmt: skip
MAX_FILE_BYTES = 10 * 1024 * 1024
SOURCE_FIELDS = ["source_url", "source_label", "is_demo"]


class ImportFileError(Exception):
    """The file cannot be read at all (format, encoding, size)."""


@dataclass
class RowError:
    kind: str
    row: int
    message: str

    def __str__(self):
        return f"{self.kind} row {self.row}: {self.message}"


@dataclass
class ImportReport:
    created: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    updated: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


class MakeForm(forms.ModelForm):
    class Meta:
        model = Make
        fields = ["name", "slug", "aliases", "country", "website"]


class VehicleModelForm(forms.ModelForm):
    class Meta:
        model = VehicleModel
        fields = [
            "make", "name", "slug", "aliases", "segment", "body_type", "status",
            "expected_launch_start", "expected_launch_precision", "launched_on", "summary",
        ]  # fmt: skip


class VariantForm(forms.ModelForm):
    class Meta:
        model = Variant
        fields = [
            "vehicle_model", "name", "slug", "sort_order", "powertrain", "fuel", "engine_cc",
            "power_ps", "power_rpm", "torque_nm", "torque_rpm", "transmission", "gears",
            "battery_kwh", "battery_chemistry", "claimed_range_km", "range_test_cycle",
            "claimed_efficiency", "efficiency_unit", "kerb_weight_kg", "seat_height_mm",
            "ground_clearance_mm", "features", "specs_as_of", *SOURCE_FIELDS,
        ]  # fmt: skip


class PricePointForm(forms.ModelForm):
    class Meta:
        model = PricePoint
        fields = ["variant", "amount", "kind", "city", "state", "effective_date", *SOURCE_FIELDS]


class OfferForm(forms.ModelForm):
    class Meta:
        model = Offer
        fields = [
            "title", "vehicle_models", "up_to_amount", "valid_from", "valid_until", "details",
            *SOURCE_FIELDS,
        ]  # fmt: skip


class SalesFigureForm(forms.ModelForm):
    class Meta:
        model = SalesFigure
        fields = [
            "make", "vehicle_model", "period", "period_start", "market", "units", *SOURCE_FIELDS,
        ]  # fmt: skip


class CityForm(forms.ModelForm):
    class Meta:
        model = City
        fields = ["name", "slug", "state"]


class RoadTaxRuleForm(forms.ModelForm):
    class Meta:
        model = RoadTaxRule
        fields = [
            "state", "vehicle_class", "powertrain", "price_min", "price_max", "cc_min", "cc_max",
            "percent", "fixed_amount", "ev_reduction_percent", "ev_reduction_from",
            "ev_reduction_until", "effective_from", *SOURCE_FIELDS,
        ]  # fmt: skip


class StateChargesForm(forms.ModelForm):
    class Meta:
        model = StateCharges
        fields = [
            "state", "vehicle_class", "registration", "other_charges", "insurance_percent",
            "effective_from", *SOURCE_FIELDS,
        ]  # fmt: skip


# Natural keys of the on-road rows: re-importing a file updates these rows in place.
ONROAD_KEYS = {
    "cities": (CityForm, ["slug"]),
    "road_tax": (
        RoadTaxRuleForm,
        ["state", "vehicle_class", "powertrain", "price_min", "cc_min", "effective_from"],
    ),
    "charges": (StateChargesForm, ["state", "vehicle_class", "effective_from"]),
}


def read_rows(path: Path, *, kind: str | None = None) -> dict[str, list[tuple[int, dict]]]:
    """Rows per kind with their row numbers (CSV: the line number; YAML: 1-based position)."""
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ImportFileError(f"{path.name} is larger than {MAX_FILE_BYTES // 1024 // 1024} MB")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(f"{path.name} is not UTF-8 text: {error}") from error
    if path.suffix.lower() in {".yaml", ".yml"}:
        try:
            data = yaml.safe_load(text) or {}
        except yaml.YAMLError as error:
            raise ImportFileError(f"{path.name} is not valid YAML: {error}") from error
        if not isinstance(data, dict) or set(data) - set(KINDS):
            raise ImportFileError(f"{path.name}: top-level keys must be among {', '.join(KINDS)}")
        rows = {}
        for section, items in data.items():
            if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
                raise ImportFileError(f"{path.name}: '{section}' must be a list of mappings")
            rows[section] = list(enumerate(items, start=1))
        return rows
    if path.suffix.lower() == ".csv":
        kind = kind or path.stem.lower()
        if kind not in KINDS:
            choices = ", ".join(KINDS)
            raise ImportFileError(f"name the kind of rows in {path.name}: one of {choices}")
        reader = csv.DictReader(io.StringIO(text))
        rows = [(reader.line_num, {k: v for k, v in row.items() if k}) for row in reader]
        return {kind: rows}
    raise ImportFileError(f"{path.name}: expected a .csv, .yaml or .yml file")


def _blank_to_none(row: dict) -> dict:
    return {key: (None if value in ("", None) else value) for key, value in row.items()}


def _with_defaults(form_class, data: dict) -> dict:
    """Fill columns the row leaves out with the model's defaults (status, kind, market, …)."""
    model = form_class._meta.model
    for name in form_class._meta.fields:
        field = model._meta.get_field(name)
        if data.get(name) is None and field.has_default():
            data[name] = field.get_default()
    return data


class _Resolver:
    """Looks up records named by slug, seeing rows written earlier in the same import."""

    def make(self, slug):
        return Make.objects.filter(slug=slug).first()

    def model(self, make_slug, model_slug):
        return VehicleModel.objects.filter(make__slug=make_slug, slug=model_slug).first()

    def variant(self, make_slug, model_slug, variant_slug):
        return Variant.objects.filter(
            vehicle_model__make__slug=make_slug,
            vehicle_model__slug=model_slug,
            slug=variant_slug,
        ).first()


def _require(value, message):
    if value is None:
        raise forms.ValidationError(message)
    return value


def _prepare(kind: str, row: dict, resolve: _Resolver) -> tuple[type, dict, dict]:
    """(form class, form data, natural key) for one row; raises ValidationError."""
    row = _blank_to_none(row)
    data = dict(row)
    if kind == "makes":
        return MakeForm, data, {"slug": row.get("slug")}
    if kind == "models":
        make = _require(resolve.make(row.get("make")), f"unknown make {row.get('make')!r}")
        data["make"] = make.pk
        if expected := data.pop("expected_launch", None):
            try:
                period = Period.parse(str(expected))
            except ValueError as error:
                raise forms.ValidationError(str(error)) from error
            data["expected_launch_start"] = period.start
            data["expected_launch_precision"] = period.precision
        return VehicleModelForm, data, {"make": make, "slug": row.get("slug")}
    if kind == "variants":
        model = _require(
            resolve.model(row.get("make"), row.get("model")),
            f"unknown model {row.get('make')}/{row.get('model')}",
        )
        data["vehicle_model"] = model.pk
        features = data.get("features")
        if isinstance(features, list):
            data["features"] = "\n".join(str(item) for item in features)
        elif isinstance(features, str):
            data["features"] = "\n".join(part.strip() for part in features.split(";"))
        return VariantForm, data, {"vehicle_model": model, "slug": row.get("slug")}
    if kind == "prices":
        variant = _require(
            resolve.variant(row.get("make"), row.get("model"), row.get("variant")),
            f"unknown variant {row.get('make')}/{row.get('model')}/{row.get('variant')}",
        )
        data["variant"] = variant.pk
        key = {
            "variant": variant,
            "kind": data.get("kind") or "ex_showroom",
            "city": data.get("city") or "",
            "effective_date": data.get("effective_date"),
        }
        return PricePointForm, data, key
    if kind == "offers":
        names = row.get("models") or []
        if isinstance(names, str):
            names = [name.strip() for name in names.split(";") if name.strip()]
        models = []
        for name in names:
            make_slug, _, model_slug = str(name).partition("/")
            models.append(_require(resolve.model(make_slug, model_slug), f"unknown model {name!r}"))
        data["vehicle_models"] = [model.pk for model in models]
        return OfferForm, data, {"title": row.get("title"), "valid_from": row.get("valid_from")}
    if kind == "sales":
        make = _require(resolve.make(row.get("make")), f"unknown make {row.get('make')!r}")
        data["make"] = make.pk
        model = None
        if row.get("model"):
            model = _require(
                resolve.model(row.get("make"), row.get("model")),
                f"unknown model {row.get('make')}/{row.get('model')}",
            )
            data["vehicle_model"] = model.pk
        key = {
            "make": make,
            "vehicle_model": model,
            "period": row.get("period"),
            "period_start": row.get("period_start"),
            "market": row.get("market") or "india",
        }
        return SalesFigureForm, data, key
    if kind in ONROAD_KEYS:
        form_class, key_fields = ONROAD_KEYS[kind]
        model = form_class._meta.model
        key = {}
        for name in key_fields:
            field = model._meta.get_field(name)
            value = data.get(name)
            # A blank powertrain or band floor is stored as "" or 0, so the key must say so.
            key[name] = field.get_default() if value is None and not field.null else value
        return form_class, data, key
    raise forms.ValidationError(f"unknown kind {kind!r}")


def _form_errors(form) -> str:
    parts = []
    for name, errors in form.errors.items():
        label = "row" if name == "__all__" else name
        parts.append(f"{label}: {' '.join(str(e) for e in errors)}")
    return "; ".join(parts)


def catalogue_import(
    *,
    rows: dict[str, list[tuple[int, dict]]],
    progress: Callable[[Iterable], Iterable] = lambda items: items,
) -> ImportReport:
    """Validate and write every row in one transaction; any invalid row writes nothing."""
    report = ImportReport()
    resolve = _Resolver()
    ordered = [(kind, number, row) for kind in KINDS for number, row in rows.get(kind, [])]
    with transaction.atomic():
        for kind, number, row in progress(ordered):
            try:
                form_class, data, key = _prepare(kind, row, resolve)
                data = _with_defaults(form_class, data)
                instance = form_class._meta.model.objects.filter(**key).first()
                form = form_class(data=data, instance=instance)
                if not form.is_valid():
                    report.errors.append(RowError(kind, number, _form_errors(form)))
                    continue
                with transaction.atomic():  # a database error spoils only this row's savepoint
                    form.save()
                (report.updated if instance else report.created)[kind] += 1
            except forms.ValidationError as error:
                report.errors.append(RowError(kind, number, " ".join(error.messages)))
            except Exception as error:  # a bad type or a constraint the form did not catch
                report.errors.append(RowError(kind, number, f"{type(error).__name__}: {error}"))
        if report.errors:
            transaction.set_rollback(True)
    return report
