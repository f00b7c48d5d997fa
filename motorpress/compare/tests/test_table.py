"""The compare table: differences are flagged, the better value is marked only where "better"
is well defined, and prices read the way Indian buyers read them."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from motorpress.catalogue.models import PricePoint, Variant
from motorpress.compare.tests.conftest import shown_table, soup, vehicle_with_variants

RC_VS_R15 = "/compare/ktm-rc-160-vs-yamaha-r15/"
E_ACCESS_VS_ORBITER = "/compare/suzuki-e-access-vs-tvs-orbiter/"
ACCESS_VS_E_ACCESS = "/compare/suzuki-access-125-vs-suzuki-e-access/"
ACCESS_VS_HYRYDER = "/compare/suzuki-access-125-vs-toyota-urban-cruiser-hyryder/"


def _reprice(make: str, model: str, variant: str, amount: int, *, days_from_today: int = 0):
    PricePoint.objects.create(
        variant=Variant.objects.get(
            vehicle_model__make__slug=make, vehicle_model__slug=model, slug=variant
        ),
        amount=amount,
        effective_date=timezone.localdate() + timedelta(days=days_from_today),
        source_label="Test price list",
    )


# --- differences ----------------------------------------------------------------------------


def test_rows_whose_values_differ_are_marked_and_identical_rows_are_not(client, catalogue):
    table = shown_table(client.get(RC_VS_R15))
    assert table.row("Engine").values == ["164 cc", "155 cc"]
    assert table.row("Engine").differs
    assert table.row("Power").differs
    assert table.row("Powertrain").values == ["Petrol/diesel (ICE)", "Petrol/diesel (ICE)"]
    assert not table.row("Powertrain").differs
    assert table.row("Transmission").values == ["Manual 6-speed", "Manual 6-speed"]
    assert not table.row("Transmission").differs


def test_differing_rows_carry_a_visible_differs_label_for_readers_without_colour(client, catalogue):
    page = soup(client.get(RC_VS_R15))
    for tr in page.select("table.compare-table tbody tr"):
        flagged = tr.select_one("th .diff-flag") is not None
        assert flagged == ("differs" in tr["class"]), tr.get_text(" ", strip=True)


def test_differences_only_shows_just_the_rows_that_differ(client, catalogue):
    everything = shown_table(client.get(RC_VS_R15))
    differences = shown_table(client.get(RC_VS_R15, {"only": "differences"}))
    expected = [row.label for row in everything.rows if row.differs]
    assert differences.labels == expected
    assert len(differences.rows) < len(everything.rows)
    assert all(row.differs for row in differences.rows)
    assert "Powertrain" not in differences.labels


def test_differences_only_is_a_plain_link_and_the_way_back_is_too(client, catalogue):
    """No JavaScript needed: the toggle is a link to a server-rendered page."""
    page = soup(client.get(RC_VS_R15))
    assert not page.select("script:not([type='application/ld+json'])")
    link = page.find("a", string="Show differences only")
    assert link["href"] == f"{RC_VS_R15}?only=differences"

    filtered = client.get(link["href"])
    assert filtered.status_code == 200
    filtered_page = soup(filtered)
    assert all("differs" in tr["class"] for tr in filtered_page.select("tbody tr"))
    back = filtered_page.find("a", string="Show all specifications")
    assert back["href"] == RC_VS_R15
    assert filtered_page.find("a", string="Show differences only") is None


def test_differences_only_page_names_the_full_comparison_as_canonical(client, catalogue):
    page = soup(client.get(RC_VS_R15, {"only": "differences"}))
    assert page.select_one('link[rel="canonical"]')["href"] == f"http://testserver{RC_VS_R15}"


def test_differences_only_says_so_when_two_vehicles_share_every_figure(client, db):
    vehicle_with_variants("acme", "twin-a")
    vehicle_with_variants("acme", "twin-b")
    url = "/compare/acme-twin-a-vs-acme-twin-b/"
    assert all(not row.differs for row in shown_table(client.get(url)).rows)
    response = client.get(url, {"only": "differences"})
    assert response.status_code == 200
    assert shown_table(response).rows == []
    assert "No differences in the figures we hold." in soup(response).select_one("tbody").text


# --- the better value -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "label", "values", "best"),
    [
        pytest.param(
            RC_VS_R15,
            "Ex-showroom price",
            ["Rs 1.85 lakh", "Rs 1.83 lakh to Rs 1.97 lakh"],
            [False, True],
            id="price-lower",
        ),
        pytest.param(
            RC_VS_R15,
            "Power",
            ["19 PS @ 9,500 rpm", "18.4 PS @ 10,000 rpm"],
            [True, False],
            id="power-higher",
        ),
        pytest.param(
            RC_VS_R15,
            "Torque",
            ["15.5 Nm @ 7,500 rpm", "14.2 Nm @ 7,500 rpm"],
            [True, False],
            id="torque-higher",
        ),
        pytest.param(
            E_ACCESS_VS_ORBITER,
            "Claimed range",
            ["95 km (IDC)", "158 km (IDC)"],
            [False, True],
            id="range-higher",
        ),
        pytest.param(
            ACCESS_VS_HYRYDER,
            "Claimed efficiency",
            ["45 kmpl", "27.9 kmpl"],
            [True, False],
            id="efficiency-higher",
        ),
        pytest.param(
            E_ACCESS_VS_ORBITER,
            "Kerb weight",
            ["122 kg", "112 kg"],
            [False, True],
            id="weight-lower",
        ),
    ],
)
def test_the_better_value_is_marked_best(client, catalogue, url, label, values, best):
    row = shown_table(client.get(url)).row(label)
    assert row.values == values
    assert row.best == best


def test_best_is_spelled_out_next_to_the_value_not_shown_by_colour_alone(client, catalogue):
    page = soup(client.get(RC_VS_R15))
    for cell in page.select("table.compare-table td"):
        assert ("best" in (cell.get("class") or [])) == (cell.select_one(".best-flag") is not None)
    assert len(page.select("td.best .best-flag")) == 3  # price, power, torque


@pytest.mark.parametrize("label", ["Seat height", "Transmission", "Ground clearance"])
def test_rows_without_a_better_direction_never_mark_a_winner(client, catalogue, label):
    row = shown_table(client.get(ACCESS_VS_E_ACCESS)).row(label)
    assert row.best == [False, False]
    if label != "Ground clearance":  # 160 mm each
        assert row.differs, "pick a pair whose values differ, or the test proves nothing"


def test_a_tie_between_every_vehicle_marks_no_winner(client, catalogue):
    row = shown_table(client.get("/compare/kawasaki-ninja-zx-10r-vs-mahindra-xuv-7xo/")).row(
        "Power"
    )
    assert row.values == ["203 PS @ 13,200 rpm", "203 PS @ 5,000 rpm"]
    assert row.best == [False, False]


def test_vehicles_sharing_the_best_value_are_all_marked_when_another_falls_short(client, catalogue):
    url = "/compare/kawasaki-ninja-1100sx-vs-kawasaki-ninja-zx-10r-vs-mahindra-xuv-7xo/"
    row = shown_table(client.get(url)).row("Power")
    assert row.values[0] == "136 PS @ 9,000 rpm"
    assert row.best == [False, True, True]


def test_a_missing_figure_is_shown_as_a_dash_and_never_wins(client, catalogue):
    row = shown_table(client.get(E_ACCESS_VS_ORBITER)).row("Torque")
    assert row.values == ["15 Nm", "—"]
    assert row.best == [False, False]


def test_efficiency_in_kmpl_is_not_ranked_against_km_per_kwh(client, catalogue):
    Variant.objects.filter(vehicle_model__slug="e-access").update(
        claimed_efficiency=Decimal("30"), efficiency_unit="km/kWh"
    )
    row = shown_table(client.get(ACCESS_VS_E_ACCESS)).row("Claimed efficiency")
    assert row.values == ["45 kmpl", "30 km/kWh"]
    assert row.best == [False, False]
    assert row.differs


def test_efficiency_is_still_ranked_when_a_third_vehicle_has_no_figure(client, catalogue):
    url = "/compare/suzuki-access-125-vs-suzuki-e-access-vs-toyota-urban-cruiser-hyryder/"
    row = shown_table(client.get(url)).row("Claimed efficiency")
    assert row.values == ["45 kmpl", "—", "27.9 kmpl"]
    assert row.best == [True, False, False]


# --- prices ---------------------------------------------------------------------------------


def test_prices_read_in_lakh_with_rupees_below_a_lakh_and_ranges_for_several_variants(
    client, catalogue
):
    assert shown_table(client.get(E_ACCESS_VS_ORBITER)).row("Ex-showroom price").values == [
        "Rs 1.88 lakh",
        "Rs 99,900",
    ]
    assert shown_table(client.get(RC_VS_R15)).row("Ex-showroom price").values == [
        "Rs 1.85 lakh",
        "Rs 1.83 lakh to Rs 1.97 lakh",
    ]


def test_price_is_the_newest_ex_showroom_price_never_an_on_road_one(client, catalogue):
    # The RC 160 also has an on-road price of Rs 2.14 lakh in New Delhi; the Access 125 has
    # older ex-showroom prices of Rs 80,500 and Rs 82,800.
    rc = shown_table(client.get(RC_VS_R15)).row("Ex-showroom price")
    assert rc.values[0] == "Rs 1.85 lakh"
    access = shown_table(client.get(ACCESS_VS_E_ACCESS)).row("Ex-showroom price")
    assert access.values[0] == "Rs 84,200 to Rs 93,000"


def test_vehicle_without_a_price_shows_a_dash_and_the_other_is_not_called_best(client, catalogue):
    url = "/compare/maruti-suzuki-e-vitara-vs-suzuki-e-access/"
    table = shown_table(client.get(url))
    assert table.vehicles == ["Maruti Suzuki e-Vitara", "Suzuki e-Access"]
    price = table.row("Ex-showroom price")
    assert price.values == ["—", "Rs 1.88 lakh"]
    assert price.best == [False, False]


def test_prices_that_differ_by_less_than_the_lakh_rounding_still_count_as_different(
    client, catalogue
):
    _reprice("suzuki", "e-access", "standard", 185_400)
    url = "/compare/ktm-rc-160-vs-suzuki-e-access/"
    price = shown_table(client.get(url)).row("Ex-showroom price")
    assert price.best == [True, False]
    assert price.differs
    differences = shown_table(client.get(url, {"only": "differences"}))
    assert "Ex-showroom price" in differences.labels


def test_a_new_price_replaces_the_old_one_the_day_it_takes_effect(client, catalogue):
    _reprice("suzuki", "e-access", "standard", 195_000)
    price = shown_table(client.get(E_ACCESS_VS_ORBITER)).row("Ex-showroom price")
    assert price.values == ["Rs 1.95 lakh", "Rs 99,900"]


def test_a_price_announced_for_next_month_does_not_replace_todays_price(client, catalogue):
    _reprice("suzuki", "e-access", "standard", 195_000, days_from_today=30)
    price = shown_table(client.get(E_ACCESS_VS_ORBITER)).row("Ex-showroom price")
    assert price.values == ["Rs 1.88 lakh", "Rs 99,900"]
