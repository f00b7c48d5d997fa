from django import forms
from django.utils.translation import gettext_lazy as _

from motorpress.ledger.models import Metric
from motorpress.ledger.status import STATUS_CHOICES


class TrackerFilterForm(forms.Form):
    """Tracker filters; a value outside the choices is a 400, never a 500."""

    make = forms.SlugField(required=False, max_length=80)
    metric = forms.ChoiceField(required=False, choices=[("", _("Any")), *Metric.choices])
    status = forms.ChoiceField(required=False, choices=[("", _("Any")), *STATUS_CHOICES])
