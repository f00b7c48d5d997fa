"""What a state adds to the ex-showroom price: road-tax rules, fixed charges, and the cities
a reader can pick. Every figure is sourced and dated; ``is_demo`` marks the unconfirmed ones."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from .choices import Fuel
from .market import MAX_RUPEES, _year_in_range
from .sources import Sourced


class VehicleClass(models.TextChoices):
    TWO_WHEELER = "two_wheeler", _("Two-wheeler")
    CAR = "car", _("Car")


class City(models.Model):
    """A city a reader can choose for an on-road price (``?city=pune``) and the state it is in."""

    name = models.CharField(max_length=60)
    slug = models.SlugField(max_length=60, unique=True)
    state = models.CharField(max_length=60)

    class Meta:
        ordering = ["state", "name"]
        verbose_name_plural = "cities"

    def __str__(self):
        return f"{self.name}, {self.state}"


class RoadTaxRule(Sourced, models.Model):
    """One slab of a state's road-tax schedule, in force from a date until a newer one."""

    state = models.CharField(max_length=60)
    vehicle_class = models.CharField(max_length=12, choices=VehicleClass.choices)
    powertrain = models.CharField(
        max_length=10, choices=Fuel.choices, blank=True, help_text="Empty: every powertrain."
    )
    price_min = models.PositiveBigIntegerField(default=0, help_text="Whole rupees, inclusive.")
    price_max = models.PositiveBigIntegerField(null=True, blank=True, help_text="Exclusive.")
    cc_min = models.PositiveIntegerField(default=0)
    cc_max = models.PositiveIntegerField(null=True, blank=True, help_text="Exclusive.")
    percent = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    fixed_amount = models.PositiveBigIntegerField(null=True, blank=True)
    ev_reduction_percent = models.DecimalField(
        max_digits=5, decimal_places=2, default=0, help_text="100 = fully waived for EVs."
    )
    ev_reduction_from = models.DateField(null=True, blank=True)
    ev_reduction_until = models.DateField(null=True, blank=True, help_text="Inclusive.")
    effective_from = models.DateField()

    class Meta:
        ordering = ["state", "vehicle_class", "-effective_from", "price_min", "cc_min"]
        indexes = [models.Index(fields=["state", "vehicle_class"])]
        constraints = [
            models.CheckConstraint(
                condition=(Q(percent__isnull=False) & Q(fixed_amount__isnull=True))
                | (Q(percent__isnull=True) & Q(fixed_amount__isnull=False)),
                name="road_tax_percent_or_fixed",
            ),
            models.CheckConstraint(
                condition=Q(percent__isnull=True) | (Q(percent__gte=0) & Q(percent__lte=100)),
                name="road_tax_percent_sane",
            ),
            models.CheckConstraint(
                condition=Q(fixed_amount__isnull=True) | Q(fixed_amount__lte=MAX_RUPEES),
                name="road_tax_fixed_sane",
            ),
            models.CheckConstraint(
                condition=Q(ev_reduction_percent__gte=0) & Q(ev_reduction_percent__lte=100),
                name="road_tax_ev_reduction_sane",
            ),
            models.CheckConstraint(
                condition=Q(price_max__isnull=True) | Q(price_max__gt=F("price_min")),
                name="road_tax_price_band_ordered",
            ),
            models.CheckConstraint(
                condition=Q(cc_max__isnull=True) | Q(cc_max__gt=F("cc_min")),
                name="road_tax_cc_band_ordered",
            ),
            models.CheckConstraint(
                condition=_year_in_range("effective_from"), name="road_tax_date_sane"
            ),
            Sourced.source_required("road_tax_has_a_source"),
        ]

    def __str__(self):
        powertrain = self.powertrain or "any"
        return f"{self.state} {self.vehicle_class} {powertrain} from {self.effective_from}"


class StateCharges(Sourced, models.Model):
    """Registration, other fixed charges and the insurance estimate for a class in a state."""

    state = models.CharField(max_length=60)
    vehicle_class = models.CharField(max_length=12, choices=VehicleClass.choices)
    registration = models.PositiveIntegerField(help_text="Whole rupees.")
    other_charges = models.PositiveIntegerField(default=0, help_text="Whole rupees.")
    insurance_percent = models.DecimalField(
        max_digits=4,
        decimal_places=2,
        help_text="First-year third-party + own-damage estimate, % of ex-showroom.",
    )
    effective_from = models.DateField()

    class Meta:
        ordering = ["state", "vehicle_class", "-effective_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["state", "vehicle_class", "effective_from"], name="one_charges_per_date"
            ),
            models.CheckConstraint(
                condition=Q(insurance_percent__gte=0) & Q(insurance_percent__lte=20),
                name="insurance_percent_sane",
            ),
            models.CheckConstraint(
                condition=_year_in_range("effective_from"), name="charges_date_sane"
            ),
            Sourced.source_required("charges_have_a_source"),
        ]

    def __str__(self):
        return f"{self.state} {self.vehicle_class} charges from {self.effective_from}"
