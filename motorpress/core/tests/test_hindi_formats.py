"""The Hindi edition's words and formats; English output stays exactly as it was."""

from datetime import date, datetime
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from motorpress.core import formatting
from motorpress.core.periods import Period
from motorpress.core.readtime import read_time_label


def render(source: str, **context) -> str:
    return Template("{% load motorpress_format motorpress_tags %}" + source).render(
        Context(context)
    )


@pytest.mark.parametrize(
    ("amount", "english", "hindi"),
    [
        (85_000, "Rs 85,000", "₹85,000"),
        (188_000, "Rs 1.88 lakh", "₹1.88 लाख"),
        (12_000_000, "Rs 1.2 crore", "₹1.2 करोड़"),
        (-12_000, "-Rs 12,000", "-₹12,000"),
    ],
)
def test_headline_prices_use_lakh_and_crore_words_of_the_edition(amount, english, hindi):
    assert formatting.format_lakh_crore(amount) == english
    with translation.override("hi"):
        assert formatting.format_lakh_crore(amount) == hindi
        assert formatting.format_lakh_crore(amount, prefix="Rs") == hindi.replace("₹", "Rs ")


def test_full_rupee_amounts_are_the_same_in_both_editions():
    assert formatting.format_inr(188_000) == "₹1,88,000"
    with translation.override("hi"):
        assert formatting.format_inr(188_000) == "₹1,88,000"


def test_units_are_printed_as_hindi_sites_print_them():
    with translation.override("hi"):
        assert formatting.format_km(95) == "95 किमी"
        assert formatting.format_km(123456) == "1,23,456 किमी"
        assert formatting.format_kmpl(Decimal("19.8")) == "19.8 किमी/लीटर"
        assert formatting.format_kwh(Decimal("3.07")) == "3.07 kWh"
        assert formatting.format_km_per_kwh(Decimal("31.5")) == "31.5 किमी/kWh"
        assert formatting.format_cc(155) == "155 सीसी"
        assert formatting.format_kg(130) == "130 किलो"
        assert formatting.format_mm(780) == "780 मिमी"
        assert formatting.format_power(Decimal("18.4"), rpm=10000) == "18.4 पीएस @ 10,000 आरपीएम"
        assert formatting.format_torque(Decimal("14.2"), rpm=7500) == "14.2 एनएम @ 7,500 आरपीएम"


def test_english_units_are_unchanged():
    assert formatting.format_km(95) == "95 km"
    assert formatting.format_power(Decimal("18.4"), rpm=10000) == "18.4 PS @ 10,000 rpm"
    assert formatting.format_cc(Decimal("124.8")) == "124.8 cc"
    assert formatting.format_kg(130) == "130 kg"


def test_read_time_in_both_editions():
    assert [read_time_label(m) for m in (0, 1, 5)] == ["1 min read", "1 min read", "5 mins read"]
    with translation.override("hi"):
        assert read_time_label(1) == "1 मिनट में पढ़ें"
        assert read_time_label(5) == "5 मिनट में पढ़ें"
        assert render("{{ 5|read_time }}") == "5 मिनट में पढ़ें"


def test_dates_have_full_correctly_spelt_hindi_month_names():
    day, moment = date(2026, 12, 3), datetime(2026, 9, 3, 15, 30)
    assert render("{{ d|local_date }}", d=day) == "3 Dec 2026"
    assert render('{{ d|local_date:"M Y" }}', d=day) == "Dec 2026"
    with translation.override("hi"):
        assert render("{{ d|local_date }}", d=day) == "3 दिसंबर 2026"
        assert render('{{ d|local_date:"M Y" }}', d=day) == "दिसंबर 2026"
        # Hindi news sites print AM/PM; Django's own Hindi says "बजे" for both.
        assert render('{{ d|local_date:"j M Y, g:i A" }}', d=moment) == "3 सितंबर 2026, 3:30 PM"


def test_periods_read_naturally_in_hindi_and_stay_english_for_the_api():
    half, quarter = Period(date(2024, 1, 1), "half"), Period(date(2024, 7, 1), "quarter")
    month = Period(date(2025, 11, 1), "month")
    assert (half.display, quarter.display, month.display) == ("2024 H1", "2024 Q3", "November 2025")
    with translation.override("hi"):
        assert half.display == "2024 की पहली छमाही"
        assert quarter.display == "2024 की तीसरी तिमाही"
        assert month.display == "नवंबर 2025"
        assert half.label == "2024 H1"


def test_template_filters_localise_words(settings):
    with translation.override("hi"):
        assert render("{{ p|lakh }} {{ r|km }} {{ p|inr }}", p=188000, r=95) == (
            "₹1.88 लाख 95 किमी ₹1,88,000"
        )
    assert render("{{ p|lakh }} {{ r|km }}", p=188000, r=95) == "Rs 1.88 lakh 95 km"


def test_devanagari_digits_only_when_the_setting_says_so_and_only_in_hindi(settings):
    source = '{{ p|lakh }} | {{ d|local_date }} | {{ 5|read_time }} | {{ "2024 H1"|digits }}'
    context = {"p": 188000, "d": date(2026, 12, 3)}
    with translation.override("hi"):
        assert render(source, **context) == "₹1.88 लाख | 3 दिसंबर 2026 | 5 मिनट में पढ़ें | 2024 H1"
        settings.DEVANAGARI_DIGITS = True
        assert render(source, **context) == "₹१.८८ लाख | ३ दिसंबर २०२६ | ५ मिनट में पढ़ें | २०२४ H१"
    assert render(source, **context) == "Rs 1.88 lakh | 3 Dec 2026 | 5 mins read | 2024 H1"
