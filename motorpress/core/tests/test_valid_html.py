"""Every page type a reader sees is valid HTML: the W3C Nu HTML Checker finds no error in it.

The demo newsroom is loaded, each page is rendered through the real views and templates with
Django's test client, and all of them go through one run of vnu.jar (see nu_checker.py): one
test, so that the suite's workers do not each start a JVM and load the demo for a share of
the pages. Without Java or the jar (`npm ci --ignore-scripts`) the test is skipped loudly;
with CI=true that is a failure.
"""

import os
import warnings
from dataclasses import dataclass
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db.models import Count
from django.test import Client, RequestFactory
from django.views.defaults import server_error

from motorpress.core.tests import nu_checker
from motorpress.newsroom.models import ArticleKind, ArticlePage, Author, SectionPage

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}  # as conftest.py reads it
VEHICLE = "/vehicles/suzuki/e-access/"
ON_ROAD = "?city=pune&down=20000&rate=9.5&tenure=36"
TWO = "/compare/ktm-rc-160-vs-yamaha-r15/"
FOUR = "/compare/simple-energy-one-gen-2-vs-suzuki-access-125-vs-suzuki-e-access-vs-tvs-orbiter/"
# name: (path, status, CSS selectors the page must match, so that the checked page is the one
# meant: a breakdown, a form error, a four-way table). Stories, a section and an author are
# looked up in the demo content (demo_pages below); the 500 page is rendered by its view.
PAGES = {
    "home": ("/", 200, [".lead", ".strip .card"]),
    "latest": ("/latest/", 200, [".card", "a[rel=next]"]),
    "vehicles": ("/vehicles/", 200, [".vehicle-card"]),
    "vehicles, filtered": ("/vehicles/?segment=scooter&powertrain=ev", 200, [".vehicle-card"]),
    "vehicles, upcoming": ("/vehicles/upcoming/", 200, []),
    "vehicles, electric": ("/vehicles/electric/", 200, [".vehicle-card"]),
    "make": ("/vehicles/suzuki/", 200, [".vehicle-card"]),
    "vehicle": (VEHICLE, 200, [".onroad-form"]),
    "vehicle, on-road and EMI": (VEHICLE + ON_ROAD, 200, [".onroad-breakdown", ".emi-result"]),
    "vehicle, EMI form errors": (VEHICLE + "?city=pune&rate=45&tenure=2", 200, [".form-error"]),
    "vehicle with tested figures": ("/vehicles/tvs/orbiter/", 200, [".claimed-vs-tested"]),
    "compare picker": ("/compare/", 200, [".compare-picker"]),
    "compare, two": (TWO, 200, [".compare-table"]),
    "compare, two in Pune": (TWO + "?city=pune", 200, ["#compare-city option[selected]"]),
    "compare, four": (FOUR, 200, [".compare-table thead th:nth-of-type(5)"]),
    "compare, four in Pune": (FOUR + "?city=pune", 200, ["#compare-city option[selected]"]),
    "tracker": ("/tracker/", 200, ["figure svg"]),
    "make tracker": ("/tracker/suzuki/", 200, []),
    "search": ("/search/?q=electric", 200, [".search-hit--story"]),
    "search, a make": ("/search/?q=suzuki", 200, [".search-hit--vehicle"]),
    "search, nothing found": ("/search/?q=zzqqxx", 200, []),
    "400, bad vehicle filter": ("/vehicles/?price=cheap", 400, []),
    "400, bad tracker filter": ("/tracker/?status=nope", 400, []),
    "400, bad cursor": ("/latest/?before=not-a-cursor", 400, []),
    "404": ("/no-such-page/", 404, []),
    # The Hindi edition: its own pages, a translation, the shared catalogue in Hindi words.
    "hi: home": ("/hi/", 200, [".lead", "link[hreflang=x-default]"]),
    "hi: latest": ("/hi/latest/", 200, [".card"]),
    "hi: section": ("/hi/news/", 200, [".card"]),
    "hi: translated story": (
        "/hi/news/suzuki-e-access-launched-price-range/",
        200,
        [".story", "link[hreflang=en-IN]"],
    ),
    "hi: comparison story": (
        "/hi/comparisons/suzuki-e-access-vs-tvs-orbiter-comparison/",
        200,
        [".compare-block table"],
    ),
    "hi: Hindi-only story": ("/hi/features/hindi-electric-two-wheeler-guide/", 200, [".story"]),
    "hi: vehicle, on-road and EMI": ("/hi" + VEHICLE + ON_ROAD, 200, [".onroad-breakdown"]),
    "hi: compare, two": ("/hi" + TWO, 200, [".compare-table"]),
    "hi: tracker": ("/hi/tracker/", 200, ["figure svg"]),
    "hi: search": ("/hi/search/?q=स्कूटर", 200, [".search-hit--story"]),
    "hi: 404": ("/hi/no-such-page/", 404, []),
}
pytestmark = pytest.mark.django_db


@dataclass
class Rendered:
    name: str
    url: str
    status: int
    expected_status: int
    html: bytes
    missing: list[str]


@pytest.fixture
def nu_checker_available():
    reason = nu_checker.unavailable_reason()
    if reason:
        message = f"the Nu HTML Checker cannot run: {reason}"
        if IN_CI:
            pytest.fail(f"{message}; CI=true makes this a failure")
        warnings.warn(f"\n\n*** SKIPPING HTML validation: {message} ***\n", stacklevel=1)
        pytest.skip(message)


@pytest.fixture
def demo(db):
    call_command("load_demo_content", "--no-admin")


def demo_pages() -> dict:
    """A story of each kind present in the demo, a section and an author, as PAGES has them."""
    pages = {}
    for kind in ArticleKind.values:
        # The story with the most tested figures (a review's measurements), else the newest.
        article = (
            ArticlePage.objects.live()
            .filter(kind=kind)
            .annotate(test_count=Count("tests"))
            .order_by("-test_count", "-first_published_at")
            .first()
        )
        if article:
            # A review's measurements print as a verdict; a comparison embeds a live table.
            selectors = [".story"] + [".review-verdict"] * bool(article.test_count)
            selectors += [".compare-block table"] * (kind == ArticleKind.COMPARISON)
            pages[f"article: {kind}"] = (article.url, 200, selectors)
    assert any(".review-verdict" in spec[2] for spec in pages.values()), "no tested figures"
    section = SectionPage.objects.live().order_by("path").first()
    pages["section"] = (section.url, 200, [".card"])
    author = Author.objects.order_by("slug").first()
    pages["author"] = (f"/authors/{author.slug}/", 200, [".card"])
    return pages


def render(client, name, url, status, selectors) -> Rendered:
    response = client.get(url)
    page = BeautifulSoup(response.content, "html.parser")
    missing = [selector for selector in selectors if not page.select_one(selector)]
    return Rendered(name, url, response.status_code, status, response.content, missing)


def render_all() -> list[Rendered]:
    client = Client()
    pages = [render(client, name, *spec) for name, spec in (PAGES | demo_pages()).items()]
    for listing in [page for page in pages if page.name in {"latest", "section"}]:
        older = BeautifulSoup(listing.html, "html.parser").select_one("a[rel=next]")
        if older:  # the second page of the listing: "Newest stories" and a page label
            url = urljoin(listing.url, older["href"])
            pages.append(render(client, f"{listing.name}, older stories", url, 200, [".card"]))
    response = server_error(RequestFactory().get("/"))
    pages.append(Rendered("500", "500 page", response.status_code, 500, response.content, []))
    return pages


def test_every_reader_page_type_is_valid_html(nu_checker_available, demo):
    pages = render_all()
    wrong = [
        f"{page.name} {page.url}: status {page.status}, expected {page.expected_status}"
        for page in pages
        if page.status != page.expected_status
    ]
    wrong += [
        f"{page.name} {page.url}: nothing matches {page.missing}" for page in pages if page.missing
    ]
    if wrong:
        pytest.fail("Not the pages meant to be checked:\n" + "\n".join(wrong), pytrace=False)

    errors = nu_checker.check({page.url: page.html for page in pages})

    report = [
        f"{page.name}: {len(errors[page.url])} error(s)\n"
        + "\n".join(f"  {error}" for error in errors[page.url])
        for page in pages
        if errors[page.url]
    ]
    if report:
        pytest.fail(
            f"The Nu HTML Checker found errors on {len(report)} of {len(pages)} pages:\n"
            + "\n".join(report),
            pytrace=False,
        )
