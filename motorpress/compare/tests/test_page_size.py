"""Compare and vehicle pages stay small in a real-sized catalogue, without losing a row.

A catalogue of 500 models used to put every one of them in four picker menus on each compare
page (153 KB of HTML for four vehicles); the compare page now links to the picker, and a
vehicle page offers its own segment's rivals.
"""

import pytest

from motorpress.catalogue.models import Make, VehicleModel
from motorpress.compare.selectors import comparison_for_slugs
from motorpress.compare.tests.conftest import model_named, shown_table, soup

pytestmark = pytest.mark.django_db

FOUR = "/compare/ktm-rc-160-vs-suzuki-e-access-vs-tvs-orbiter-vs-yamaha-r15/"
COMPARE_MAX_BYTES = 60_000


@pytest.fixture
def big_catalogue(catalogue):
    """The demo catalogue plus 500 models from 25 more makes, a third of them scooters."""
    makes = Make.objects.bulk_create(
        Make(name=f"Fleetmaker {n}", slug=f"fleetmaker-{n}", country="India") for n in range(25)
    )
    VehicleModel.objects.bulk_create(
        VehicleModel(
            make=makes[n % 25],
            name=f"Fleet {n}",
            slug=f"fleet-{n}",
            segment=("car", "motorcycle", "scooter")[n % 3],
            body_type="hatchback",
            status="on_sale",
            summary="A generated model.",
        )
        for n in range(500)
    )


def test_four_vehicles_compared_in_a_500_model_catalogue_fit_in_60_kb(client, big_catalogue):
    response = client.get(FOUR)
    assert response.status_code == 200
    assert len(response.content) < COMPARE_MAX_BYTES, f"{len(response.content):,} bytes"
    assert b"Fleet 1" not in response.content  # no menu of the whole catalogue


@pytest.mark.parametrize(
    "slugs",
    [
        ["ktm-rc-160", "suzuki-e-access", "tvs-orbiter", "yamaha-r15"],
        ["ktm-rc-160", "yamaha-r15"],
    ],
)
def test_no_row_is_lost_when_differences_come_first(client, catalogue, slugs):
    comparison = comparison_for_slugs(slugs)
    shown = shown_table(client.get(comparison.canonical_path))
    assert sorted(row.label for row in shown.rows) == sorted(
        row.label for row in comparison.table.rows
    )
    differs = [row.differs for row in shown.rows]
    assert differs == sorted(differs, reverse=True), "a row that is the same before a difference"


def test_what_is_the_same_is_collapsed_under_a_summary_that_counts_it(client, catalogue):
    page = soup(client.get("/compare/ktm-rc-160-vs-yamaha-r15/"))
    details = page.select_one("details.compare-same")
    assert details is not None
    assert not details.has_attr("open")
    same_rows = details.select("tbody tr.same")
    summary = details.select_one("summary").get_text(" ", strip=True)
    assert summary == f"The same on both: {len(same_rows)} specifications"
    assert page.select("table.compare-table")[0].select("tr.same") == []


def test_vehicle_page_offers_its_segments_rivals_not_the_whole_catalogue(client, big_catalogue):
    scooter = model_named("suzuki/e-access")
    page = soup(client.get(scooter.get_absolute_url()))
    options = [o.get_text(strip=True) for o in page.select("#compare-with option")]
    scooters = VehicleModel.objects.filter(segment="scooter").exclude(pk=scooter.pk).count()
    assert len(options) == scooters
    assert "TVS Orbiter" in options
    assert "Yamaha R15" not in options
    assert page.select_one('a[href="/compare/"]').get_text(strip=True) == "Compare other vehicles"
