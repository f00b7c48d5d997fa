"""Template filters for Indian money, vehicle units and dates: {% load motorpress_format %}.

Every filter returns "" for None and for anything that isn't a number, so a missing or bad spec
value shows nothing instead of breaking the page. Numeric strings ("188000") are accepted.
The filters are the localising layer: words follow the active language (through the formatters)
and every figure and date they print passes through `localise_digits` once, here.
"""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import template
from django.template.defaultfilters import date as django_date
from django.utils import formats

from motorpress.core import formatting
from motorpress.core.formatting import localise_digits

register = template.Library()


def _number(value) -> Decimal | None:
    """The value as a finite Decimal, or None if it isn't a number."""
    if value is None or isinstance(value, bool):
        return None
    try:
        if isinstance(value, str):
            number = Decimal(value.strip())
        elif isinstance(value, float):
            number = Decimal(str(value))
        elif isinstance(value, int | Decimal):
            number = Decimal(value)
        else:
            return None
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def _rupees(value) -> int | None:
    number = _number(value)
    if number is None or abs(number) > formatting.MAX_RUPEES:
        return None
    return int(number.quantize(Decimal(1), ROUND_HALF_UP))


def _safely(function, value) -> str:
    number = _number(value)
    if number is None:
        return ""
    try:
        return localise_digits(function(number))
    except (ArithmeticError, TypeError, ValueError):
        return ""


@register.filter
def inr(value) -> str:
    """{{ price|inr }} -> "₹1,88,000"."""
    rupees = _rupees(value)
    return "" if rupees is None else localise_digits(formatting.format_inr(rupees))


@register.filter
def lakh(value, prefix=None) -> str:
    """{{ price|lakh }} -> "Rs 1.88 lakh" ("₹1.88 लाख" in Hindi); {{ price|lakh:"₹" }} ->
    "₹1.88 lakh"."""
    rupees = _rupees(value)
    if rupees is None:
        return ""
    prefix = None if prefix is None else str(prefix)
    return localise_digits(formatting.format_lakh_crore(rupees, prefix=prefix))


@register.filter
def digits(value) -> str:
    """{{ cell.display|digits }}: a figure formatted in Python (or printed as the template would
    print it), with the edition's digits."""
    return localise_digits(str(formats.localize(value))) if value is not None else ""


@register.filter(expects_localtime=True)
def local_date(value, arg="j M Y") -> str:
    """{{ published|local_date }} -> "3 Dec 2026", in Hindi "3 दिसंबर 2026".

    Takes Django's date format; on the Hindi edition short month names become full ones.
    """
    return localise_digits(django_date(value, formatting.date_format_for_language(arg)))


@register.filter
def indian_number(value) -> str:
    """{{ sales|indian_number }} -> "1,23,45,678"; decimals are kept ("1,234.5")."""
    return _safely(formatting.format_number, value)


@register.filter
def km(value) -> str:
    """{{ range_km|km }} -> "95 km"."""
    return _safely(formatting.format_km, value)


@register.filter
def kmpl(value) -> str:
    """{{ mileage|kmpl }} -> "19.8 kmpl"."""
    return _safely(formatting.format_kmpl, value)


@register.filter
def kwh(value) -> str:
    """{{ battery|kwh }} -> "3.07 kWh"."""
    return _safely(formatting.format_kwh, value)


@register.filter
def cc(value) -> str:
    """{{ displacement|cc }} -> "155 cc"."""
    return _safely(formatting.format_cc, value)


@register.filter
def kg(value) -> str:
    """{{ weight|kg }} -> "130 kg"."""
    return _safely(formatting.format_kg, value)


@register.filter
def mm(value) -> str:
    """{{ seat_height|mm }} -> "780 mm"."""
    return _safely(formatting.format_mm, value)
