from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.search import index

from motorpress.catalogue.models.sources import Sourced
from motorpress.core.periods import MAX_YEAR, MIN_YEAR, Period, Precision


class Metric(models.TextChoices):
    LAUNCH = "launch", _("Launch")
    PRODUCTION_START = "production_start", _("Production start")
    DELIVERIES_START = "deliveries_start", _("Deliveries start")
    PRICE = "price", _("Price")
    RANGE = "range", _("Range")
    EFFICIENCY = "efficiency", _("Efficiency")
    SALES_TARGET = "sales_target", _("Sales target")
    OTHER = "other", _("Other")


# For numeric claims: which way is better for the buyer.
LOWER_IS_BETTER = {Metric.PRICE}


def _year_ok(field: str) -> Q:
    return Q(**{f"{field}__isnull": True}) | (
        Q(**{f"{field}__year__gte": MIN_YEAR}) & Q(**{f"{field}__year__lte": MAX_YEAR})
    )


class Claim(index.Indexed, Sourced, ClusterableModel):
    """A maker's promise: a date (as a period with precision) or a number with a unit."""

    make = models.ForeignKey("catalogue.Make", on_delete=models.PROTECT, related_name="claims")
    vehicle_model = models.ForeignKey(
        "catalogue.VehicleModel",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="claims",
    )
    metric = models.CharField(max_length=20, choices=Metric.choices)
    statement = models.CharField(
        max_length=300, help_text="What was promised, in one line of our own words."
    )
    period_start = models.DateField(
        null=True, blank=True, help_text="For a date promise: first day of the promised period."
    )
    period_precision = models.CharField(max_length=10, choices=Precision.choices, blank=True)
    number = models.DecimalField(
        max_digits=14, decimal_places=2, null=True, blank=True, help_text="For a figure."
    )
    unit = models.CharField(max_length=20, blank=True, help_text="km, kmpl, Rs, units, …")
    claimed_on = models.DateField()
    claimed_on_is_approximate = models.BooleanField(default=False)

    panels = [
        FieldRowPanel([FieldPanel("make"), FieldPanel("vehicle_model")]),
        FieldRowPanel(
            [
                FieldPanel("metric"),
                FieldPanel("claimed_on"),
                FieldPanel("claimed_on_is_approximate"),
            ]
        ),
        FieldPanel("statement"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_precision")]),
                FieldRowPanel([FieldPanel("number"), FieldPanel("unit")]),
            ],
            heading="Claimed value: a period, a number, or both (a sales target for a year)",
        ),
        MultiFieldPanel(
            [
                FieldPanel("source_url"),
                FieldPanel("source_page"),
                FieldPanel("source_label"),
                FieldPanel("is_demo"),
            ],
            heading="Source",
        ),
        InlinePanel("outcomes", label="Outcome", max_num=1),
    ]
    search_fields = [
        index.SearchField("statement"),
        index.AutocompleteField("statement"),
        index.FilterField("metric"),
    ]

    class Meta:
        ordering = ["-claimed_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_start__isnull=False) | Q(number__isnull=False),
                name="claim_has_a_value",
            ),
            models.CheckConstraint(
                condition=Q(period_start__isnull=True) | ~Q(period_precision=""),
                name="claim_period_has_precision",
            ),
            models.CheckConstraint(
                condition=Q(number__isnull=True) | (Q(number__gt=0) & Q(number__lt=10**12)),
                name="claim_number_positive",
            ),
            models.CheckConstraint(
                condition=_year_ok("period_start") & _year_ok("claimed_on"), name="claim_dates_sane"
            ),
            Sourced.source_required("claim_has_a_source"),
        ]

    def __str__(self):
        return f"{self.make}: {self.statement}"

    @property
    def period(self) -> Period | None:
        if self.period_start is None or not self.period_precision:
            return None
        return Period(self.period_start, self.period_precision)

    @property
    def due(self):
        """The last day the promise allows; None for a figure with no date attached."""
        period = self.period
        return period.end if period else None

    @property
    def lower_is_better(self) -> bool:
        return self.metric in LOWER_IS_BETTER

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.period_start is None and self.number is None:
            raise ValidationError("Give the promised period, the promised figure, or both.")
        if self.period_start is not None:
            try:
                Period(self.period_start, self.period_precision)
            except ValueError as error:
                raise ValidationError({"period_start": str(error)}) from error


class Outcome(Sourced, models.Model):
    """What happened: the date it happened and/or the figure measured, with its source."""

    claim = ParentalKey(Claim, on_delete=models.CASCADE, related_name="outcomes")
    happened = models.BooleanField(
        default=True, help_text="Untick if the promise was abandoned (the claim is then missed)."
    )
    happened_on = models.DateField(null=True, blank=True)
    number = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    recorded_on = models.DateField(help_text="When the outcome became known.")
    note = models.CharField(max_length=300, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("happened"), FieldPanel("happened_on"), FieldPanel("number")]),
        FieldRowPanel([FieldPanel("recorded_on"), FieldPanel("note")]),
        FieldRowPanel(
            [FieldPanel("source_url"), FieldPanel("source_page"), FieldPanel("source_label")]
        ),
        FieldPanel("is_demo"),
    ]

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["claim"], name="one_outcome_per_claim"),
            models.CheckConstraint(
                condition=Q(happened=False)
                | Q(happened_on__isnull=False)
                | Q(number__isnull=False),
                name="outcome_has_a_value",
            ),
            models.CheckConstraint(
                condition=Q(number__isnull=True) | (Q(number__gt=0) & Q(number__lt=10**12)),
                name="outcome_number_positive",
            ),
            models.CheckConstraint(
                condition=_year_ok("happened_on") & _year_ok("recorded_on"),
                name="outcome_dates_sane",
            ),
            Sourced.source_required("outcome_has_a_source"),
        ]

    def __str__(self):
        return f"Outcome of {self.claim}"
