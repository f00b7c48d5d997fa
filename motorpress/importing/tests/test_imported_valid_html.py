"""Every story and page imported from the suite's WordPress fixtures is valid HTML as served:
the W3C Nu HTML Checker finds no error in any of them (drafts checked through their preview).

This is what WordPress's own markup becomes here: classic text given paragraphs, block-editor
markup without its comments, tables, galleries, embeds and captions converted, titles with
markup made plain."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

from motorpress.core.tests import nu_checker
from motorpress.core.tests.test_valid_html import nu_checker_available  # noqa: F401 (fixture)
from motorpress.newsroom.models import ArticlePage, StandardPage
from motorpress.newsroom.services import site_structure_ensure

FIXTURES = Path(__file__).parent / "fixtures" / "wxr"
EXPORTS = ["shapes-export.xml", "autowire-export.xml"]

pytestmark = pytest.mark.django_db


@pytest.fixture
def imported(db):
    site_structure_ensure()
    for name in EXPORTS:
        call_command(
            "import_wordpress",
            str(FIXTURES / name),
            "--media-dir",
            str(FIXTURES / "media"),
            stdout=StringIO(),
        )


def served(client, page) -> tuple[int, bytes]:
    """A live page as a reader gets it; a draft or scheduled one as its editor previews it."""
    if page.live:
        response = client.get(page.url)
        return response.status_code, response.content
    response = page.get_latest_revision_as_object().make_preview_request()
    return response.status_code, response.content


def test_every_imported_story_and_page_is_valid_html(nu_checker_available, imported):  # noqa: F811
    client = Client()
    pages = [*ArticlePage.objects.order_by("pk"), *StandardPage.objects.order_by("pk")]
    assert len(pages) >= 46  # 16 shapes + 30 real-shaped stories, and the page tree
    documents, wrong = {}, []
    for page in pages:
        status, html = served(client, page)
        label = f"{page.title} ({page.url_path}{'' if page.live else ', preview'})"
        if status != 200:
            wrong.append(f"{label}: status {status}")
        documents[label] = html
    assert not wrong, wrong

    errors = nu_checker.check(documents)

    report = [
        f"{label}: " + "\n  ".join(str(error) for error in found)
        for label, found in errors.items()
        if found
    ]
    if report:
        pytest.fail(
            f"The Nu HTML Checker found errors in {len(report)} of {len(documents)} imported "
            "pages:\n" + "\n".join(report),
            pytrace=False,
        )
