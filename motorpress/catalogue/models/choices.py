from django.db import models


class Segment(models.TextChoices):
    CAR = "car", "Car"
    MOTORCYCLE = "motorcycle", "Motorcycle"
    SCOOTER = "scooter", "Scooter"


class Status(models.TextChoices):
    UPCOMING = "upcoming", "Upcoming"
    ON_SALE = "on_sale", "On sale"
    DISCONTINUED = "discontinued", "Discontinued"


class Powertrain(models.TextChoices):
    ICE = "ice", "Petrol/diesel (ICE)"
    HYBRID = "hybrid", "Hybrid"
    EV = "ev", "Electric"


class Fuel(models.TextChoices):
    """What a vehicle burns or stores: road tax differs by it, not only by powertrain."""

    PETROL = "petrol", "Petrol"
    DIESEL = "diesel", "Diesel"
    CNG = "cng", "CNG"
    HYBRID = "hybrid", "Hybrid"
    ELECTRIC = "electric", "Electric"


class Transmission(models.TextChoices):
    MANUAL = "manual", "Manual"
    AUTOMATIC = "automatic", "Automatic"
    AMT = "amt", "AMT"
    CVT = "cvt", "CVT"
    DCT = "dct", "DCT"
    ECVT = "e-cvt", "e-CVT"
    SINGLE_SPEED = "single", "Single-speed"


class BatteryChemistry(models.TextChoices):
    LFP = "LFP", "LFP (lithium iron phosphate)"
    NMC = "NMC", "NMC (nickel manganese cobalt)"
    OTHER = "other", "Other"


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
    EX_SHOWROOM = "ex_showroom", "Ex-showroom"
    ON_ROAD = "on_road", "On-road"


class SalesPeriod(models.TextChoices):
    MONTH = "month", "Month"
    QUARTER = "quarter", "Quarter"
    CALENDAR_YEAR = "calendar_year", "Calendar year"
    FINANCIAL_YEAR = "financial_year", "Financial year (April to March)"


class Market(models.TextChoices):
    INDIA = "india", "India (domestic)"
    EXPORT = "export", "Exports"
    GLOBAL = "global", "Global"
