from django.db import models
from django.utils.translation import gettext_lazy as _


class Segment(models.TextChoices):
    CAR = "car", _("Car")
    MOTORCYCLE = "motorcycle", _("Motorcycle")
    SCOOTER = "scooter", _("Scooter")


class Status(models.TextChoices):
    UPCOMING = "upcoming", _("Upcoming")
    ON_SALE = "on_sale", _("On sale")
    DISCONTINUED = "discontinued", _("Discontinued")


class Powertrain(models.TextChoices):
    ICE = "ice", _("Petrol/diesel (ICE)")
    HYBRID = "hybrid", _("Hybrid")
    EV = "ev", _("Electric")


class Fuel(models.TextChoices):
    """What a vehicle burns or stores: road tax differs by it, not only by powertrain."""

    PETROL = "petrol", _("Petrol")
    DIESEL = "diesel", _("Diesel")
    CNG = "cng", _("CNG")
    HYBRID = "hybrid", _("Hybrid")
    ELECTRIC = "electric", _("Electric")


class Transmission(models.TextChoices):
    MANUAL = "manual", _("Manual")
    AUTOMATIC = "automatic", _("Automatic")
    AMT = "amt", _("AMT")
    CVT = "cvt", _("CVT")
    DCT = "dct", _("DCT")
    ECVT = "e-cvt", _("e-CVT")
    SINGLE_SPEED = "single", _("Single-speed")


class BatteryChemistry(models.TextChoices):
    LFP = "LFP", _("LFP (lithium iron phosphate)")
    NMC = "NMC", _("NMC (nickel manganese cobalt)")
    OTHER = "other", _("Other")


class RangeTestCycle(models.TextChoices):
    ARAI = "ARAI", "ARAI"
    IDC = "IDC", "IDC"
    WLTP = "WLTP", "WLTP"
    MIDC = "MIDC", "MIDC"
    CLTC = "CLTC", "CLTC"


class EfficiencyUnit(models.TextChoices):
    KMPL = "kmpl", "km/l"
    KM_PER_KWH = "km/kWh", "km/kWh"


class PriceKind(models.TextChoices):
    EX_SHOWROOM = "ex_showroom", _("Ex-showroom")
    ON_ROAD = "on_road", _("On-road")


class SalesPeriod(models.TextChoices):
    MONTH = "month", _("Month")
    QUARTER = "quarter", _("Quarter")
    CALENDAR_YEAR = "calendar_year", _("Calendar year")
    FINANCIAL_YEAR = "financial_year", _("Financial year (April to March)")


class Market(models.TextChoices):
    INDIA = "india", _("India (domestic)")
    EXPORT = "export", _("Exports")
    GLOBAL = "global", _("Global")
