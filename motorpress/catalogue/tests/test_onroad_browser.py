"""The on-road price and EMI plan in a real Chromium: a reader picks a city and loan terms with
the plain form (no script of ours runs), and assistive technology meets no axe violation on the
breakdown, the plan, or the form's errors."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from playwright.sync_api import expect

from motorpress.compare.tests.conftest import DEMO_CATALOGUE

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
E_ACCESS = "/vehicles/suzuki/e-access/"


@pytest.fixture
def showroom(transactional_db):
    """The demo catalogue and its on-road rules, committed for the live server's thread."""
    call_command("import_catalogue", str(DEMO_CATALOGUE), "--no-progress")


def test_reader_picks_a_city_and_loan_terms_and_reads_the_plan(showroom, page, server_url):
    page.set_viewport_size(PHONE)
    page.goto(server_url + E_ACCESS)
    page.select_option("#id_city", "pune")
    page.fill("#id_down", "20000")
    page.fill("#id_rate", "9.5")
    page.fill("#id_tenure", "36")
    page.get_by_role("button", name="Show price and EMI").click()
    page.wait_for_url("**city=pune**")
    expect(page.locator("table.onroad-breakdown")).to_be_visible()
    expect(page.locator("table.onroad-breakdown tfoot")).to_contain_text("On-road total")
    expect(page.locator(".emi-result")).to_contain_text("for 36 months at 9.5")
    # The choices survive the round trip, so the reader can change one and submit again.
    expect(page.locator("#id_city")).to_have_value("pune")
    expect(page.locator("#id_down")).to_have_value("20000")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_rate_out_of_bounds_is_shown_beside_its_field(showroom, page, server_url):
    page.goto(server_url + E_ACCESS + "?city=pune&rate=45&tenure=36")
    error = page.locator("#id_rate_error")
    expect(error).to_be_visible()
    # Django points the field at its error (aria-describedby); the message must carry that id.
    expect(page.locator("#id_rate")).to_have_attribute("aria-describedby", "id_rate_error")
    expect(error).to_contain_text("30")
    expect(page.locator(".emi-result")).to_have_count(0)


@pytest.mark.parametrize(
    "query",
    [
        pytest.param("?city=pune&down=20000&rate=9.5&tenure=36", id="breakdown-and-plan"),
        pytest.param("?city=pune&rate=45&tenure=3", id="form-errors"),
        pytest.param("?city=nowhere", id="unknown-city"),
    ],
)
@pytest.mark.parametrize(
    "viewport", [pytest.param(PHONE, id="phone-390"), pytest.param(DESKTOP, id="desktop-1366")]
)
def test_the_on_road_section_meets_no_axe_violations(showroom, page, server_url, query, viewport):
    page.set_viewport_size(viewport)
    response = page.goto(server_url + E_ACCESS + query)
    assert response.status == 200
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
