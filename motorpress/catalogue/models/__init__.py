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
from .onroad import City, Fuel, RoadTaxRule, StateCharges, VehicleClass
from .vehicles import Make, Variant, VehicleModel

__all__ = [
    "BatteryChemistry",
    "City",
    "Fuel",
    "Make",
    "Offer",
    "Powertrain",
    "PriceKind",
    "PricePoint",
    "RangeTestCycle",
    "RoadTaxRule",
    "SalesFigure",
    "Segment",
    "StateCharges",
    "Status",
    "Transmission",
    "Variant",
    "VehicleClass",
    "VehicleModel",
]
