"""Hostile export files: each is refused with a clear message or imported cleaned, nothing
unsafe is stored, and nothing is fetched from the server's own network."""

import socket
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from wagtail.images import get_image_model

from motorpress.importing.models import ImportedItem
from motorpress.newsroom.models import ArticlePage, Author

FIXTURES = Path(__file__).parent / "fixtures" / "wxr"


@pytest.fixture
def no_outbound_connections(monkeypatch):
    """Fail the test if anything opens a network connection from Python."""
    attempts = []

    def refuse(self, address, *args):
        attempts.append(address)
        raise AssertionError(f"outbound connection attempted to {address}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    return attempts


def run(name: str, *args) -> str:
    out = StringIO()
    call_command(
        "import_wordpress",
        str(FIXTURES / name),
        "--media-dir",
        str(FIXTURES / "media"),
        *args,
        stdout=out,
    )
    return out.getvalue()


def nothing_written():
    return not (
        ArticlePage.objects.exists() or Author.objects.exists() or ImportedItem.objects.exists()
    )


@pytest.mark.parametrize("name", ["billion-laughs.xml", "external-entity.xml"])
def test_entity_declarations_are_refused_before_anything_is_read(site, name):
    with pytest.raises(CommandError, match="declares a DOCTYPE"):
        run(name)
    assert nothing_written()


def test_a_truncated_file_is_refused_with_its_line_and_nothing_is_written(site):
    with pytest.raises(CommandError, match=r"truncated\.xml: broken XML at line \d+"):
        run("truncated.xml")
    # The first two posts were complete, but the file is checked before anything is written.
    assert nothing_written()


def test_invalid_utf8_is_refused_with_a_clear_message(site):
    with pytest.raises(CommandError, match=r"invalid UTF-8 .*at line 146"):
        run("invalid-utf8.xml")
    assert nothing_written()


def test_a_file_that_is_not_a_wordpress_export_is_refused(site):
    with pytest.raises(CommandError, match="not a WordPress export"):
        run("not-wordpress.xml")


def test_a_missing_file_is_a_clear_error(site):
    with pytest.raises(CommandError, match="No such file"):
        run("no-such-export.xml")


def test_a_namespace_that_is_not_wordpress_is_refused(site, tmp_path):
    export = tmp_path / "lookalike.xml"
    export.write_text(
        '<?xml version="1.0"?><rss xmlns:wp="https://wordpress.example/export/1.2/"><channel>'
        "<item><title>Hi</title></item></channel></rss>"
    )
    with pytest.raises(CommandError, match="not a WordPress export"):
        run(str(export))
    assert nothing_written()


@pytest.mark.parametrize(
    "name", ["not-wordpress.xml", "truncated.xml", "billion-laughs.xml", "no-such-export.xml"]
)
def test_bad_files_exit_with_status_2_and_one_line(site, name):
    """What a shell script sees: exit status 2, as for a usage error, and one clear line."""
    with pytest.raises(CommandError) as caught:
        run(name)
    assert caught.value.returncode == 2
    assert "\n" not in str(caught.value)
    assert nothing_written()


def test_hostile_markup_is_cleaned_and_internal_urls_are_never_fetched(
    site, no_outbound_connections
):
    report = run("hostile-content.xml")
    article = ArticlePage.objects.get(slug="xtreme-125r-price-list")
    stored = str(article.body.raw_data)
    for fragment in [
        "<script",
        "javascript:",
        "jav&#x61;script",
        "data:text",
        "srcdoc",
        "<iframe",
        "<svg",
        "onload",
        "onerror",
        "onmouseover",
        "style=",
        "169.254.169.254",
        "127.0.0.1",
        "evil.example",
    ]:
        assert fragment not in stored, fragment
    assert "Dealers report strong demand." in article.plain_text()
    assert article.title == "Hero Xtreme 125R price list"
    assert article.hero_image is None
    assert get_image_model().objects.count() == 0
    assert "downloads are off, not fetched: http://169.254.169.254/" in report
    assert "downloads are off, not fetched: http://127.0.0.1:6379/photo.jpg" in report
    assert "image path leaves the media folder, refused" in report
    assert "[WP 910]: unsafe markup removed" in report
    assert "embed dropped (not a known video or social provider): http://127.0.0.1:8000" in report
    assert no_outbound_connections == []


def test_with_downloads_on_the_fetcher_refuses_internal_addresses(site, no_outbound_connections):
    report = run("hostile-content.xml", "--allow-downloads")
    assert "refused as unsafe, not fetched: http://169.254.169.254/" in report
    assert "refused as unsafe, not fetched: http://127.0.0.1:6379/photo.jpg" in report
    assert "refused as unsafe, not fetched: file:///etc/passwd" in report
    assert get_image_model().objects.count() == 0
    assert no_outbound_connections == []
