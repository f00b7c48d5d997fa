from django.db import models
from django.db.models import F, Q
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from motorpress.core.periods import MAX_YEAR, MIN_YEAR

from .choices import Market, PriceKind, SalesPeriod
from .sources import Sourced

MAX_RUPEES = 10**10  # Rs 1,000 crore: beyond any vehicle's price or discount


def _year_in_range(field: str) -> Q:
    return Q(**{f"{field}__year__gte": MIN_YEAR}) & Q(**{f"{field}__year__lte": MAX_YEAR})


SOURCE_PANEL = MultiFieldPanel(
    [
        FieldPanel("source_url"),
        FieldPanel("source_page"),
        FieldPanel("source_label"),
        FieldPanel("is_demo"),
    ],
    heading="Source",
)


class PricePoint(Sourced, models.Model):
    """A variant's price in whole rupees from a date on; history is the series of these."""

    variant = models.ForeignKey(
        "catalogue.Variant", on_delete=models.CASCADE, related_name="prices"
    )
    amount = models.PositiveBigIntegerField(help_text="Whole rupees, e.g. 188000.")
    kind = models.CharField(max_length=12, choices=PriceKind.choices, default=PriceKind.EX_SHOWROOM)
    city = models.CharField(max_length=60, blank=True)
    state = models.CharField(max_length=60, blank=True)
    effective_date = models.DateField()

    panels = [
        FieldPanel("variant"),
        FieldRowPanel([FieldPanel("amount"), FieldPanel("kind")]),
        FieldRowPanel([FieldPanel("city"), FieldPanel("state"), FieldPanel("effective_date")]),
        SOURCE_PANEL,
    ]

    class Meta:
        ordering = ["variant", "-effective_date", "-pk"]
        indexes = [models.Index(fields=["variant", "kind", "-effective_date"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gt=0) & Q(amount__lte=MAX_RUPEES), name="price_is_positive"
            ),
            models.CheckConstraint(
                condition=_year_in_range("effective_date"), name="price_date_sane"
            ),
            Sourced.source_required("price_has_a_source"),
        ]

    def __str__(self):
        return f"{self.variant}: {self.amount} ({self.get_kind_display()}, {self.effective_date})"


class Offer(Sourced, models.Model):
    """A discount or benefit on one or more models, valid for a period."""

    title = models.CharField(max_length=200)
    vehicle_models = models.ManyToManyField("catalogue.VehicleModel", related_name="offers")
    up_to_amount = models.PositiveBigIntegerField(help_text="Largest benefit, whole rupees.")
    valid_from = models.DateField()
    valid_until = models.DateField()
    details = models.TextField(blank=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("vehicle_models"),
        FieldRowPanel(
            [FieldPanel("up_to_amount"), FieldPanel("valid_from"), FieldPanel("valid_until")]
        ),
        FieldPanel("details"),
        SOURCE_PANEL,
    ]

    class Meta:
        ordering = ["-valid_until", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(up_to_amount__gt=0) & Q(up_to_amount__lte=MAX_RUPEES),
                name="offer_amount_is_positive",
            ),
            models.CheckConstraint(
                condition=Q(valid_until__gte=F("valid_from")), name="offer_ends_after_it_starts"
            ),
            models.CheckConstraint(
                condition=_year_in_range("valid_from") & _year_in_range("valid_until"),
                name="offer_dates_sane",
            ),
            Sourced.source_required("offer_has_a_source"),
        ]

    def __str__(self):
        return self.title


class SalesFigure(Sourced, models.Model):
    """Units sold by a make (or one of its models) in a period and market."""

    make = models.ForeignKey("catalogue.Make", on_delete=models.CASCADE, related_name="sales")
    vehicle_model = models.ForeignKey(
        "catalogue.VehicleModel",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="sales",
        help_text="Leave empty for the make's total.",
    )
    period = models.CharField(max_length=20, choices=SalesPeriod.choices)
    period_start = models.DateField()
    market = models.CharField(max_length=10, choices=Market.choices, default=Market.INDIA)
    units = models.PositiveIntegerField()

    panels = [
        FieldRowPanel([FieldPanel("make"), FieldPanel("vehicle_model")]),
        FieldRowPanel([FieldPanel("period"), FieldPanel("period_start"), FieldPanel("market")]),
        FieldPanel("units"),
        SOURCE_PANEL,
    ]

    class Meta:
        ordering = ["-period_start", "make", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(units__gt=0) & Q(units__lte=100_000_000), name="sales_units_sane"
            ),
            models.CheckConstraint(
                condition=_year_in_range("period_start"), name="sales_date_sane"
            ),
            # Two partial constraints: a make's total has no model, and NULLs never collide in
            # a plain unique constraint (on SQLite or PostgreSQL).
            models.UniqueConstraint(
                fields=["make", "vehicle_model", "period", "period_start", "market"],
                condition=Q(vehicle_model__isnull=False),
                name="one_model_sales_figure_per_period",
            ),
            models.UniqueConstraint(
                fields=["make", "period", "period_start", "market"],
                condition=Q(vehicle_model__isnull=True),
                name="one_make_sales_total_per_period",
            ),
            Sourced.source_required("sales_have_a_source"),
        ]

    def __str__(self):
        subject = self.vehicle_model or self.make
        return f"{subject}: {self.units} ({self.get_period_display()} from {self.period_start})"
