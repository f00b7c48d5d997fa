"""A reader in a real Chromium: phone and desktop widths, accessibility, optional screenshots.

Set SCREENSHOTS=1 to save full-page PNGs of every page type to var/screenshots/.
"""

import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from playwright.sync_api import expect

from motorpress.newsroom.services import site_structure_ensure
from motorpress.newsroom.tests.factories import AuthorFactory, ImageFactory, create_article

pytestmark = pytest.mark.browser

LEAD_URL = "/news/xiaomi-ev-mass-production-2024/"
HIGHLIGHTS = [
    "Xiaomi says its first electric car is ahead of schedule.",
    "Mass production is due in the first half of 2024.",
    "The company has committed USD 10 billion over ten years.",
]
WRITERS = [("Asha Verma", "/authors/asha-verma/"), ("Kabir Shah", "/authors/kabir-shah/")]
VIEWPORTS = [
    pytest.param({"width": 390, "height": 844}, id="phone-390"),
    pytest.param({"width": 1366, "height": 900}, id="desktop-1366"),
]
PAGES = [
    pytest.param("/", id="home"),
    pytest.param(LEAD_URL, id="article"),
    pytest.param("/authors/asha-verma/", id="author"),
]
OTHER_STORIES = [
    ("news", "news", "Tata Motors posts record monthly sales in October"),
    ("news", "launch", "Royal Enfield launches the Shotgun 650 at Rs 3.59 lakh"),
    ("news", "offers", "Maruti Suzuki announces festive discounts on Nexa models"),
    ("news", "sales", "Two-wheeler sales cross two million units in September"),
    ("news", "milestone", "Mahindra rolls out its one millionth Scorpio"),
    ("news", "preview", "What to expect from the 2024 Hyundai Creta facelift"),
    ("reviews", "review", "Honda Elevate review: a sensible SUV done right"),
    ("reviews", "first_ride", "Ather 450 Apex first ride: the quickest Ather yet"),
    ("reviews", "road_test", "Kia Seltos diesel automatic road test"),
    ("comparisons", "comparison", "Creta vs Seltos vs Elevate: which mid-size SUV to buy"),
    ("features", "feature", "Why India's EV charging network is still patchy"),
    ("features", "feature", "Ten years of the Bajaj Pulsar, ridden back to back"),
]


@pytest.fixture
def server_url(live_server) -> str:
    """The live server by IP: Chromium's resolver rule (see conftest) fails every hostname."""
    return live_server.url.replace("://localhost:", "://127.0.0.1:")


def photo(**kwargs):
    """A 16:9 image big enough for every rendition, unlike the factory's 100 px default."""
    return ImageFactory(file__width=1600, file__height=900, file__color="slategray", **kwargs)


def overflows_horizontally(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth > window.innerWidth")


def save_screenshot_if_asked(page, name: str) -> None:
    """Full-page PNG when SCREENSHOTS=1, with lazy images forced to load first."""
    if os.environ.get("SCREENSHOTS") != "1":
        return
    page.evaluate("document.querySelectorAll('img').forEach(img => { img.loading = 'eager' })")
    page.wait_for_function("[...document.images].every(i => i.complete)")
    folder = Path(settings.BASE_DIR) / "var" / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=folder / f"{name}.png", full_page=True)


@pytest.fixture
def newsroom(transactional_db):
    """Twelve stories across the sections, then the newest: a two-author lead with a hero."""
    site = site_structure_ensure()
    for section, kind, title in OTHER_STORIES:
        create_article(
            site.sections[section],
            title=title,
            kind=kind,
            words=250 + 40 * len(title),
            hero_image=photo() if section != "news" else None,
        )
    writers = [AuthorFactory(name=name) for name, _ in WRITERS]
    return create_article(
        site.sections["news"],
        title="Xiaomi sets 2024 target for its first electric car",
        slug="xiaomi-ev-mass-production-2024",
        authors=writers,
        words=430,
        highlights=HIGHLIGHTS,
        hero_image=photo(title="Xiaomi's electric car prototype on test"),
    )


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_reader_opens_the_lead_story_from_home_and_sees_highlights_and_bylines(
    page, server_url, newsroom, viewport
):
    page.set_viewport_size(viewport)
    page.goto(server_url + "/")
    assert not overflows_horizontally(page), "home page scrolls sideways"

    page.locator("article.lead h2 a").click()
    page.wait_for_url(server_url + LEAD_URL)
    expect(page).to_have_url(server_url + LEAD_URL)
    expect(page.locator("h1")).to_have_text(newsroom.title)

    highlights = page.locator("ul.highlights li")
    expect(highlights).to_have_text(HIGHLIGHTS)
    for n in range(len(HIGHLIGHTS)):
        expect(highlights.nth(n)).to_be_visible()

    bylines = page.locator(".story__meta .byline a")
    expect(bylines).to_have_text([name for name, _ in WRITERS])
    for n, (_, href) in enumerate(WRITERS):
        expect(bylines.nth(n)).to_be_visible()
        expect(bylines.nth(n)).to_have_attribute("href", href)

    hero = page.locator(".story__hero img")
    expect(hero).to_be_visible()
    assert hero.evaluate("img => img.complete && img.naturalWidth > 0"), "hero image is broken"
    expect(page.locator("aside.rail li.rail-item")).to_have_count(10)
    assert not overflows_horizontally(page), "article page scrolls sideways"


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("path", PAGES)
def test_reader_with_assistive_tech_meets_no_axe_violations(
    page, server_url, newsroom, path, viewport
):
    page.set_viewport_size(viewport)
    response = page.goto(server_url + path)
    assert response.status == 200
    page_type = {"/": "home", LEAD_URL: "article"}.get(path, "author")
    save_screenshot_if_asked(page, f"{page_type}-{viewport['width']}")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
