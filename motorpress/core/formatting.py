"""Indian number, money and unit formatting for vehicle pages, compare tables, feeds and the API.

Words (lakh, crore, km, the "Rs" prefix) are in the active language, so the Hindi edition prints
"₹1.88 लाख" and "95 किमी"; digit grouping is Indian in both. The API pins English at its entry
(motorpress.api.caching), so its figures never change with the reader's language.
Money is whole rupees (int). Everything is done with `Decimal`, never float arithmetic, and
rounding is always half up. Unit formatters accept int, Decimal or float, print Indian digit
grouping ("1,23,456 km"), drop trailing zeros ("95 km", not "95.0 km") and turn None into "".
"""

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.utils import dateformat
from django.utils.translation import get_language, pgettext

RUPEE = "\u20b9"  # ₹
LAKH = 100_000
CRORE = 10_000_000
MAX_RUPEES = 10**12  # parse_lakh_crore rejects anything larger as a typo or an attack
PS_TO_BHP = Decimal("0.98632")
PS_TO_KW = Decimal("0.73549875")

Number = int | float | Decimal

_HUNDREDTH = Decimal("0.01")
# An optional currency word/sign, a number with optional Indian ("1,88,000") or international
# ("188,000") grouping and decimals, and an optional unit. ASCII only: Devanagari digits, signs
# and exponents ("1e308") are rejected.
_MONEY = re.compile(
    r"(?:(?:rs\.?|inr|\u20b9) ?)?"
    r"(?P<int>[0-9]{1,2}(?:,[0-9]{2})*,[0-9]{3}|[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)"
    r"(?:\.(?P<frac>[0-9]+))?"
    r" ?(?:(?P<lakh>lakhs?|lacs?|l)|(?P<crore>crores?|cr\.?))?",
    re.IGNORECASE | re.ASCII,
)
_MAX_INPUT = 50  # "Rs. 10,00,00,00,00,000.00" is 25 characters


def group_indian(n: int) -> str:
    """Group an integer's digits the Indian way: 12345678 -> "1,23,45,678", -188000 -> "-1,88,000".

    The last three digits form one group and every two digits before them another.
    """
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"group_indian() needs an int, not {type(n).__name__}")
    digits = str(abs(n))
    head, tail = digits[:-3], digits[-3:]
    groups = [head[max(i - 2, 0) : i] for i in range(len(head), 0, -2)][::-1]
    return ("-" if n < 0 else "") + ",".join([*groups, tail])


def format_inr(amount: int) -> str:
    """Full rupee amount for tables and the API: 188000 -> "₹1,88,000", -500 -> "-₹500"."""
    grouped = group_indian(amount)
    return f"-{RUPEE}{grouped[1:]}" if amount < 0 else RUPEE + grouped


def _strip_zeros(value: Decimal) -> str:
    """Render an already-rounded Decimal with Indian grouping and no trailing fractional zeros."""
    if value == 0:
        return "0"
    whole, _, frac = f"{abs(value):f}".partition(".")
    frac = frac.rstrip("0")
    sign = "-" if value < 0 else ""
    return sign + group_indian(int(whole)) + (f".{frac}" if frac else "")


def format_lakh_crore(amount: int, *, prefix: str | None = None) -> str:
    """Headline style used in Indian auto news: "Rs 85,000", "Rs 1.88 lakh", "Rs 1.2 crore";
    in Hindi "₹85,000", "₹1.88 लाख", "₹1.2 करोड़" (the default prefix is the language's).

    Rule: below 1 lakh the grouped rupees are printed as they are. From 1 lakh the amount is
    shown in lakh, and from 1 crore (or when rounding would print "100 lakh") in crore; both are
    rounded half up to 2 decimals and trailing zeros are stripped ("Rs 2.5 lakh", "Rs 10 lakh").
    A space follows a word prefix ("Rs 1.88 lakh") but not a currency sign ("₹1.88 lakh"); a
    negative amount puts its sign before the prefix ("-Rs 12,000").
    """
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise TypeError(f"format_lakh_crore() needs an int, not {type(amount).__name__}")
    if prefix is None:
        prefix = pgettext("currency prefix before an amount", "Rs")
    sign, rupees = ("-" if amount < 0 else ""), abs(amount)
    is_symbol = bool(prefix) and unicodedata.category(prefix[-1]) == "Sc"
    lead = sign + prefix + ("" if is_symbol or not prefix else " ")
    if rupees < LAKH:
        return lead + group_indian(rupees)
    lakhs = (Decimal(rupees) / LAKH).quantize(_HUNDREDTH, ROUND_HALF_UP)
    if lakhs < 100:
        return f"{lead}{_strip_zeros(lakhs)} " + pgettext("amount", "lakh")
    crores = (Decimal(rupees) / CRORE).quantize(_HUNDREDTH, ROUND_HALF_UP)
    return f"{lead}{_strip_zeros(crores)} " + pgettext("amount", "crore")


def parse_lakh_crore(text: str) -> int:
    """Read a price typed by an editor or found in an import; return whole rupees.

    Accepts "Rs 1.88 lakh", "₹1.88 lakh", "2.5L", "1.2 crore", "1.2Cr", "Rs. 85,000",
    "₹1,88,000" and "188000", case-insensitively. Up to 2 decimals are allowed for rupees and
    lakh and up to 4 for crore (both steps are Rs 1,000); the result is rounded half up to a
    whole rupee. Raises ValueError for anything else, including negative, non-ASCII digits,
    exponents and amounts above 10^12 rupees; TypeError if `text` is not a string.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_lakh_crore() needs a str, not {type(text).__name__}")
    if len(text) > _MAX_INPUT * 4:
        raise ValueError("Not an amount: the text is far too long.")
    normalised = " ".join(text.split())  # also folds non-breaking spaces pasted from the web
    match = _MONEY.fullmatch(normalised) if len(normalised) <= _MAX_INPUT else None
    if match is None:
        raise ValueError(
            f"Not an amount: {text[:40]!r}. Use e.g. 'Rs 1.88 lakh', '1.2 crore' or '1,88,000'."
        )
    whole, frac = match["int"].replace(",", ""), match["frac"] or ""
    unit, multiplier, max_places = "rupees", 1, 2
    if match["lakh"]:
        unit, multiplier = "lakh", LAKH
    elif match["crore"]:
        unit, multiplier, max_places = "crore", CRORE, 4
    if len(frac) > max_places:
        raise ValueError(f"Too many decimals in {text.strip()!r}: at most {max_places} for {unit}.")
    if len(whole.lstrip("0")) > 13:
        raise ValueError(f"Amount too large: {text.strip()[:40]!r}.")
    value = Decimal(f"{whole}.{frac or 0}") * multiplier
    rupees = int(value.quantize(Decimal(1), ROUND_HALF_UP))
    if rupees > MAX_RUPEES:
        raise ValueError(f"Amount too large: {text.strip()!r} is over Rs 10^12.")
    return rupees


def _decimal(value: Number) -> Decimal:
    """Convert a finite int, Decimal or float to Decimal (floats via their shortest repr)."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise TypeError(f"Expected a number, not {type(value).__name__}")
    result = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    if not result.is_finite():
        raise ValueError(f"Expected a finite number, not {value!r}")
    return result


def format_number(value: Number | None, places: int = 2) -> str:
    """Round half up to `places` decimals, drop trailing zeros, group the Indian way."""
    if value is None:
        return ""
    return _strip_zeros(_decimal(value).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP))


def _unit(value: Number | None, unit: str, places: int) -> str:
    return f"{format_number(value, places)} {unit}" if value is not None else ""


def format_km(value: Number | None) -> str:
    """Range or distance: "95 km", "1,23,456 km" (1 decimal at most)."""
    return _unit(value, pgettext("unit", "km"), 1)


def format_kmpl(value: Number | None) -> str:
    """Fuel efficiency: "19.8 kmpl" (2 decimals at most)."""
    return _unit(value, pgettext("unit", "kmpl"), 2)


def format_km_per_kwh(value: Number | None) -> str:
    """EV efficiency: "31.5 km/kWh" (2 decimals at most)."""
    return _unit(value, pgettext("unit", "km/kWh"), 2)


def format_kwh(value: Number | None) -> str:
    """Battery capacity: "3.07 kWh" (2 decimals at most)."""
    return _unit(value, pgettext("unit", "kWh"), 2)


def _at_rpm(text: str, rpm: Number | None) -> str:
    if not text or rpm is None:
        return text
    return f"{text} @ {format_number(rpm, 0)} " + pgettext("unit", "rpm")


def format_power(ps: Number | None = None, *, rpm: Number | None = None) -> str:
    """Peak power in metric horsepower: "18.4 PS @ 10,000 rpm" (rpm rounded to whole)."""
    return _at_rpm(_unit(ps, pgettext("unit", "PS"), 2), rpm)


def format_torque(nm: Number | None, *, rpm: Number | None = None) -> str:
    """Peak torque: "14.2 Nm @ 7,500 rpm"."""
    return _at_rpm(_unit(nm, pgettext("unit", "Nm"), 2), rpm)


def ps_to_bhp(ps: Number) -> Decimal:
    """Convert PS to bhp (1 PS = 0.98632 bhp), rounded half up to 1 decimal."""
    return (_decimal(ps) * PS_TO_BHP).quantize(Decimal("0.1"), ROUND_HALF_UP)


def ps_to_kw(ps: Number) -> Decimal:
    """Convert PS to kW (1 PS = 0.73549875 kW), rounded half up to 1 decimal."""
    return (_decimal(ps) * PS_TO_KW).quantize(Decimal("0.1"), ROUND_HALF_UP)


def format_cc(cc: Number | None) -> str:
    """Engine displacement: "155 cc", "124.8 cc" (1 decimal at most)."""
    return _unit(cc, pgettext("unit", "cc"), 1)


def format_kg(kg: Number | None) -> str:
    """Kerb weight or payload: "130 kg" (1 decimal at most)."""
    return _unit(kg, pgettext("unit", "kg"), 1)


def format_mm(mm: Number | None) -> str:
    """Dimensions, seat height, ground clearance: "780 mm" (whole millimetres)."""
    return _unit(mm, pgettext("unit", "mm"), 0)


# Hindi sites print full month names ("3 दिसंबर 2026"). Django's Hindi abbreviations ("दिस्")
# are not what they use, and its "F" names misspell three months ("दिसमबर"), so on the Hindi
# edition "M" and "F" become "E", the alternative names Django spells right ("दिसंबर").
_MONTH_NAME = re.compile(r"(?<!\\)[MF]")


def _hindi() -> bool:
    return (get_language() or "").startswith("hi")


def date_format_for_language(fmt: str) -> str:
    """A Django date format for the active language: English as given, Hindi with full months."""
    return _MONTH_NAME.sub("E", fmt) if _hindi() else fmt


def format_date(value, fmt: str = "j M Y") -> str:
    """A date in words for text built in Python: "05 Jan 2026" / "05 जनवरी 2026" for "d M Y"."""
    return dateformat.format(value, date_format_for_language(fmt))


_DEVANAGARI = str.maketrans(
    "0123456789", "\u0966\u0967\u0968\u0969\u096a\u096b\u096c\u096d\u096e\u096f"
)


def localise_digits(text: str) -> str:
    """Print Devanagari digits (U+0966-U+096F) on the Hindi edition when
    settings.DEVANAGARI_DIGITS is on.

    Off by default: Hindi news sites print 0-9. The template filters apply this to every figure
    and date they print; URLs, ids and machine-readable values never go through it.
    """
    if text and settings.DEVANAGARI_DIGITS and _hindi():
        return str(text).translate(_DEVANAGARI)
    return text
