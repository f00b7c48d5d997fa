"""Catalogue models, re-exported: `from motorpress.catalogue.models import Variant`."""

from .choices import (
    BatteryChemistry,
    Powertrain,
    PriceKind,
    RangeTestCycle,
    Segment,
    Status,
    Transmission,
)
from .market import Offer, PricePoint, SalesFigure
from .vehicles import Make, Variant, VehicleModel

__all__ = [
    "BatteryChemistry",
    "Make",
    "Offer",
    "Powertrain",
    "PriceKind",
    "PricePoint",
    "RangeTestCycle",
    "SalesFigure",
    "Segment",
    "Status",
    "Transmission",
    "Variant",
    "VehicleModel",
]
