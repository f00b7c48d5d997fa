from django.db import models
from django.db.models import Q


class Sourced(models.Model):
    """Every figure says where it came from and whether it is only illustrative."""

    source_url = models.URLField(blank=True, max_length=500)
    source_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A story on this site that reports the figure.",
    )
    source_label = models.CharField(
        max_length=200, blank=True, help_text='Who said so, e.g. "Maker\'s price list".'
    )
    is_demo = models.BooleanField(
        default=False, help_text="Illustrative demo figure, not a reported one."
    )

    class Meta:
        abstract = True

    @classmethod
    def source_required(cls, name: str) -> models.CheckConstraint:
        return models.CheckConstraint(
            condition=~Q(source_url="") | Q(source_page__isnull=False) | ~Q(source_label=""),
            name=name,
        )
