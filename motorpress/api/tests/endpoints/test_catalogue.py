"""The catalogue through the API: makes, models with prices, and comparisons."""

from datetime import date

import pytest

from motorpress.catalogue.models import Make, Variant, VehicleModel
from motorpress.catalogue.tests.factories import PricePointFactory


def test_the_e_access_shows_its_current_price_claimed_range_and_price_history(api):
    body = api("/models/suzuki/e-access").json()
    assert body["full_name"] == "Suzuki e-Access"
    assert body["price_from"] == body["price_to"] == 188000
    assert body["price_display"] == "Rs 1.88 lakh"
    assert body["powertrains"] == ["ev"]
    (variant,) = body["variants"]
    assert variant["current_price"] == 188000
    assert variant["current_price_display"] == "₹1,88,000"
    assert variant["claimed_range_km"] == 95
    assert variant["range_test_cycle"] == "IDC"
    assert variant["battery_kwh"] == 3.07
    ex_showroom = [p for p in variant["prices"] if p["kind"] == "ex_showroom"]
    assert [p["amount"] for p in ex_showroom] == [188000]
    assert all(p["source"]["label"] for p in variant["prices"])
    assert body["articles_url"].endswith("/api/v1/articles?vehicle=suzuki%2Fe-access")


def test_a_variant_shows_its_price_history_newest_first(api, demo):
    variant = Variant.objects.get(vehicle_model__slug="e-access")
    PricePointFactory(variant=variant, amount=175000, effective_date=date(2025, 6, 1))
    PricePointFactory(variant=variant, amount=195000, effective_date=date(2099, 1, 1))
    (shown,) = api("/models/suzuki/e-access").json()["variants"]
    assert shown["current_price"] == 188000  # an announced future price is not in effect yet
    amounts = [(p["effective_date"], p["amount"]) for p in shown["prices"]]
    assert amounts[0] == ("2099-01-01", 195000)
    assert amounts[-1] == ("2025-06-01", 175000)


def test_makes_list_their_model_counts(api):
    items = api("/makes").json()["items"]
    assert [m["slug"] for m in items] == list(
        Make.objects.filter(models__isnull=False).distinct().values_list("slug", flat=True)
    )
    suzuki = next(m for m in items if m["slug"] == "suzuki")
    assert suzuki["model_count"] == VehicleModel.objects.filter(make__slug="suzuki").count()
    assert suzuki["url"] == "http://testserver/vehicles/suzuki/"


def test_a_make_lists_its_models(api):
    body = api("/makes/suzuki").json()
    assert body["name"] == "Suzuki"
    assert {m["slug"] for m in body["models"]} == {"access-125", "e-access"}
    assert api("/makes/nomake").status_code == 404


def _models(**lookups) -> list[str]:
    qs = VehicleModel.objects.filter(**lookups).distinct().order_by("make__name", "name")
    return [f"{m.make.slug}/{m.slug}" for m in qs]


@pytest.mark.parametrize(
    ("query", "lookups"),
    [
        ("segment=scooter", {"segment": "scooter"}),
        ("make=kawasaki", {"make__slug": "kawasaki"}),
        ("status=upcoming", {"status": "upcoming"}),
        ("powertrain=ev", {"variants__powertrain": "ev"}),
        ("segment=scooter&powertrain=ev", {"segment": "scooter", "variants__powertrain": "ev"}),
    ],
)
def test_model_filters_list_exactly_the_matching_models(api, query, lookups):
    expected = _models(**lookups)
    assert 0 < len(expected) < VehicleModel.objects.count()
    items = api(f"/models?{query}").json()["items"]
    assert [f"{m['make']['slug']}/{m['slug']}" for m in items] == expected


def test_the_price_filter_uses_current_ex_showroom_prices(api):
    items = api("/models?price=1-5").json()["items"]
    assert "suzuki/e-access" in {f"{m['make']['slug']}/{m['slug']}" for m in items}
    assert all(m["price_from"] < 500_000 and m["price_to"] >= 100_000 for m in items)


@pytest.mark.parametrize("query", ["segment=truck", "status=rumoured", "price=cheap", "make=%25"])
def test_a_bad_model_filter_is_a_422(api, query):
    response = api(f"/models?{query}")
    assert response.status_code == 422
    assert f"'{query.split('=')[0]}'" in response.json()["detail"]


def test_an_unknown_model_is_a_404_json(api):
    response = api("/models/suzuki/hayabusa-ev")
    assert response.status_code == 404
    assert response.json() == {"detail": "No model 'suzuki/hayabusa-ev' in the catalogue."}


def test_a_comparison_returns_both_vehicles_side_by_side(api):
    body = api("/compare?vehicles=ktm-rc-160&vehicles=yamaha-r15").json()
    assert body["title"] == "KTM RC 160 vs Yamaha R15"
    assert body["canonical_url"] == "http://testserver/compare/ktm-rc-160-vs-yamaha-r15/"
    assert [c["vehicle"]["compare_slug"] for c in body["vehicles"]] == ["ktm-rc-160", "yamaha-r15"]
    engine = next(row for row in body["rows"] if row["label"] == "Engine")
    assert [cell["display"] for cell in engine["cells"]] == ["164 cc", "155 cc"]
    power = next(row for row in body["rows"] if row["label"] == "Power")
    assert [cell["best"] for cell in power["cells"]] == [True, False]


def test_a_comparison_in_reverse_order_is_the_same_comparison(api):
    forward = api("/compare?vehicles=ktm-rc-160&vehicles=yamaha-r15")
    reverse = api("/compare?vehicles=yamaha-r15&vehicles=ktm-rc-160")
    assert reverse.json() == forward.json()
    assert reverse["ETag"] == forward["ETag"]


def test_three_and_four_way_comparisons(api):
    slugs = ["tvs-orbiter", "suzuki-e-access", "simple-energy-one-gen-2", "suzuki-access-125"]
    body = api("/compare?" + "&".join(f"vehicles={s}" for s in slugs)).json()
    assert [c["vehicle"]["compare_slug"] for c in body["vehicles"]] == sorted(slugs)
    assert all(len(row["cells"]) == 4 for row in body["rows"])


def test_an_unknown_vehicle_in_a_comparison_is_a_404_naming_it(api):
    response = api("/compare?vehicles=ktm-rc-160&vehicles=honda-activa-e")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not in the catalogue: honda-activa-e."}


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("vehicles=ktm-rc-160", 422),  # one vehicle
        ("", 422),
        ("vehicles=a-b&vehicles=c-d&vehicles=e-f&vehicles=g-h&vehicles=i-j", 422),  # five
        ("vehicles=KTM-RC-160&vehicles=yamaha-r15", 422),
        ("vehicles=ktm&vehicles=yamaha-r15", 422),  # no model part
        ("vehicles=ktm-rc-160&vehicles=ktm-rc-160", 400),
    ],
)
def test_a_malformed_comparison_is_refused_with_a_json_reason(api, query, status):
    response = api(f"/compare?{query}")
    assert response.status_code == status
    assert response.json()["detail"]
