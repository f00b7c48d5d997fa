from django import forms
from django.utils.translation import gettext_lazy as _

from motorpress.catalogue.models import Powertrain, Segment, Status
from motorpress.catalogue.selectors import PRICE_BAND_LABELS, VehicleFilters


class VehicleFilterForm(forms.Form):
    """The /vehicles/ filters. Any value outside the choices is a 400, never a 500."""

    segment = forms.ChoiceField(
        required=False, choices=[("", _("Any")), *Segment.choices], label=_("Segment")
    )
    make = forms.SlugField(required=False, max_length=80, label=_("Make"))
    powertrain = forms.ChoiceField(
        required=False, choices=[("", _("Any")), *Powertrain.choices], label=_("Powertrain")
    )
    price = forms.ChoiceField(
        required=False, choices=[("", _("Any")), *PRICE_BAND_LABELS.items()], label=_("Price")
    )
    status = forms.ChoiceField(
        required=False, choices=[("", _("Any")), *Status.choices], label=_("Status")
    )
    page = forms.IntegerField(required=False, min_value=1, max_value=100_000)

    def filters(self) -> VehicleFilters:
        data = self.cleaned_data
        return VehicleFilters(
            segment=data["segment"] or None,
            make=data["make"] or None,
            powertrain=data["powertrain"] or None,
            price=data["price"] or None,
            status=data["status"] or None,
        )
