"""The on-road price and EMI section of a vehicle page, built from GET parameters alone so it
works without JavaScript: ``?city=pune&variant=standard&down=20000&rate=9.5&tenure=36``."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from motorpress.catalogue import onroad
from motorpress.catalogue.pricing.emi import (
    MAX_TENURE_MONTHS,
    MIN_TENURE_MONTHS,
    EmiInputError,
    emi_plan,
    loan_amount,
)

DEFAULT_RATE = Decimal("9.5")
DEFAULT_TENURE = 36


class EmiForm(forms.Form):
    """The reader's loan terms. Every bound is the maths module's; errors show on the page."""

    city = forms.SlugField(required=False, max_length=60, label=_("City"))
    variant = forms.SlugField(required=False, max_length=80, label=_("Variant"))
    down = forms.IntegerField(
        required=False, min_value=0, max_value=10**10, label=_("Down payment (Rs)")
    )
    rate = forms.DecimalField(
        required=False,
        min_value=0,
        max_value=30,
        max_digits=5,
        decimal_places=2,
        label=_("Interest rate (% a year)"),
    )
    tenure = forms.IntegerField(
        required=False,
        min_value=MIN_TENURE_MONTHS,
        max_value=MAX_TENURE_MONTHS,
        label=_("Tenure (months)"),
    )


def onroad_context(request, vehicle_model, variants) -> dict:
    """Context for the breakdown and the EMI plan; never raises on a reader's input."""
    form = EmiForm(request.GET)
    form.is_valid()  # errors render beside the fields; valid fields are still used
    data = form.cleaned_data
    cities = onroad.cities()
    context = {
        "cities": cities,
        "variants": variants,
        "emi_form": form,
        "city": None,
        "quote": None,
    }
    city_slug = data.get("city") or request.GET.get("city", "")
    if city_slug:
        # The picker's list is loaded anyway, so the reader's city is found in it: no query.
        context["city"] = next((c for c in cities if c.slug == data.get("city")), None)
        if context["city"] is None:
            context["city_unknown"] = city_slug
    wanted = data.get("variant")
    chosen = next((v for v in variants if v.slug == wanted), None) or next(
        (v for v in variants if v.current_price), None
    )
    context["chosen_variant"] = chosen
    if chosen is None:
        return context
    price = chosen.current_price
    if context["city"]:
        quotes = onroad.on_road_quotes(
            [chosen], segment=vehicle_model.segment, city=context["city"]
        )
        if quotes:
            context["quote"] = quote = quotes[0]
            # With no total (a rule missing) the loan is on the ex-showroom price, and we say so.
            price = quote.breakdown.total or quote.breakdown.lines[0].amount
    context["emi_price"] = price
    if not price or any(name in form.errors for name in ("down", "rate", "tenure")):
        return context
    try:
        loan = loan_amount(price=price, down_payment=data.get("down") or 0)
        context["emi"] = emi_plan(
            loan=loan,
            rate_percent=data.get("rate") if data.get("rate") is not None else DEFAULT_RATE,
            tenure_months=data.get("tenure") or DEFAULT_TENURE,
        )
    except EmiInputError as error:
        # The maths module's messages are English (the API's); the page shows them translated.
        form.add_error(error.field if error.field in form.fields else None, gettext(error.message))
    return context
