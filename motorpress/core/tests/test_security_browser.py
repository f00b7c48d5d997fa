"""Content-Security-Policy in a real Chromium: readers' pages and the admin editor break nothing."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from playwright.sync_api import expect

from motorpress.catalogue.models import VehicleModel
from motorpress.newsroom.models import ArticlePage

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery staple"
# Runs before any page script, outside the page's CSP (Playwright injects it over DevTools).
COLLECT_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI}`);
});
"""


@pytest.fixture
def server_url(live_server) -> str:
    """The live server by IP: Chromium's resolver rule (see conftest) fails every hostname."""
    return live_server.url.replace("://localhost:", "://127.0.0.1:")


@pytest.fixture
def demo_site(transactional_db):
    """The demo newsroom, catalogue and tracker, committed so the live server can read them."""
    call_command("load_demo_content", "--no-admin")


@pytest.fixture
def watched_page(page):
    """A page that records CSP violations from events and from Chromium's console."""
    page.add_init_script(COLLECT_VIOLATIONS)
    console = []
    page.on(
        "console",
        lambda message: (
            console.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.csp_console = console
    return page


def violations(page) -> list[str]:
    return page.evaluate("window.__cspViolations || []") + page.csp_console


def test_readers_pages_load_with_no_csp_violation(demo_site, watched_page, server_url):
    page = watched_page
    article = ArticlePage.objects.live().order_by("-first_published_at").first()
    vehicle = VehicleModel.objects.order_by("pk").first()
    urls = [
        "/",
        article.url,
        vehicle.get_absolute_url(),
        "/tracker/",
        "/search/?q=electric",
        "/api/v1/docs",
        "/compare/",
    ]
    for url in urls:
        response = page.goto(server_url + url)
        assert response.status == 200, url
        assert "script-src 'self'" in response.headers["content-security-policy"]
        page.wait_for_load_state("load")
        if url == "/api/v1/docs":  # Swagger UI is script-built: its operations prove it ran
            expect(page.locator("#swagger-ui .opblock").first).to_be_visible()
        assert violations(page) == [], url

    # A comparison: the picker's form submits under form-action 'self'.
    page.locator("#pick-1 option").nth(1).wait_for(state="attached")
    first, second = (
        page.locator(f"#pick-{n} option:not([value=''])").nth(n - 1).get_attribute("value")
        for n in (1, 2)
    )
    page.select_option("#pick-1", first)
    page.select_option("#pick-2", second)
    page.get_by_role("button", name="Compare").click()
    page.wait_for_url(f"{server_url}/compare/*-vs-*/")
    expect(page.locator("table.compare-table").first).to_be_visible()
    assert violations(page) == []


def test_editor_saves_a_draft_and_previews_it_under_the_admin_policy(
    demo_site, watched_page, server_url
):
    # demo_site comes first so the page is closed before the database is flushed: the open
    # preview panel keeps asking the live server for updates, and a request in flight holds a
    # lock that made the flush fail.
    page = watched_page
    get_user_model().objects.create_superuser("editor", "editor@example.com", PASSWORD)
    article = ArticlePage.objects.live().order_by("pk").first()

    page.goto(server_url + "/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(server_url + "/admin/")

    page.goto(f"{server_url}/admin/pages/{article.pk}/edit/")
    title = page.locator("#id_title")
    expect(title).to_be_visible()
    title.fill(article.title + " (updated)")
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".messages")).to_contain_text("updated")
    article.refresh_from_db()
    assert article.has_unpublished_changes
    assert article.get_latest_revision_as_object().title.endswith("(updated)")

    # The preview panel frames an admin preview URL from the admin: allowed by frame-ancestors.
    page.locator('[data-side-panel-toggle="preview"]').click()
    preview = page.frame_locator("iframe#w-preview-iframe")
    expect(preview.locator("h1")).to_contain_text("(updated)")
    assert violations(page) == []
