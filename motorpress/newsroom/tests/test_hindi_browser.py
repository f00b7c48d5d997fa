"""The Hindi edition in a real Chromium: a reader switches from an English story to its Hindi
translation and back, and the Hindi home, story, vehicle and compare pages meet no axe
violation and do not overflow at phone and desktop widths. Screenshots of each are written to
test-results/hindi/ for a person to look at (line height for vowel signs, wrapping)."""

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.core.management import call_command
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
STORY = "news/suzuki-e-access-launched-price-range/"
HINDI_PAGES = {
    "home": "/hi/",
    "story": f"/hi/{STORY}",
    "vehicle": "/hi/vehicles/suzuki/e-access/?city=lucknow&down=20000&rate=9.5&tenure=36",
    "compare": "/hi/compare/suzuki-e-access-vs-tvs-orbiter/",
}
SHOTS = Path(settings.BASE_DIR) / "test-results" / "hindi"


@pytest.fixture
def demo_site(transactional_db):
    """The demo newsroom in both editions, committed so the live server can read it."""
    call_command("load_demo_content", "--no-admin")


def test_reader_switches_between_a_story_and_its_translation(demo_site, page, server_url):
    page.set_viewport_size(PHONE)
    page.goto(server_url + "/" + STORY)
    page.locator(".editions a[lang=hi-IN]").click()
    page.wait_for_url(f"**/hi/{STORY}")
    expect(page.locator("html")).to_have_attribute("lang", "hi-IN")
    expect(page.locator("h1")).to_contain_text("ई-एक्सेस")
    page.locator(".editions a[lang=en-IN]").click()
    page.wait_for_url(f"{server_url}/{STORY}")
    expect(page.locator("html")).to_have_attribute("lang", "en-IN")


@pytest.mark.parametrize(
    ("viewport", "label"), [(PHONE, "phone-390"), (DESKTOP, "desktop-1366")], ids=["390", "1366"]
)
def test_hindi_pages_meet_no_axe_violations_and_fit_the_screen(
    demo_site, page, server_url, viewport, label
):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size(viewport)
    for name, path in HINDI_PAGES.items():
        response = page.goto(server_url + path)
        assert response.status == 200, path
        expect(page.locator("html")).to_have_attribute("lang", "hi-IN")
        results = Axe().run(page)
        assert results.violations_count == 0, f"{path}\n{results.generate_report()}"
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} is {overflow}px wider than the {label} screen"
        page.screenshot(path=str(SHOTS / f"{name}-{label}.png"), full_page=True)
