from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from motorpress.core import formatting
from motorpress.core.periods import MAX_YEAR, MIN_YEAR, Period, Precision

from .choices import (
    BatteryChemistry,
    EfficiencyUnit,
    Fuel,
    Powertrain,
    RangeTestCycle,
    Segment,
    Status,
    Transmission,
)
from .sources import Sourced

# /vehicles/upcoming/ and /vehicles/electric/ are pages, so no make may take those slugs.
RESERVED_MAKE_SLUGS = {"upcoming", "electric"}


def _between(low, high):
    return [MinValueValidator(low), MaxValueValidator(high)]


class Make(index.Indexed, models.Model):
    """A manufacturer or brand: Suzuki, KTM, Xiaomi."""

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    aliases = models.CharField(
        max_length=200, blank=True, help_text="Other names in stories, comma-separated."
    )
    country = models.CharField(max_length=60, blank=True)
    website = models.URLField(blank=True)

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("catalogue:make", kwargs={"make": self.slug})

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.slug in RESERVED_MAKE_SLUGS:
            raise ValidationError({"slug": f"'{self.slug}' is a catalogue page's address."})


class VehicleModel(index.Indexed, models.Model):
    """A model line (Suzuki e-Access, KTM RC 160), with its status and expected launch."""

    make = models.ForeignKey(Make, on_delete=models.PROTECT, related_name="models")
    name = models.CharField(max_length=80, help_text="Without the make: 'e-Access'.")
    slug = models.SlugField(max_length=80)
    aliases = models.CharField(
        max_length=200, blank=True, help_text="Other names in stories, comma-separated."
    )
    segment = models.CharField(max_length=20, choices=Segment.choices)
    body_type = models.CharField(max_length=40, blank=True, help_text="SUV, sportbike, …")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.ON_SALE)
    expected_launch_start = models.DateField(
        null=True, blank=True, help_text="First day of the expected launch period."
    )
    expected_launch_precision = models.CharField(
        max_length=10, choices=Precision.choices, blank=True
    )
    launched_on = models.DateField(null=True, blank=True)
    summary = models.TextField(blank=True, max_length=600)
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    panels = [
        FieldPanel("make"),
        FieldRowPanel([FieldPanel("name"), FieldPanel("slug")]),
        FieldPanel("aliases"),
        FieldRowPanel([FieldPanel("segment"), FieldPanel("body_type"), FieldPanel("status")]),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("expected_launch_start"), FieldPanel("expected_launch_precision")]
                ),
                FieldPanel("launched_on"),
            ],
            heading="Launch",
        ),
        FieldPanel("summary"),
        FieldPanel("image"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("aliases"),
        index.RelatedFields("make", [index.SearchField("name")]),
        index.FilterField("segment"),
        index.FilterField("status"),
    ]

    class Meta:
        ordering = ["make__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["make", "slug"], name="unique_model_slug_per_make"),
            models.CheckConstraint(
                condition=Q(expected_launch_start__isnull=True)
                | (
                    Q(expected_launch_start__year__gte=MIN_YEAR)
                    & Q(expected_launch_start__year__lte=MAX_YEAR)
                    & ~Q(expected_launch_precision="")
                ),
                name="expected_launch_is_a_period",
            ),
            models.CheckConstraint(
                condition=Q(launched_on__isnull=True)
                | (Q(launched_on__year__gte=MIN_YEAR) & Q(launched_on__year__lte=MAX_YEAR)),
                name="launch_date_sane",
            ),
        ]

    def __str__(self):
        return f"{self.make.name} {self.name}"

    def get_absolute_url(self):
        return reverse("catalogue:model", kwargs={"make": self.make.slug, "model": self.slug})

    @property
    def full_name(self) -> str:
        return str(self)

    @property
    def compare_slug(self) -> str:
        """The part of a compare URL that names this model: '<make>-<model>'."""
        return f"{self.make.slug}-{self.slug}"

    @property
    def expected_launch(self) -> Period | None:
        if self.expected_launch_start is None or not self.expected_launch_precision:
            return None
        return Period(self.expected_launch_start, self.expected_launch_precision)

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.expected_launch_start or self.expected_launch_precision:
            if not (self.expected_launch_start and self.expected_launch_precision):
                raise ValidationError(
                    {"expected_launch_precision": "Give both the start and the precision."}
                )
            try:
                Period(self.expected_launch_start, self.expected_launch_precision)
            except ValueError as error:
                raise ValidationError({"expected_launch_start": str(error)}) from error


class Variant(Sourced, models.Model):
    """One version of a model with its specification, as the maker states it."""

    vehicle_model = models.ForeignKey(
        VehicleModel, on_delete=models.CASCADE, related_name="variants"
    )
    name = models.CharField(max_length=80, help_text="'Standard', 'ZX(O) AT', …")
    slug = models.SlugField(max_length=80)
    sort_order = models.PositiveSmallIntegerField(default=0)
    powertrain = models.CharField(max_length=10, choices=Powertrain.choices)
    fuel = models.CharField(
        max_length=10,
        choices=Fuel.choices,
        blank=True,
        help_text="Petrol, diesel or CNG for an engine: road tax differs by fuel. "
        "Blank: petrol for an engine, the powertrain's own for a hybrid or an EV.",
    )
    engine_cc = models.PositiveIntegerField(null=True, blank=True, validators=_between(1, 10000))
    power_ps = models.DecimalField(
        max_digits=6, decimal_places=1, null=True, blank=True, validators=_between(0.1, 2000)
    )
    power_rpm = models.PositiveIntegerField(null=True, blank=True, validators=_between(1, 25000))
    torque_nm = models.DecimalField(
        max_digits=6, decimal_places=1, null=True, blank=True, validators=_between(0.1, 3000)
    )
    torque_rpm = models.PositiveIntegerField(null=True, blank=True, validators=_between(1, 25000))
    transmission = models.CharField(max_length=10, choices=Transmission.choices, blank=True)
    gears = models.PositiveSmallIntegerField(null=True, blank=True, validators=_between(1, 12))
    battery_kwh = models.DecimalField(
        max_digits=6, decimal_places=2, null=True, blank=True, validators=_between(0.1, 300)
    )
    battery_chemistry = models.CharField(
        max_length=10, choices=BatteryChemistry.choices, blank=True
    )
    claimed_range_km = models.DecimalField(
        max_digits=6, decimal_places=1, null=True, blank=True, validators=_between(1, 2000)
    )
    range_test_cycle = models.CharField(max_length=10, choices=RangeTestCycle.choices, blank=True)
    claimed_efficiency = models.DecimalField(
        max_digits=5, decimal_places=2, null=True, blank=True, validators=_between(0.1, 200)
    )
    efficiency_unit = models.CharField(max_length=10, choices=EfficiencyUnit.choices, blank=True)
    kerb_weight_kg = models.PositiveIntegerField(
        null=True, blank=True, validators=_between(30, 10000)
    )
    seat_height_mm = models.PositiveIntegerField(
        null=True, blank=True, validators=_between(300, 1500)
    )
    ground_clearance_mm = models.PositiveIntegerField(
        null=True, blank=True, validators=_between(50, 600)
    )
    features = models.TextField(blank=True, help_text="One feature per line.")
    specs_as_of = models.DateField(null=True, blank=True, help_text="Date of the spec sheet.")

    panels = [
        FieldPanel("vehicle_model"),
        FieldRowPanel([FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]),
        FieldRowPanel([FieldPanel("powertrain"), FieldPanel("fuel")]),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("engine_cc"), FieldPanel("transmission"), FieldPanel("gears")]
                ),
                FieldRowPanel([FieldPanel("power_ps"), FieldPanel("power_rpm")]),
                FieldRowPanel([FieldPanel("torque_nm"), FieldPanel("torque_rpm")]),
            ],
            heading="Engine and motor",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("battery_kwh"), FieldPanel("battery_chemistry")]),
                FieldRowPanel([FieldPanel("claimed_range_km"), FieldPanel("range_test_cycle")]),
                FieldRowPanel([FieldPanel("claimed_efficiency"), FieldPanel("efficiency_unit")]),
            ],
            heading="Battery, range and efficiency",
        ),
        FieldRowPanel(
            [
                FieldPanel("kerb_weight_kg"),
                FieldPanel("seat_height_mm"),
                FieldPanel("ground_clearance_mm"),
            ]
        ),
        FieldPanel("features"),
        MultiFieldPanel(
            [
                FieldPanel("specs_as_of"),
                FieldPanel("source_url"),
                FieldPanel("source_page"),
                FieldPanel("source_label"),
                FieldPanel("is_demo"),
            ],
            heading="Source",
        ),
    ]

    class Meta:
        ordering = ["vehicle_model", "sort_order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["vehicle_model", "slug"], name="unique_variant_slug_per_model"
            ),
            *[
                models.CheckConstraint(
                    condition=Q(**{f"{field}__isnull": True})
                    | (Q(**{f"{field}__gt": low}) & Q(**{f"{field}__lte": high})),
                    name=f"variant_{field}_in_range",
                )
                for field, low, high in [
                    ("engine_cc", 0, 10000),
                    ("power_ps", 0, 2000),
                    ("torque_nm", 0, 3000),
                    ("battery_kwh", 0, 300),
                    ("claimed_range_km", 0, 2000),
                    ("claimed_efficiency", 0, 200),
                    ("kerb_weight_kg", 0, 10000),
                ]
            ],
            models.CheckConstraint(
                condition=Q(specs_as_of__isnull=True)
                | (Q(specs_as_of__year__gte=MIN_YEAR) & Q(specs_as_of__year__lte=MAX_YEAR)),
                name="variant_specs_date_sane",
            ),
            Sourced.source_required("variant_has_a_source"),
        ]

    def __str__(self):
        return f"{self.vehicle_model} {self.name}"

    @property
    def power_display(self) -> str:
        return formatting.format_power(self.power_ps, rpm=self.power_rpm) if self.power_ps else ""

    @property
    def torque_display(self) -> str:
        if not self.torque_nm:
            return ""
        return formatting.format_torque(self.torque_nm, rpm=self.torque_rpm)

    @property
    def range_display(self) -> str:
        if not self.claimed_range_km:
            return ""
        cycle = f" ({self.range_test_cycle})" if self.range_test_cycle else ""
        return f"{formatting.format_km(self.claimed_range_km)}{cycle}"

    @property
    def efficiency_display(self) -> str:
        if not self.claimed_efficiency:
            return ""
        return f"{formatting.format_number(self.claimed_efficiency)} {self.efficiency_unit}".strip()

    @property
    def feature_list(self) -> list[str]:
        return [line.strip() for line in self.features.splitlines() if line.strip()]
