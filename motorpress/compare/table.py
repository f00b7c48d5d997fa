"""The compare table: rows of specs for 2-4 vehicles, differences flagged, the better value marked
where "better" is well defined (price, power, torque, range, efficiency, weight)."""

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from motorpress.catalogue.models import Variant, VehicleModel
from motorpress.core import formatting

LOWER_IS_BETTER = "lower"
HIGHER_IS_BETTER = "higher"


@dataclass(frozen=True)
class RowSpec:
    label: str  # lazy: rows take it in the active language (the API's is English)
    value: Callable[["Column"], object]
    display: Callable[[object, "Column"], str] = lambda value, column: str(value)
    better: str | None = None


@dataclass
class Column:
    vehicle_model: VehicleModel
    variant: Variant | None
    price_range: tuple[int | None, int | None] = (None, None)
    # The compared variant's on-road total in the reader's city; None when no city was chosen
    # or a line of it is unknown there (we never show a partial sum as a price).
    on_road: int | None = None


@dataclass
class Cell:
    display: str
    is_best: bool = False


@dataclass
class Row:
    label: str
    cells: list[Cell]
    differs: bool
    better: str | None = None


@dataclass
class CompareTable:
    columns: list[Column]
    rows: list[Row] = field(default_factory=list)

    @property
    def differing_rows(self) -> list[Row]:
        return [row for row in self.rows if row.differs]

    @property
    def same_rows(self) -> list[Row]:
        return [row for row in self.rows if not row.differs]


def _spec(attr: str) -> Callable[[Column], object]:
    return lambda column: getattr(column.variant, attr, None) if column.variant else None


def _price_display(value, column: Column) -> str:
    low, high = column.price_range
    if low is None:
        return ""
    if high is not None and high != low:
        return gettext("%(low)s to %(high)s") % {
            "low": formatting.format_lakh_crore(low),
            "high": formatting.format_lakh_crore(high),
        }
    return formatting.format_lakh_crore(low)


def _with_rpm(formatter, rpm_attr):
    def display(value, column):
        return formatter(value, rpm=getattr(column.variant, rpm_attr, None)) if value else ""

    return display


def _unit(formatter):
    return lambda value, column: formatter(value) if value is not None else ""


def _range_display(value, column):
    if value is None:
        return ""
    cycle = column.variant.range_test_cycle
    return f"{formatting.format_km(value)} ({cycle})" if cycle else formatting.format_km(value)


def _efficiency_display(value, column):
    if value is None:
        return ""
    return f"{formatting.format_number(value)} {column.variant.efficiency_unit}".strip()


EFFICIENCY = RowSpec(
    _("Claimed efficiency"), _spec("claimed_efficiency"), _efficiency_display, HIGHER_IS_BETTER
)

ROWS = [
    RowSpec(_("Ex-showroom price"), lambda c: c.price_range[0], _price_display, LOWER_IS_BETTER),
    RowSpec(
        _("On-road price"),
        lambda c: c.on_road,
        lambda value, column: formatting.format_lakh_crore(value),
        LOWER_IS_BETTER,
    ),
    RowSpec(_("Compared variant"), lambda c: c.variant.name if c.variant else None),
    RowSpec(_("Powertrain"), lambda c: c.variant.get_powertrain_display() if c.variant else None),
    RowSpec(_("Engine"), _spec("engine_cc"), _unit(formatting.format_cc)),
    RowSpec(
        _("Power"),
        _spec("power_ps"),
        _with_rpm(formatting.format_power, "power_rpm"),
        HIGHER_IS_BETTER,
    ),
    RowSpec(
        _("Torque"),
        _spec("torque_nm"),
        _with_rpm(formatting.format_torque, "torque_rpm"),
        HIGHER_IS_BETTER,
    ),
    RowSpec(
        _("Transmission"),
        lambda c: (
            " ".join(
                part
                for part in [
                    c.variant.get_transmission_display(),
                    gettext("%(gears)s-speed") % {"gears": c.variant.gears}
                    if c.variant.gears
                    else "",
                ]
                if part
            )
            if c.variant
            else None
        ),
    ),
    RowSpec(_("Battery"), _spec("battery_kwh"), _unit(formatting.format_kwh)),
    RowSpec(_("Battery chemistry"), _spec("battery_chemistry")),
    RowSpec(_("Claimed range"), _spec("claimed_range_km"), _range_display, HIGHER_IS_BETTER),
    EFFICIENCY,
    RowSpec(
        _("Kerb weight"), _spec("kerb_weight_kg"), _unit(formatting.format_kg), LOWER_IS_BETTER
    ),
    RowSpec(_("Seat height"), _spec("seat_height_mm"), _unit(formatting.format_mm)),
    RowSpec(_("Ground clearance"), _spec("ground_clearance_mm"), _unit(formatting.format_mm)),
]


def _comparable(values: list, columns: list[Column], spec: RowSpec) -> bool:
    """Only numbers in the same unit can be ranked (kmpl against km/kWh cannot)."""
    if spec is EFFICIENCY:
        units = {
            column.variant.efficiency_unit
            for column, value in zip(columns, values, strict=True)
            if value is not None
        }
        if len(units) > 1:
            return False
    return sum(isinstance(v, int | Decimal | float) for v in values) >= 2


def build_table(columns: list[Column]) -> CompareTable:
    table = CompareTable(columns=columns)
    for spec in ROWS:
        values = [spec.value(column) for column in columns]
        if all(value in (None, "") for value in values):
            continue
        displays = [
            spec.display(value, column) if value not in (None, "") else "—"
            for value, column in zip(values, columns, strict=True)
        ]
        best = set()
        if spec.better and _comparable(values, columns, spec):
            numbers = [v for v in values if isinstance(v, int | Decimal | float)]
            target = min(numbers) if spec.better == LOWER_IS_BETTER else max(numbers)
            if numbers.count(target) < len(numbers):  # a tie for everyone is no winner
                best = {i for i, v in enumerate(values) if v == target}
        table.rows.append(
            Row(
                label=str(spec.label),
                cells=[Cell(d, i in best) for i, d in enumerate(displays)],
                # Two prices can round to the same "Rs 1.85 lakh" and still differ.
                differs=len(set(displays)) > 1 or len(set(values)) > 1,
                better=spec.better,
            )
        )
    return table
