"""The picker at /compare/: a plain GET form that sends readers to the canonical comparison, and
a clear 400 (never a 500) when the choice cannot be compared."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from motorpress.compare.tests.conftest import soup

ERROR = "Pick two to four different vehicles."


def test_picker_page_offers_every_vehicle_in_four_labelled_menus(client, catalogue):
    response = client.get("/compare/")
    assert response.status_code == 200
    page = soup(response)
    form = page.select_one("form.compare-picker")
    assert form["method"] == "get"
    assert form["action"] == "/compare/"
    menus = form.select("select[name=v]")
    assert len(menus) == 4
    for menu in menus:
        assert page.select_one(f'label[for="{menu["id"]}"]') is not None
        values = [option["value"] for option in menu.select("option")]
        assert values[0] == ""  # "—": the optional third and fourth can stay empty
        assert len(values) == 16  # 15 models in the demo catalogue
    assert "ktm-rc-160" in values
    assert "maruti-suzuki-e-vitara" in values
    assert page.select_one(".error") is None


def test_picking_two_vehicles_redirects_to_their_canonical_comparison(client, catalogue):
    response = client.get("/compare/", {"v": ["yamaha-r15", "ktm-rc-160", "", ""]})
    assert response.status_code == 302
    assert response["Location"] == "/compare/ktm-rc-160-vs-yamaha-r15/"


def test_picking_four_vehicles_in_any_order_redirects_to_the_canonical_comparison(
    client, catalogue
):
    chosen = ["yamaha-r15", "tvs-orbiter", "maruti-suzuki-e-vitara", "ktm-rc-160"]
    response = client.get("/compare/", {"v": chosen})
    assert response.status_code == 302
    assert response["Location"] == (
        "/compare/ktm-rc-160-vs-maruti-suzuki-e-vitara-vs-tvs-orbiter-vs-yamaha-r15/"
    )
    assert client.get(response["Location"]).status_code == 200


def test_vehicle_page_compare_form_sends_its_own_vehicle_and_the_chosen_one(client, catalogue):
    page = soup(client.get("/vehicles/ktm/rc-160/"))
    form = page.select_one("form.compare-picker")
    assert form.select_one("input[type=hidden][name=v]")["value"] == "ktm-rc-160"
    options = [option["value"] for option in form.select("select[name=v] option")]
    assert "ktm-rc-160" not in options  # cannot compare a vehicle with itself
    response = client.get(form["action"], {"v": ["ktm-rc-160", "yamaha-r15"]})
    assert response["Location"] == "/compare/ktm-rc-160-vs-yamaha-r15/"


@pytest.mark.parametrize(
    "chosen",
    [
        pytest.param(["ktm-rc-160"], id="one"),
        pytest.param(["ktm-rc-160", "", "", ""], id="one-and-three-empty"),
        pytest.param(["ktm-rc-160", "ktm-rc-160"], id="duplicates"),
        pytest.param(
            ["ktm-rc-160", "yamaha-r15", "tvs-orbiter", "suzuki-e-access", "kawasaki-versys-1100"],
            id="five",
        ),
        pytest.param(["ktm-rc-160", "honda-activa"], id="unknown"),
        pytest.param(["ktm-rc-160", "yamaha"], id="make-without-model"),
        pytest.param(["ktm-rc-160", "KTM-RC-160"], id="upper-case"),
        pytest.param(["ktm-rc-160", "<script>alert(1)</script>"], id="markup"),
        pytest.param(["ktm-rc-160", "-vs-"], id="separator"),
        pytest.param(["ktm-rc-160", "a" * 5000], id="5000-chars-no-hyphen"),
    ],
)
def test_choices_that_cannot_be_compared_get_a_400_with_the_reason(client, catalogue, chosen):
    response = client.get("/compare/", {"v": chosen})
    assert response.status_code == 400
    page = soup(response)
    assert page.select_one('.error[role="alert"]').get_text(strip=True) == ERROR
    assert page.select_one("form.compare-picker") is not None  # the reader can try again
    assert b"<script>alert" not in response.content


def test_picker_ignores_a_sixth_vehicle_but_still_refuses_five(client, catalogue):
    chosen = ["ktm-rc-160", "yamaha-r15", "tvs-orbiter", "suzuki-e-access", "", "xiaomi-su7"]
    assert client.get("/compare/", {"v": chosen}).status_code == 400


def _five_thousand_character_name() -> str:
    return "a-" * 2499 + "ab"


def test_picker_answers_a_5000_character_hyphenated_name_with_400_never_500(client, catalogue):
    client.raise_request_exception = False
    response = client.get("/compare/", {"v": ["ktm-rc-160", _five_thousand_character_name()]})
    assert response.status_code == 400
    assert ERROR in response.content.decode()


def test_picker_turns_away_an_overlong_name_without_a_query_that_grows_with_it(client, catalogue):
    client.raise_request_exception = False
    with CaptureQueriesContext(connection) as queries:
        client.get("/compare/", {"v": ["ktm-rc-160", _five_thousand_character_name()]})
    sql_sent = sum(len(query["sql"]) for query in queries.captured_queries)
    assert sql_sent < 20_000, f"{sql_sent:,} characters of SQL for one picker request"


def test_picker_only_answers_reads(client, catalogue):
    assert client.post("/compare/", {"v": ["ktm-rc-160", "yamaha-r15"]}).status_code == 405
