"""A reader comparing vehicles picks a city and sees what each would cost on the road there."""

from motorpress.compare.tests.conftest import model_named, shown_table, soup
from motorpress.newsroom.tests.factories import create_article

SCOOTERS = "/compare/suzuki-e-access-vs-tvs-orbiter/"


def _vehicle_page_total(client, vehicle, city):
    """The total the vehicle's own page itemises for the same variant and city."""
    page = soup(client.get(vehicle.get_absolute_url(), {"city": city}))
    return page.select_one("table.onroad-breakdown tfoot strong").get_text(strip=True)


def test_a_chosen_city_adds_each_vehicles_on_road_total_as_its_own_page_itemises_it(
    client, catalogue
):
    response = client.get(SCOOTERS, {"city": "pune"})
    assert response.status_code == 200
    table = shown_table(response)
    totals = table.row("On-road price").values
    expected = [
        _vehicle_page_total(client, model_named(name), "pune")
        for name in ("suzuki/e-access", "tvs/orbiter")
    ]
    assert totals == expected
    assert all(total.startswith("Rs ") for total in totals)
    assert "Pune, Maharashtra" in response.content.decode()
    # The ex-showroom row is still there: the on-road total is added, never swapped in.
    assert table.row("Ex-showroom price").values[0].startswith("Rs ")


def test_without_a_city_the_table_is_ex_showroom_only_and_offers_the_city_picker(client, catalogue):
    response = client.get(SCOOTERS)
    assert "On-road price" not in shown_table(response).labels
    picker = soup(response).select_one("form.compare-city select[name=city]")
    assert {o["value"] for o in picker.select("option") if o["value"]} >= {"pune", "chennai"}


def test_an_unknown_city_is_said_so_and_the_comparison_still_shows(client, catalogue):
    response = client.get(SCOOTERS, {"city": "atlantis<script>"})
    assert response.status_code == 200
    assert "On-road price" not in shown_table(response).labels
    notice = soup(response).select_one(".notice").get_text()
    assert "atlantis<script>" in notice  # as text: the markup is escaped
    assert b"atlantis<script>" not in response.content


def test_a_city_costs_one_query_more_however_many_vehicles_are_compared(
    client, catalogue, queries_after_publish
):
    two, _ = queries_after_publish(client, SCOOTERS)
    with_city, _ = queries_after_publish(client, SCOOTERS + "?city=pune")
    assert len(with_city) == len(two) + 1  # the compared variants' price history
    four = (
        "/compare/simple-energy-one-gen-2-vs-suzuki-access-125-vs-suzuki-e-access-vs-tvs-orbiter/"
    )
    with_city_four, response = queries_after_publish(client, four + "?city=pune")
    assert response.status_code == 200, response.status_code
    assert len(with_city_four) == len(with_city)


def test_an_article_compare_table_can_show_on_road_totals_for_the_editors_city(
    client, site, catalogue
):
    e_access, orbiter = model_named("suzuki/e-access"), model_named("tvs/orbiter")
    create_article(
        site.sections["comparisons"],
        title="e-Access vs Orbiter: what you pay in Chennai",
        slug="e-access-vs-orbiter-chennai",
        kind="comparison",
        body=[
            {
                "type": "compare_table",
                "value": {"heading": "", "vehicles": [e_access.pk, orbiter.pk], "city": "chennai"},
            }
        ],
    )
    response = client.get("/comparisons/e-access-vs-orbiter-chennai/")
    block = soup(response).select_one("section.compare-block")
    totals = shown_table(block).row("On-road price").values
    assert totals == [
        _vehicle_page_total(client, vehicle, "chennai") for vehicle in (e_access, orbiter)
    ]
    link = block.find("a", string=lambda s: s and s.startswith("Full comparison"))
    assert link["href"].endswith("?city=chennai")
