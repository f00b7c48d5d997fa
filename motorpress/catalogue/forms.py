from django import forms

from motorpress.catalogue.models import Powertrain, Segment, Status
from motorpress.catalogue.selectors import PRICE_BAND_LABELS, VehicleFilters


class VehicleFilterForm(forms.Form):
    """The /vehicles/ filters. Any value outside the choices is a 400, never a 500."""

    segment = forms.ChoiceField(required=False, choices=[("", "Any"), *Segment.choices])
    make = forms.SlugField(required=False, max_length=80)
    powertrain = forms.ChoiceField(required=False, choices=[("", "Any"), *Powertrain.choices])
    price = forms.ChoiceField(
        required=False, choices=[("", "Any"), *PRICE_BAND_LABELS.items()], label="Price"
    )
    status = forms.ChoiceField(required=False, choices=[("", "Any"), *Status.choices])
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
