"""A reader picks a city on a vehicle page and sees what they would pay, line by line."""

import pytest
from bs4 import BeautifulSoup

from motorpress.catalogue.models import City, RoadTaxRule, StateCharges

pytestmark = pytest.mark.django_db

DEMO_STATES = {
    "Delhi",
    "Maharashtra",
    "Karnataka",
    "Tamil Nadu",
    "Uttar Pradesh",
    "Telangana",
    "Gujarat",
}


def breakdown_rows(response) -> dict[str, str]:
    page = BeautifulSoup(response.content, "html.parser")
    table = page.select_one("table.onroad-breakdown")
    assert table is not None, "no breakdown on the page"
    return {
        row.th.get_text(" ", strip=True): row.get_text(" ", strip=True)
        for row in table.select("tbody tr, tfoot tr")
    }


def test_the_importer_loads_demo_rules_for_seven_states_all_marked_demo(demo_catalogue):
    assert set(RoadTaxRule.objects.values_list("state", flat=True)) == DEMO_STATES
    assert set(StateCharges.objects.values_list("state", flat=True)) == DEMO_STATES
    assert not RoadTaxRule.objects.filter(is_demo=False).exists()
    assert City.objects.filter(slug="pune", state="Maharashtra").exists()


@pytest.mark.parametrize("city", ["new-delhi", "pune", "bengaluru", "chennai", "lucknow"])
@pytest.mark.parametrize("vehicle", ["/vehicles/suzuki/e-access/", "/vehicles/tvs/orbiter/"])
def test_demo_pages_show_an_itemised_on_road_price_with_sources(
    client, demo_catalogue, vehicle, city
):
    response = client.get(vehicle, {"city": city})
    assert response.status_code == 200
    rows = breakdown_rows(response)
    labels = [label.split(" (price")[0].split(" (national")[0] for label in rows]
    assert labels[:4] == [
        "Ex-showroom",
        "Road tax",
        "Registration",
        "Insurance (estimate)",
    ]
    assert "On-road total" in rows
    assert "Demo rule" in rows["Road tax"]
    assert "demo figure" in response.content.decode()


def test_an_expired_ev_waiver_charges_the_slab_rate(client, demo_catalogue, settings):
    # The demo Tamil Nadu waiver ended on 31 Dec 2025; e-Access (Rs 1.88 lakh) pays 12 %.
    response = client.get("/vehicles/suzuki/e-access/", {"city": "chennai"})
    assert "₹22,560" in breakdown_rows(response)["Road tax"]


def test_a_live_ev_waiver_makes_road_tax_zero(client, demo_catalogue):
    response = client.get("/vehicles/suzuki/e-access/", {"city": "pune"})
    assert "₹0 " in breakdown_rows(response)["Road tax"]


def test_unknown_city_says_so_and_shows_no_breakdown(client, demo_catalogue):
    response = client.get("/vehicles/suzuki/e-access/", {"city": "atlantis"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "We have no on-road rules for “atlantis”" in html
    assert "onroad-breakdown" not in html


def test_no_rule_for_the_class_leaves_the_total_unknown(client, demo_catalogue):
    RoadTaxRule.objects.filter(state="Karnataka", vehicle_class="two_wheeler").delete()
    response = client.get("/vehicles/suzuki/e-access/", {"city": "bengaluru"})
    rows = breakdown_rows(response)
    assert "Road tax unknown here" in rows["Road tax"]
    assert "no total" in rows["On-road total"]


def test_emi_is_computed_from_get_parameters_without_javascript(client, demo_catalogue):
    response = client.get(
        "/vehicles/suzuki/e-access/",
        {"city": "pune", "down": "20000", "rate": "0", "tenure": "12"},
    )
    page = BeautifulSoup(response.content, "html.parser")
    result = page.select_one(".emi-result").get_text(" ", strip=True)
    assert "for 12 months at 0 %" in result
    assert "total interest ₹0" in result


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"rate": "31"}, "less than or equal to 30"),
        ({"tenure": "5"}, "greater than or equal to 6"),
        ({"rate": "abc"}, "Enter a number"),
        ({"down": "99999999"}, "between 0 and 100 % of the price"),
    ],
)
def test_bad_emi_input_is_a_form_error_never_a_500(client, demo_catalogue, params, message):
    response = client.get("/vehicles/suzuki/e-access/", {"city": "pune", **params})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "emi-result" not in response.content.decode()


def test_json_ld_offers_the_on_road_price_with_its_components(client, demo_catalogue):
    import json

    response = client.get("/vehicles/suzuki/e-access/", {"city": "pune"})
    page = BeautifulSoup(response.content, "html.parser")
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    on_road = data["offers"][-1]
    components = on_road["priceSpecification"]["priceComponent"]
    assert on_road["price"] == sum(component["price"] for component in components)
    assert components[0]["name"] == "Ex-showroom"


def test_a_diesel_car_pays_the_diesel_slab_and_a_petrol_one_the_general(demo_catalogue):
    from datetime import date

    from motorpress.catalogue import onroad
    from motorpress.catalogue.tests.factories import (
        PricePointFactory,
        VariantFactory,
        VehicleModelFactory,
    )

    car = VehicleModelFactory(segment="car", name="Test Saloon")
    taxes = {}
    for fuel in ("diesel", "petrol", ""):
        variant = VariantFactory(vehicle_model=car, name=f"Trim {fuel or 'blank'}", fuel=fuel)
        PricePointFactory(variant=variant, amount=800_000, effective_date=date(2025, 1, 1))
        (quote,) = onroad.on_road_quotes(
            [variant], segment="car", city=onroad.city_by_slug("new-delhi")
        )
        taxes[fuel] = quote.breakdown.lines[1]
    assert taxes["diesel"].amount == 70_000  # 8.75 % of Rs 8 lakh
    assert taxes["diesel"].source == "Demo rule: Delhi diesel car slab (unconfirmed)"
    assert taxes["petrol"].amount == taxes[""].amount == 56_000  # 7 %: blank counts as petrol


def test_the_nearest_ex_showroom_price_is_used_and_the_page_says_whose(client, demo_catalogue):
    from datetime import date

    from motorpress.catalogue.models import Variant
    from motorpress.catalogue.tests.factories import PricePointFactory

    standard = Variant.objects.get(vehicle_model__slug="e-access", slug="standard")
    PricePointFactory(
        variant=standard, amount=191_000, state="Maharashtra", effective_date=date(2026, 2, 1)
    )
    PricePointFactory(
        variant=standard, amount=193_500, city="Pune", effective_date=date(2026, 2, 1)
    )
    rows = {
        city: breakdown_rows(client.get("/vehicles/suzuki/e-access/", {"city": city}))
        for city in ("pune", "mumbai", "chennai")
    }
    ex_showroom = {city: next(iter(found.items())) for city, found in rows.items()}
    assert ex_showroom["pune"][0] == "Ex-showroom (price for Pune)"
    assert "₹1,93,500" in ex_showroom["pune"][1]
    assert ex_showroom["mumbai"][0] == "Ex-showroom (price for Maharashtra)"
    assert "₹1,91,000" in ex_showroom["mumbai"][1]
    assert ex_showroom["chennai"][0] == "Ex-showroom (national price)"
    assert "₹1,88,000" in ex_showroom["chennai"][1]
    # The headline price, in the variants table and in listings, stays the national one.
    page = client.get("/vehicles/suzuki/e-access/").content.decode()
    assert "(₹1,88,000)" in page
    assert "(₹1,93,500)" not in page


def test_a_road_tax_edit_shows_on_an_already_read_breakdown_at_once(
    client, demo_catalogue, django_capture_on_commit_callbacks
):
    # The rules are cached under their own generation; their save must move it on.
    assert (
        "₹22,560"
        in breakdown_rows(client.get("/vehicles/suzuki/e-access/", {"city": "chennai"}))["Road tax"]
    )
    with django_capture_on_commit_callbacks(execute=True):
        RoadTaxRule.objects.filter(state="Tamil Nadu", vehicle_class="two_wheeler").delete()
    response = client.get("/vehicles/suzuki/e-access/", {"city": "chennai"})
    assert "Road tax unknown here" in breakdown_rows(response)["Road tax"]


def test_a_price_edit_leaves_the_rule_tables_cached(
    client, demo_catalogue, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    from motorpress.catalogue.models import PricePoint
    from motorpress.catalogue.onroad import pricing_tables

    client.get("/vehicles/suzuki/e-access/", {"city": "chennai"})
    price = PricePoint.objects.filter(variant__vehicle_model__slug="e-access").first()
    with django_capture_on_commit_callbacks(execute=True):
        price.save()
    with django_assert_max_num_queries(0):
        tables = pricing_tables()
    assert any(city.slug == "chennai" for city in tables.cities)
