"""A reader comparing vehicles in a real Chromium: the picker, the canonical page, the
differences toggle, and accessibility (axe) on the pages a comparison starts from."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from playwright.sync_api import expect

from motorpress.compare.tests.conftest import DEMO_CATALOGUE, model_named
from motorpress.newsroom.services import site_structure_ensure
from motorpress.newsroom.tests.factories import create_article

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
VIEWPORTS = [pytest.param(PHONE, id="phone-390"), pytest.param(DESKTOP, id="desktop-1366")]
RC_VS_R15 = "/compare/ktm-rc-160-vs-yamaha-r15/"


@pytest.fixture
def server_url(live_server) -> str:
    """The live server by IP: Chromium's resolver rule (see conftest) fails every hostname."""
    return live_server.url.replace("://localhost:", "://127.0.0.1:")


@pytest.fixture
def showroom(transactional_db):
    """The demo catalogue, committed so the live server's thread can read it."""
    call_command("import_catalogue", str(DEMO_CATALOGUE), "--no-progress")


def overflows_horizontally(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth > window.innerWidth")


def body_rows(page):
    return page.locator("table.compare-table tbody tr")


def test_reader_picks_two_vehicles_and_narrows_the_table_to_differences_and_back(
    page, server_url, showroom
):
    page.set_viewport_size(DESKTOP)
    page.goto(server_url + "/compare/")
    page.select_option("#pick-1", "yamaha-r15")
    page.select_option("#pick-2", "ktm-rc-160")
    page.get_by_role("button", name="Compare").click()

    page.wait_for_url(server_url + RC_VS_R15)
    headers = page.locator("table.compare-table").first.locator("thead th")
    expect(headers).to_have_text(["Specification", "KTM RC 160", "Yamaha R15"])
    expect(page.locator("h1")).to_have_text("KTM RC 160 vs Yamaha R15")
    all_rows = body_rows(page).count()
    assert all_rows >= 5

    page.get_by_role("link", name="Show differences only").click()
    page.wait_for_url(server_url + RC_VS_R15 + "?only=differences")
    differing = body_rows(page).count()
    assert 0 < differing < all_rows
    for n in range(differing):
        expect(body_rows(page).nth(n)).to_have_class("differs")
        expect(body_rows(page).nth(n).locator(".diff-flag")).to_be_visible()

    page.get_by_role("link", name="Show all specifications").click()
    page.wait_for_url(server_url + RC_VS_R15)
    expect(body_rows(page)).to_have_count(all_rows)
    assert not overflows_horizontally(page), "compare page scrolls sideways"


def test_reader_sees_differences_first_and_opens_what_is_the_same_without_script(
    browser, server_url, showroom
):
    context = browser.new_context(java_script_enabled=False, viewport=DESKTOP)
    page = context.new_page()
    page.goto(server_url + RC_VS_R15)
    differing, same = page.locator("table.compare-table").all()
    expect(differing.locator("tbody tr.differs").first).to_be_visible()
    expect(differing.locator("tbody tr.same")).to_have_count(0)
    expect(same).to_be_hidden()
    page.locator("details.compare-same summary").click()
    expect(same).to_be_visible()
    expect(same.locator("tbody tr.same").first).to_be_visible()
    context.close()


def test_reader_on_a_vehicle_page_compares_it_with_another_in_one_choice(
    page, server_url, showroom
):
    page.set_viewport_size(DESKTOP)
    page.goto(server_url + "/vehicles/ktm/rc-160/")
    page.select_option("#compare-with", "yamaha-r15")
    page.locator("form.compare-picker").get_by_role("button", name="Compare").click()

    page.wait_for_url(server_url + RC_VS_R15)
    expect(page.locator("table.compare-table").first.locator("thead th a")).to_have_text(
        ["KTM RC 160", "Yamaha R15"]
    )
    expect(page.locator("td.best", has_text="Rs 1.83 lakh")).to_be_visible()


def test_reader_who_picks_one_vehicle_is_told_why_nothing_was_compared(page, server_url, showroom):
    page.set_viewport_size(DESKTOP)
    page.goto(server_url + "/compare/")
    page.select_option("#pick-1", "ktm-rc-160")
    page.get_by_role("button", name="Compare").click()
    expect(page.get_by_role("alert")).to_have_text("Pick two to four different vehicles.")


def test_wide_four_vehicle_table_scrolls_inside_its_box_on_a_phone(page, server_url, showroom):
    page.set_viewport_size(PHONE)
    page.goto(server_url + "/compare/ktm-rc-160-vs-suzuki-e-access-vs-tvs-orbiter-vs-yamaha-r15/")
    expect(page.locator("table.compare-table thead th a")).to_have_count(4)
    assert not overflows_horizontally(page), "the page, not the table, scrolls sideways"


AXE_PAGES = {
    "vehicle": "/vehicles/suzuki/e-access/",
    "vehicles": "/vehicles/",
    "compare": RC_VS_R15,
    "compare-differences": RC_VS_R15 + "?only=differences",
    "compare-on-road": RC_VS_R15 + "?city=pune",
    "four-vehicles": "/compare/ktm-rc-160-vs-suzuki-e-access-vs-tvs-orbiter-vs-yamaha-r15/",
    "picker": "/compare/",
}


def _axe_cases():
    for name, path in AXE_PAGES.items():
        for viewport in VIEWPORTS:
            (size,) = viewport.values
            yield pytest.param(path, size, id=f"{name}-{viewport.id}")


@pytest.mark.parametrize(("path", "viewport"), list(_axe_cases()))
def test_reader_with_assistive_tech_meets_no_axe_violations(
    page, server_url, showroom, path, viewport
):
    page.set_viewport_size(viewport)
    response = page.goto(server_url + path)
    assert response.status == 200
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


@pytest.fixture
def comparison_story(showroom):
    """A published comparison whose body holds a live compare table of three vehicles."""
    site = site_structure_ensure()
    vehicles = [model_named("ktm/rc-160"), model_named("yamaha/r15"), model_named("tvs/orbiter")]
    return create_article(
        site.sections["comparisons"],
        title="Three ways to spend Rs 2 lakh",
        kind="comparison",
        body=[
            {"type": "paragraph", "value": "<p>Two sportbikes and a scooter.</p>"},
            {
                "type": "compare_table",
                "value": {"heading": "Side by side", "vehicles": [v.pk for v in vehicles]},
            },
        ],
    )


@pytest.mark.parametrize(
    "viewport",
    [
        pytest.param(
            PHONE,
            id="phone-390",
        ),
        pytest.param(DESKTOP, id="desktop-1366"),
    ],
)
def test_compare_table_in_an_article_scrolls_inside_its_box_not_the_page(
    page, server_url, comparison_story, viewport
):
    page.set_viewport_size(viewport)
    page.goto(server_url + comparison_story.url)
    expect(page.locator("section.compare-block table.compare-table thead th a")).to_have_count(3)
    assert not overflows_horizontally(page), "the article scrolls sideways"


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_article_with_a_compare_table_meets_no_axe_violations(
    page, server_url, comparison_story, viewport
):
    page.set_viewport_size(viewport)
    response = page.goto(server_url + comparison_story.url)
    assert response.status == 200
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
