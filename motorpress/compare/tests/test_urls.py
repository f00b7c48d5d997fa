"""A comparison has one address: 2-4 known vehicles in alphabetical order; anything else is a
redirect to it or a 404."""

import pytest

from motorpress.compare.tests.conftest import shown_table, soup

RC_VS_R15 = "/compare/ktm-rc-160-vs-yamaha-r15/"


def test_reader_comparing_rc_160_with_r15_sees_both_names_in_the_table_header(client, catalogue):
    response = client.get(RC_VS_R15)
    assert response.status_code == 200
    assert shown_table(response).vehicles == ["KTM RC 160", "Yamaha R15"]
    page = soup(response)
    assert page.h1.get_text(strip=True) == "KTM RC 160 vs Yamaha R15"
    assert page.select_one('link[rel="canonical"]')["href"] == f"http://testserver{RC_VS_R15}"


def test_reversed_comparison_moves_permanently_to_the_canonical_order(client, catalogue):
    response = client.get("/compare/yamaha-r15-vs-ktm-rc-160/")
    assert response.status_code == 301
    assert response["Location"] == RC_VS_R15


def test_redirect_to_the_canonical_order_keeps_the_differences_only_choice(client, catalogue):
    response = client.get("/compare/yamaha-r15-vs-ktm-rc-160/?only=differences")
    assert response.status_code == 301
    assert response["Location"] == f"{RC_VS_R15}?only=differences"


CANONICAL_THREE = "/compare/ktm-rc-160-vs-suzuki-e-access-vs-yamaha-r15/"
CANONICAL_FOUR = "/compare/ktm-rc-160-vs-suzuki-e-access-vs-tvs-orbiter-vs-yamaha-r15/"


@pytest.mark.parametrize(
    ("url", "names"),
    [
        (CANONICAL_THREE, ["KTM RC 160", "Suzuki e-Access", "Yamaha R15"]),
        (CANONICAL_FOUR, ["KTM RC 160", "Suzuki e-Access", "TVS Orbiter", "Yamaha R15"]),
    ],
    ids=["three", "four"],
)
def test_three_and_four_vehicle_comparisons_show_every_vehicle(client, catalogue, url, names):
    response = client.get(url)
    assert response.status_code == 200
    table = shown_table(response)
    assert table.vehicles == names
    assert all(len(row.values) == len(names) for row in table.rows)


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("/compare/yamaha-r15-vs-suzuki-e-access-vs-ktm-rc-160/", CANONICAL_THREE),
        ("/compare/suzuki-e-access-vs-ktm-rc-160-vs-yamaha-r15/", CANONICAL_THREE),
        ("/compare/ktm-rc-160-vs-yamaha-r15-vs-suzuki-e-access/", CANONICAL_THREE),
        (
            "/compare/yamaha-r15-vs-tvs-orbiter-vs-suzuki-e-access-vs-ktm-rc-160/",
            CANONICAL_FOUR,
        ),
        (
            "/compare/tvs-orbiter-vs-ktm-rc-160-vs-yamaha-r15-vs-suzuki-e-access/",
            CANONICAL_FOUR,
        ),
    ],
)
def test_any_order_of_several_vehicles_redirects_to_the_one_canonical_order(
    client, catalogue, url, canonical
):
    response = client.get(url)
    assert response.status_code == 301
    assert response["Location"] == canonical
    assert client.get(canonical).status_code == 200


def test_make_with_a_hyphen_in_its_slug_resolves(client, catalogue):
    response = client.get("/compare/maruti-suzuki-e-vitara-vs-toyota-urban-cruiser-ev/")
    assert response.status_code == 200
    assert shown_table(response).vehicles == ["Maruti Suzuki e-Vitara", "Toyota Urban Cruiser EV"]


@pytest.mark.parametrize(
    "url",
    [
        pytest.param("/compare/ktm-rc-160/", id="one-vehicle"),
        pytest.param("/compare/ktm-rc-160-vs-ktm-rc-160/", id="same-vehicle-twice"),
        pytest.param(
            "/compare/kawasaki-versys-1100-vs-ktm-rc-160-vs-suzuki-e-access"
            "-vs-tvs-orbiter-vs-yamaha-r15/",
            id="five-vehicles",
        ),
        pytest.param("/compare/honda-activa-vs-ktm-rc-160/", id="unknown-vehicle"),
        pytest.param("/compare/ktm-rc-160-vs-yamaha-r16/", id="unknown-model-of-known-make"),
        pytest.param("/compare/-vs-/", id="separator-alone"),
        pytest.param("/compare/ktm-rc-160-vs-/", id="empty-second-part"),
        pytest.param("/compare/-vs-ktm-rc-160/", id="empty-first-part"),
        pytest.param("/compare/ktm-rc-160-vs--vs-yamaha-r15/", id="empty-middle-part"),
        pytest.param("/compare/KTM-RC-160-vs-Yamaha-R15/", id="upper-case"),
        pytest.param("/compare/ktm-rc-160-vs-yamaha-R15/", id="one-upper-case-letter"),
        pytest.param(f"/compare/ktm-rc-160-vs-{'a' * 5000}/", id="5000-char-slug"),
        pytest.param(f"/compare/ktm-rc-160-vs-{'a-' * 2500}r15/", id="5000-char-hyphenated"),
    ],
)
def test_anything_but_two_to_four_distinct_known_vehicles_is_not_found(client, catalogue, url):
    response = client.get(url, follow=True)
    assert response.status_code == 404


def test_unknown_vehicle_in_canonical_order_is_not_found_without_a_redirect(client, catalogue):
    response = client.get("/compare/honda-activa-vs-ktm-rc-160-vs-yamaha-r15/")
    assert response.status_code == 404


def test_compare_page_only_answers_reads(client, catalogue):
    assert client.post(RC_VS_R15).status_code == 405
    assert client.head(RC_VS_R15).status_code == 200
