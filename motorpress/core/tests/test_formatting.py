import time
from decimal import Decimal

import pytest
from django.template import Context, Template
from hypothesis import given
from hypothesis import strategies as st

from motorpress.core.formatting import (
    CRORE,
    LAKH,
    MAX_RUPEES,
    RUPEE,
    format_cc,
    format_inr,
    format_kg,
    format_km,
    format_km_per_kwh,
    format_kmpl,
    format_kwh,
    format_lakh_crore,
    format_mm,
    format_number,
    format_power,
    format_torque,
    group_indian,
    parse_lakh_crore,
    ps_to_bhp,
    ps_to_kw,
)
from motorpress.core.templatetags import motorpress_format as filters

amounts = st.integers(min_value=0, max_value=MAX_RUPEES)


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (0, "0"),
        (1, "1"),
        (999, "999"),
        (1000, "1,000"),
        (99_999, "99,999"),
        (100_000, "1,00,000"),
        (188_000, "1,88,000"),
        (9_999_999, "99,99,999"),
        (10_000_000, "1,00,00,000"),
        (12_345_678, "1,23,45,678"),
        (MAX_RUPEES, "10,00,00,00,00,000"),
        (-1, "-1"),
        (-188_000, "-1,88,000"),
        (-12_345_678, "-1,23,45,678"),
    ],
)
def test_group_indian(n, expected):
    assert group_indian(n) == expected


@pytest.mark.parametrize("bad", [1.5, Decimal(3), "188000", True, None])
def test_group_indian_wants_an_int(bad):
    with pytest.raises(TypeError):
        group_indian(bad)


def test_format_inr():
    assert format_inr(188_000) == "\u20b91,88,000"
    assert format_inr(0) == f"{RUPEE}0"
    assert format_inr(-500) == f"-{RUPEE}500"
    assert format_inr(12_345_678) == f"{RUPEE}1,23,45,678"


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (0, "Rs 0"),
        (1, "Rs 1"),
        (85_000, "Rs 85,000"),
        (99_999, "Rs 99,999"),
        (100_000, "Rs 1 lakh"),
        (188_000, "Rs 1.88 lakh"),
        (250_000, "Rs 2.5 lakh"),
        (1_000_000, "Rs 10 lakh"),
        (188_499, "Rs 1.88 lakh"),
        (188_500, "Rs 1.89 lakh"),  # half up, not banker's rounding
        (9_994_999, "Rs 99.95 lakh"),
        (9_999_499, "Rs 99.99 lakh"),
        (9_999_500, "Rs 1 crore"),  # 99.995 lakh rounds to 100.00 lakh, so it reads as crore
        (9_999_999, "Rs 1 crore"),
        (10_000_000, "Rs 1 crore"),
        (12_000_000, "Rs 1.2 crore"),
        (125_000_000, "Rs 12.5 crore"),
        (MAX_RUPEES, "Rs 1,00,000 crore"),
        (-12_000, "-Rs 12,000"),
        (-188_000, "-Rs 1.88 lakh"),
    ],
)
def test_format_lakh_crore(amount, expected):
    assert format_lakh_crore(amount) == expected


def test_format_lakh_crore_prefix():
    assert format_lakh_crore(188_000, prefix=RUPEE) == f"{RUPEE}1.88 lakh"
    assert format_lakh_crore(85_000, prefix=RUPEE) == f"{RUPEE}85,000"
    assert format_lakh_crore(188_000, prefix="Rs.") == "Rs. 1.88 lakh"
    assert format_lakh_crore(188_000, prefix="") == "1.88 lakh"


def test_format_lakh_crore_wants_whole_rupees():
    with pytest.raises(TypeError):
        format_lakh_crore(1.5)


@given(st.integers(min_value=LAKH, max_value=MAX_RUPEES))
def test_lakh_display_never_reaches_100_lakh(n):
    number, _, unit = format_lakh_crore(n).removeprefix("Rs ").partition(" ")
    assert unit in {"lakh", "crore"}
    if unit == "lakh":
        assert Decimal(number) < 100
    assert Decimal(number.replace(",", "")) >= 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rs 1.88 lakh", 188_000),
        ("\u20b91.88 lakh", 188_000),
        ("\u20b9 1.88 lakh", 188_000),
        ("1.88 lakh", 188_000),
        ("1.88 Lakhs", 188_000),
        ("1.88 lac", 188_000),
        ("1.2 crore", 12_000_000),
        ("1.2345 crore", 12_345_000),
        ("Rs 1,00,000 crore", MAX_RUPEES),
        ("Rs. 85,000", 85_000),
        ("\u20b91,88,000", 188_000),
        ("188,000", 188_000),
        ("188000", 188_000),
        ("2.5L", 250_000),
        ("1.2Cr", 12_000_000),
        ("1.2 cr.", 12_000_000),
        ("INR 1.88 lakh", 188_000),
        ("  RS 1.88 LAKH  ", 188_000),
        ("Rs\u00a01.88\u00a0lakh", 188_000),  # non-breaking spaces pasted from a web page
        ("85000.49", 85_000),
        ("85000.5", 85_001),  # half up to whole rupees
        ("0", 0),
        ("10,00,00,00,00,000", MAX_RUPEES),
    ],
)
def test_parse_lakh_crore(text, expected):
    assert parse_lakh_crore(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "  ",
        "-1",
        "+1",
        "NaN",
        "inf",
        "Infinity",
        "1e308",
        "1.88 lakh; DROP TABLE vehicles",
        "lakh",
        "1..2 lakh",
        "1.",
        ".5 lakh",
        "\u20b9",
        "Rs",
        "\u0967.\u096e\u096e \u0932\u093e\u0916",  # "१.८८ लाख": Devanagari digits are rejected
        "\uff11\uff18\uff18\uff10\uff10\uff10",  # full-width digits
        "1.885 lakh",  # more than 2 decimals of lakh
        "1.23456 crore",  # more than 4 decimals of crore
        "85,000.123",
        "1,8,8000",
        "18,80,00",
        "1.88 lakh lakh",
        "10,00,00,00,00,001",
        "1,00,001 crore",
        "9" * 40,
        "1" * 10_000,
        "1.88 lakh" + " " * 10_000,
    ],
)
def test_parse_rejects_hostile_input(text):
    with pytest.raises(ValueError, match=r"."):
        parse_lakh_crore(text)


def test_parse_rejects_non_strings():
    with pytest.raises(TypeError):
        parse_lakh_crore(188_000)


def test_parse_is_fast_on_long_input():
    start = time.perf_counter()
    for text in ("1" * 10_000, "1,00" * 2_500, "Rs " + "1" * 49, "1," * 24 + "000 lakh"):
        with pytest.raises(ValueError, match="Not an amount"):
            parse_lakh_crore(text)
    assert time.perf_counter() - start < 0.1


@given(amounts)
def test_full_rupee_format_round_trips_exactly(n):
    assert parse_lakh_crore(format_inr(n)) == n


@given(amounts)
def test_lakh_crore_format_round_trips_within_display_rounding(n):
    # The headline shows 2 decimals: 0.01 lakh is Rs 1,000 and 0.01 crore Rs 1,00,000, so
    # rounding half up moves the value by at most half a step. Below 1 lakh it is exact.
    back = parse_lakh_crore(format_lakh_crore(n))
    if n < LAKH:
        assert back == n
    elif n < CRORE:
        assert abs(back - n) <= 500
    else:
        assert abs(back - n) <= 50_000


@given(st.text(max_size=60))
def test_parse_only_ever_raises_value_error(text):
    try:
        result = parse_lakh_crore(text)
    except ValueError:
        return
    assert 0 <= result <= MAX_RUPEES


def test_units():
    assert format_km(95) == "95 km"
    assert format_km(95.0) == "95 km"
    assert format_km(Decimal("95.00")) == "95 km"
    assert format_km(123_456) == "1,23,456 km"
    assert format_kmpl(19.8) == "19.8 kmpl"
    assert format_kmpl(Decimal("22.35")) == "22.35 kmpl"
    assert format_km_per_kwh(Decimal("31.50")) == "31.5 km/kWh"
    assert format_kwh(Decimal("3.07")) == "3.07 kWh"
    assert format_kwh(0.1 + 0.2) == "0.3 kWh"  # float noise is rounded away
    assert format_cc(155) == "155 cc"
    assert format_cc(Decimal("124.8")) == "124.8 cc"
    assert format_kg(130) == "130 kg"
    assert format_mm(780) == "780 mm"
    assert format_mm(Decimal("780.5")) == "781 mm"
    assert format_km(0) == "0 km"
    assert format_number(Decimal("-0.001")) == "0"
    assert format_number(Decimal("1234567.5")) == "12,34,567.5"


@pytest.mark.parametrize(
    "formatter",
    [format_km, format_kmpl, format_km_per_kwh, format_kwh, format_cc, format_kg, format_mm],
)
def test_units_show_nothing_for_none(formatter):
    assert formatter(None) == ""


def test_power_and_torque():
    assert format_power(18.4, rpm=10_000) == "18.4 PS @ 10,000 rpm"
    assert format_power(Decimal("18.40")) == "18.4 PS"
    assert format_power(None, rpm=10_000) == ""
    assert format_power() == ""
    assert format_torque(14.2, rpm=7_500) == "14.2 Nm @ 7,500 rpm"
    assert format_torque(Decimal("14.2")) == "14.2 Nm"
    assert format_torque(None) == ""


def test_ps_conversions():
    assert ps_to_bhp(Decimal("18.4")) == Decimal("18.1")
    assert ps_to_kw(18.4) == Decimal("13.5")
    assert ps_to_bhp(100) == Decimal("98.6")
    assert ps_to_kw(100) == Decimal("73.5")
    assert ps_to_kw(0) == Decimal("0.0")


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), Decimal("NaN"), "19.8", True])
def test_units_reject_non_numbers(bad):
    with pytest.raises((TypeError, ValueError)):
        format_kmpl(bad)


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("inr", 188_000, "\u20b91,88,000"),
        ("inr", "188000", "\u20b91,88,000"),
        ("inr", Decimal("188000.50"), "\u20b91,88,001"),
        ("lakh", 188_000, "Rs 1.88 lakh"),
        ("km", 95, "95 km"),
        ("kmpl", 19.8, "19.8 kmpl"),
        ("kwh", Decimal("3.07"), "3.07 kWh"),
        ("cc", 155, "155 cc"),
        ("kg", "130", "130 kg"),
        ("mm", 780, "780 mm"),
        ("indian_number", 12_345_678, "1,23,45,678"),
        ("indian_number", -188_000, "-1,88,000"),
    ],
)
def test_filters(name, value, expected):
    assert getattr(filters, name)(value) == expected


@pytest.mark.parametrize(
    "name", ["inr", "lakh", "km", "kmpl", "kwh", "cc", "kg", "mm", "indian_number"]
)
@pytest.mark.parametrize(
    "value",
    [None, "", "n/a", "NaN", "inf", "1e999999", float("nan"), True, [], {}, object(), "9" * 200],
)
def test_filters_never_raise_on_non_numbers(name, value):
    assert getattr(filters, name)(value) == ""


def test_filters_in_a_template():
    template = Template(
        "{% load motorpress_format %}{{ price|lakh }}|{{ price|lakh:'\u20b9' }}|"
        "{{ price|inr }}|{{ missing|km }}|{{ power|kg }}"
    )
    rendered = template.render(Context({"price": 188_000, "power": "heavy"}))
    assert rendered == "Rs 1.88 lakh|\u20b91.88 lakh|\u20b91,88,000||"
