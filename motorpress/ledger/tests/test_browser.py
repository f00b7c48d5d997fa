"""A reader with assistive tech on the promise tracker, in a real Chromium, with the demo."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command

pytestmark = pytest.mark.browser

VIEWPORTS = [
    pytest.param({"width": 390, "height": 844}, id="phone-390"),
    pytest.param({"width": 1366, "height": 900}, id="desktop-1366"),
]
PAGES = [
    pytest.param(
        "/tracker/",
        id="tracker",
    ),
    pytest.param("/tracker/suzuki/", id="suzuki"),
]


@pytest.fixture
def server_url(live_server) -> str:
    """The live server by IP: Chromium's resolver rule (see conftest) fails every hostname."""
    return live_server.url.replace("://localhost:", "://127.0.0.1:")


@pytest.fixture
def demo_ledger(transactional_db):
    call_command("load_demo_content", "--no-admin")


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("path", PAGES)
def test_reader_with_assistive_tech_meets_no_axe_violations_on_the_tracker(
    page, server_url, demo_ledger, path, viewport
):
    page.set_viewport_size(viewport)
    response = page.goto(server_url + path)
    assert response.status == 200
    assert page.locator("svg[role=img]").count() == 1  # the chart is part of what axe checks
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
