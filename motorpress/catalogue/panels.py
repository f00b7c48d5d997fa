"""Extension points: other apps add sections to vehicle pages without the catalogue knowing them.

`CATALOGUE_VEHICLE_PANELS` lists callables taking a vehicle model and returning a
`VehiclePanel` (or None); `CATALOGUE_TRACK_RECORDS` names a callable that takes make ids and
returns a one-line track record per make, for the upcoming-vehicles listing.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils.module_loading import import_string


@dataclass
class VehiclePanel:
    template: str
    context: dict = field(default_factory=dict)
    order: int = 100


def vehicle_panels(vehicle_model) -> list[VehiclePanel]:
    panels = []
    for path in getattr(settings, "CATALOGUE_VEHICLE_PANELS", []):
        panel = import_string(path)(vehicle_model=vehicle_model)
        if panel is not None:
            panels.append(panel)
    return sorted(panels, key=lambda panel: panel.order)


def track_records(make_ids) -> dict[int, str]:
    path = getattr(settings, "CATALOGUE_TRACK_RECORDS", "")
    return import_string(path)(make_ids=make_ids) if path else {}
