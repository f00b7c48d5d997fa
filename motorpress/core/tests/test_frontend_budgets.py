"""Front-end budgets a reader's phone relies on, checked cheaply on the rendered demo pages.

`make lighthouse` audits the same page types in Chromium; these checks pin what can be read
from the HTML alone: how much CSS and JS a page pulls in (gzip-compressed, as served), that
nothing render-blocking comes from another origin, that every image reserves its box and is
offered in a modern format at several widths, and the head a search engine and a phone need.
"""

import gzip
import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.db import transaction
from django.test import Client

from motorpress.catalogue.models import VehicleModel
from motorpress.newsroom.models import ArticlePage

CSS_BUDGET = 30 * 1024
JS_BUDGET = 20 * 1024
MODERN_FORMAT = re.compile(r"\.(webp|avif)(\?|$)")
PAGES = ["home", "article", "vehicle", "compare", "tracker"]
# The pages are rendered once per module (below); the marker makes pytest-django set up the
# test database for this module even when it runs alone.
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def rendered(django_db_setup, django_db_blocker):
    """The five page types of the shipped demo, rendered once and then rolled back."""
    pages = {}
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_content", "--no-admin")
        live = ArticlePage.objects.live().order_by("-first_published_at")
        article = live.filter(hero_image__isnull=False).first()
        # Demo vehicles carry no photo; lend one a story's so its page's <img> is checked too.
        vehicle = VehicleModel.objects.select_related("make").get(make__slug="ktm", slug="rc-160")
        vehicle.image = article.hero_image
        vehicle.save(update_fields=["image"])
        paths = {
            "home": "/",
            "article": article.url,
            "vehicle": vehicle.get_absolute_url(),
            "compare": "/compare/ktm-rc-160-vs-yamaha-r15/",
            "tracker": "/tracker/",
        }
        client = Client()
        for name, path in paths.items():
            response = client.get(path)
            assert response.status_code == 200, f"{name} {path}: {response.status_code}"
            pages[name] = BeautifulSoup(response.content, "html.parser")
        transaction.set_rollback(True)
    return pages


def compressed_size(page, tag, url_attr, extra_filter=lambda node: True):
    """Gzip size of the files a page links to (read from the static dirs) plus inline code."""
    total = 0
    for node in page.find_all(tag):
        if not extra_filter(node):
            continue
        url = node.get(url_attr)
        if url:
            path = urlsplit(url).path
            assert path.startswith(settings.STATIC_URL), f"{url} is not one of our static files"
            found = finders.find(path.removeprefix(settings.STATIC_URL))
            assert found, f"{url} is linked but no static file holds it"
            with open(found, "rb") as handle:
                total += len(gzip.compress(handle.read()))
        elif node.string:
            total += len(gzip.compress(node.string.encode()))
    return total


def is_stylesheet(node):
    return node.name == "style" or "stylesheet" in (node.get("rel") or [])


def is_executable_script(node):
    # JSON-LD and other data blocks are not run, so they do not count against the JS budget.
    return node.get("type", "text/javascript") in ("text/javascript", "module", "")


@pytest.mark.parametrize("name", PAGES)
def test_css_and_js_stay_within_their_compressed_budgets(rendered, name):
    page = rendered[name]
    css = compressed_size(page, "link", "href", is_stylesheet)
    css += compressed_size(page, "style", "src")
    js = compressed_size(page, "script", "src", is_executable_script)
    assert css > 0, "the page links no stylesheet: the budget check would pass vacuously"
    assert css <= CSS_BUDGET, f"{name}: {css} bytes of CSS gzipped, budget {CSS_BUDGET}"
    assert js <= JS_BUDGET, f"{name}: {js} bytes of JS gzipped, budget {JS_BUDGET}"


@pytest.mark.parametrize("name", PAGES)
def test_no_stylesheet_or_script_comes_from_another_origin(rendered, name):
    page = rendered[name]
    links = [node["href"] for node in page.find_all("link", href=True) if is_stylesheet(node)]
    links += [node["src"] for node in page.find_all("script", src=True)]
    links += [node["href"] for node in page.find_all("link", rel="preload", href=True)]
    foreign = [url for url in links if urlsplit(url).netloc or url.startswith("//")]
    assert not foreign, f"{name}: render-blocking assets from elsewhere: {foreign}"


@pytest.mark.parametrize("name", PAGES)
def test_images_reserve_their_box_and_come_in_a_modern_format_at_several_widths(rendered, name):
    page = rendered[name]
    for img in page.select("main img"):
        assert img.get("width"), f"{name}: no width: {img}"
        assert img.get("height"), f"{name}: no height: {img}"
        assert img.get("srcset"), f"{name}: one size for every screen: {img}"
        candidates = [img["src"]] + [part.split()[0] for part in img["srcset"].split(",")]
        old = [url for url in candidates if not MODERN_FORMAT.search(url)]
        assert not old, f"{name}: not WebP/AVIF: {old}"


@pytest.mark.parametrize("name", ["home", "article", "vehicle"])
def test_the_lead_image_loads_first_not_lazily(rendered, name):
    lead = rendered[name].select_one("main img")
    assert lead is not None, f"{name}: the demo page has no image to check"
    assert lead.get("loading") != "lazy", f"{name}: the lead image waits for layout: {lead}"
    assert lead.get("fetchpriority") == "high", f"{name}: the lead image is not prioritised"


@pytest.mark.parametrize("name", PAGES)
def test_the_head_carries_language_viewport_title_and_description(rendered, name):
    page = rendered[name]
    assert page.html.get("lang"), f"{name}: <html> has no lang"
    viewport = page.find("meta", attrs={"name": "viewport"})
    assert viewport is not None, f"{name}: no viewport meta"
    assert "width=device-width" in viewport["content"], name
    assert page.title is not None, f"{name}: no <title>"
    assert page.title.get_text(strip=True), f"{name}: empty <title>"
    description = page.find("meta", attrs={"name": "description"})
    assert description is not None, f"{name}: no meta description"
    assert description["content"].strip(), f"{name}: empty meta description"
