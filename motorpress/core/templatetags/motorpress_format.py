"""Template filters for Indian money and vehicle units: {% load motorpress_format %}.

Every filter returns "" for None and for anything that isn't a number, so a missing or bad spec
value shows nothing instead of breaking the page. Numeric strings ("188000") are accepted.
"""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import template

from motorpress.core import formatting

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
        return function(number)
    except (ArithmeticError, TypeError, ValueError):
        return ""


@register.filter
def inr(value) -> str:
    """{{ price|inr }} -> "₹1,88,000"."""
    rupees = _rupees(value)
    return "" if rupees is None else formatting.format_inr(rupees)


@register.filter
def lakh(value, prefix="Rs") -> str:
    """{{ price|lakh }} -> "Rs 1.88 lakh"; {{ price|lakh:"₹" }} -> "₹1.88 lakh"."""
    rupees = _rupees(value)
    if rupees is None:
        return ""
    return formatting.format_lakh_crore(rupees, prefix=str(prefix))


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
