"""The tracker's SVG charts: well-formed, labelled for assistive tech, escaped, with the same
figures in text beside them."""

import re
import xml.etree.ElementTree as ET
from datetime import date
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup

from motorpress.catalogue.tests.factories import MakeFactory, VehicleModelFactory
from motorpress.ledger.tests.factories import OutcomeFactory, dated_claim, figure_claim

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE_NAME = '<script>&"'


def svgs_in(html: str) -> list[ET.Element]:
    """Every inline SVG on the page, parsed as XML (raises if one is not well-formed)."""
    return [ET.fromstring(svg) for svg in re.findall(r"<svg\b.*?</svg>", html, flags=re.DOTALL)]


def bars(svg: ET.Element) -> list[tuple[str, str]]:
    """(label, figure) per bar, as a reader of the chart sees them."""
    return [tuple(text.text for text in group.iter(f"{SVG}text")) for group in svg.iter(f"{SVG}g")]


def assert_accessible(svg: ET.Element, title: str) -> None:
    assert svg.tag == f"{SVG}svg"
    assert svg.get("role") == "img"
    title_el, desc_el = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
    assert title_el.text == title
    assert desc_el.text.strip()
    assert svg.get("aria-labelledby").split() == [title_el.get("id"), desc_el.get("id")]


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def ranges(site):
    """Two range claims with tested figures; one vehicle's name is hostile markup."""
    tvs = MakeFactory(name="TVS")
    orbiter = VehicleModelFactory(make=tvs, name="Orbiter", slug="orbiter")
    hostile = VehicleModelFactory(make=MakeFactory(name="Zed"), name=HOSTILE_NAME, slug="zed-x")
    OutcomeFactory(claim=figure_claim(158, make=tvs, vehicle_model=orbiter), number=Decimal(112))
    OutcomeFactory(
        claim=figure_claim(120, make=hostile.make, vehicle_model=hostile), number=Decimal(90)
    )
    figure_claim(95, make=tvs)  # no tested figure yet: not charted


def test_range_chart_is_an_accessible_svg_with_a_table_of_the_same_figures(client, ranges):
    html = page(client, "/tracker/")
    (svg,) = svgs_in(html)
    assert_accessible(svg, "Tested range as a share of the claimed range")

    section = BeautifulSoup(html, "html.parser").select_one(
        'section[aria-labelledby="range-heading"]'
    )
    assert section.select_one("figure svg") is not None
    table = {
        tr.th.get_text(strip=True): [td.get_text(" ", strip=True) for td in tr.select("td")]
        for tr in section.select("table tbody tr")
    }
    charted = dict(bars(svg))
    assert charted.keys() == table.keys() == {"TVS Orbiter", f"Zed {HOSTILE_NAME}"}
    for vehicle, (claimed, tested, _gap) in table.items():
        tested_km, claimed_km = re.fullmatch(r"(\S+) of (\S+) km", charted[vehicle]).groups()
        assert Decimal(claimed_km) == Decimal(claimed.removesuffix(" km"))
        assert Decimal(tested_km) == Decimal(tested.split(" km")[0])
    assert table["TVS Orbiter"] == ["158 km", "112 km", "Worse by 29.1%"]


def test_range_chart_writes_figures_as_the_table_does_without_decimal_noise(client, ranges):
    (svg,) = svgs_in(page(client, "/tracker/"))
    assert dict(bars(svg))["TVS Orbiter"] == "112 of 158 km"


def test_a_vehicle_name_with_markup_is_escaped_in_the_chart_and_the_svg_still_parses(
    client, ranges
):
    html = page(client, "/tracker/")
    assert HOSTILE_NAME not in html
    assert "<script" not in html
    (svg,) = svgs_in(html)  # parses: the name's & and < arrive as entities
    assert f"Zed {HOSTILE_NAME}" in dict(bars(svg))


def test_the_tracker_has_no_range_chart_until_a_range_is_tested(client, site):
    figure_claim(95, make=MakeFactory(name="TVS"))
    html = page(client, "/tracker/")
    assert svgs_in(html) == []
    assert 'aria-labelledby="range-heading"' not in html


def test_make_page_delay_chart_is_accessible_and_matches_the_timeline(client, site):
    suzuki = MakeFactory(name="Suzuki")
    e_access = VehicleModelFactory(make=suzuki, name="e-Access", slug="e-access")
    scooter = VehicleModelFactory(make=suzuki, name=HOSTILE_NAME, slug="hostile")
    OutcomeFactory(
        claim=dated_claim("June 2025", make=suzuki, vehicle_model=e_access),
        happened_on=date(2026, 1, 9),
    )
    OutcomeFactory(
        claim=dated_claim("2024 Q1", make=suzuki, vehicle_model=scooter),
        happened_on=date(2024, 4, 2),
    )
    html = page(client, "/tracker/suzuki/")
    (svg,) = svgs_in(html)
    assert_accessible(svg, "Days late, per promise kept late")
    assert sorted(bars(svg)) == sorted(
        [("Suzuki e-Access", "193 days"), (f"Suzuki {HOSTILE_NAME}", "2 days")]
    )
    timeline = BeautifulSoup(html, "html.parser").select("ol.timeline li")
    late = {
        li.select_one(".meta a").get_text(strip=True): li.select_one("strong.status").get_text()
        for li in timeline
    }
    assert late == {
        "Suzuki e-Access": "Late by 193 days",
        f"Suzuki {HOSTILE_NAME}": "Late by 2 days",
    }


def test_make_page_delay_chart_reads_1_day_for_a_promise_one_day_late(client, site):
    OutcomeFactory(
        claim=dated_claim("June 2025", make=MakeFactory(name="Suzuki")),
        happened_on=date(2025, 7, 1),
    )
    (svg,) = svgs_in(page(client, "/tracker/suzuki/"))
    assert [figure for _label, figure in bars(svg)] == ["1 day"]
