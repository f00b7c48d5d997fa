from decimal import ROUND_HALF_UP, Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel


class Conditions(models.TextChoices):
    CITY = "city", _("City")
    HIGHWAY = "highway", _("Highway")
    MIXED = "mixed", _("Mixed city and highway")


MEASURED_ROW = ("real_world_range_km", "efficiency", "efficiency_unit")


def _between(low, high):
    return [MinValueValidator(low), MaxValueValidator(high)]


class ReviewTest(models.Model):
    """What our testers measured on a review's vehicle, and under which conditions."""

    article = ParentalKey("newsroom.ArticlePage", on_delete=models.CASCADE, related_name="tests")
    variant = models.ForeignKey(
        "catalogue.Variant", on_delete=models.PROTECT, related_name="tests", help_text="Tested."
    )
    distance_km = models.PositiveIntegerField(
        null=True, blank=True, validators=_between(1, 1_000_000), help_text="Covered in the test."
    )
    real_world_range_km = models.DecimalField(
        max_digits=6, decimal_places=1, null=True, blank=True, validators=_between(1, 2000)
    )
    efficiency = models.DecimalField(
        max_digits=5, decimal_places=2, null=True, blank=True, validators=_between(0.1, 200)
    )
    efficiency_unit = models.CharField(
        max_length=10, blank=True, choices=[("kmpl", "km/l"), ("km/kWh", "km/kWh")]
    )
    zero_to_100_s = models.DecimalField(
        "0-100 km/h (s)", max_digits=4, decimal_places=1, null=True, blank=True,
        validators=_between(1, 100),
    )  # fmt: skip
    zero_to_60_s = models.DecimalField(
        "0-60 km/h (s)", max_digits=4, decimal_places=1, null=True, blank=True,
        validators=_between(1, 100), help_text="For scooters and small motorcycles.",
    )  # fmt: skip
    top_speed_kmph = models.PositiveIntegerField(null=True, blank=True, validators=_between(5, 500))
    conditions = models.CharField(max_length=10, choices=Conditions.choices, blank=True)
    temperature_c = models.SmallIntegerField(null=True, blank=True, validators=_between(-40, 60))
    load = models.CharField(max_length=100, blank=True, help_text="Rider only, with pillion, …")
    pros = models.TextField(blank=True, help_text="One per line.")
    cons = models.TextField(blank=True, help_text="One per line.")
    verdict = models.TextField(blank=True, max_length=1000)
    rating = models.DecimalField(
        max_digits=3, decimal_places=1, null=True, blank=True, validators=_between(0, 10),
        help_text="Out of 10.",
    )  # fmt: skip
    is_demo = models.BooleanField(default=False, help_text="Illustrative demo figures.")

    panels = [
        FieldPanel("variant"),
        FieldRowPanel(
            [FieldPanel(name) for name in ("distance_km", "conditions", "temperature_c", "load")]
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel(n) for n in MEASURED_ROW]),
                FieldRowPanel(
                    [FieldPanel(n) for n in ("zero_to_100_s", "zero_to_60_s", "top_speed_kmph")]
                ),
            ],
            heading="Measured",
        ),
        FieldRowPanel([FieldPanel("pros"), FieldPanel("cons")]),
        FieldPanel("verdict"),
        FieldRowPanel([FieldPanel("rating"), FieldPanel("is_demo")]),
    ]  # fmt: skip

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article"], name="one_test_per_review"),
            models.CheckConstraint(
                condition=models.Q(real_world_range_km__isnull=True)
                | (models.Q(real_world_range_km__gt=0) & models.Q(real_world_range_km__lte=2000)),
                name="tested_range_sane",
            ),
            models.CheckConstraint(
                condition=models.Q(rating__isnull=True)
                | (models.Q(rating__gte=0) & models.Q(rating__lte=10)),
                name="rating_out_of_ten",
            ),
        ]

    def __str__(self):
        return f"Test of {self.variant}"

    @property
    def range_gap_percent(self) -> Decimal | None:
        """Tested range against the maker's claim, in percent (negative: fell short)."""
        claimed = self.variant.claimed_range_km
        if not claimed or not self.real_world_range_km:
            return None
        gap = (self.real_world_range_km - claimed) / claimed * 100
        return gap.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)

    @property
    def range_share_percent(self) -> Decimal | None:
        claimed = self.variant.claimed_range_km
        if not claimed or not self.real_world_range_km:
            return None
        share = self.real_world_range_km / claimed * 100
        return share.quantize(Decimal("1"), rounding=ROUND_HALF_UP)

    @property
    def pro_list(self) -> list[str]:
        return [line.strip() for line in self.pros.splitlines() if line.strip()]

    @property
    def con_list(self) -> list[str]:
        return [line.strip() for line in self.cons.splitlines() if line.strip()]
