"""import_html: saved article pages become drafts with the right title, byline, date and body,
and nothing from the page's navigation, rails or scripts comes along."""

import io
import json
import shutil
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from PIL import Image as PILImage
from wagtail.images import get_image_model

from motorpress.importing.fetching import safe_fetch
from motorpress.importing.html_import import HtmlImportError, html_article_import
from motorpress.importing.models import ImportedHtmlPage
from motorpress.importing.tests.local_http import ConnectRecorder, LocalServer, Route, allow_also
from motorpress.newsroom.models import ArticlePage, Author
from motorpress.newsroom.services import site_structure_ensure
from motorpress.newsroom.tests.factories import AuthorFactory

FIXTURES = Path(__file__).parent / "fixtures" / "html"
LAUNCH = FIXTURES / "kestrel-125-launch.html"
REVIEW = FIXTURES / "trailstorm-450-first-ride.html"
SALES = FIXTURES / "two-wheeler-sales-february-2026.html"

# Text that sits around the articles in the fixtures: menus, rails, banners, footers.
PAGE_FURNITURE = [
    "Latest News",
    "mins read",
    "Carmakers announce monsoon service camps",
    "Compact sedan facelift spied",
    "Seven-seat family MPV launch date",
    "Bikes &amp; Scooters",
    "Upcoming Launches",
    "EMI Calculator",
    "Expert Reviews",
    "cookie",
    "Accept all",
    "All rights reserved",
    "newsletter",
    "join the discussion",
]
UNSAFE = ["<script", "javascript:", "srcdoc", "onload", "onerror", "onclick", "<iframe", "<svg"]


@pytest.fixture
def sections(db):
    return site_structure_ensure().sections


def run(*args) -> str:
    out = io.StringIO()
    call_command("import_html", *map(str, args), stdout=out, stderr=out)
    return out.getvalue()


def stored_text(page: ArticlePage) -> str:
    """Everything stored for the draft: the page row and the revision editors will open."""
    page = ArticlePage.objects.get(pk=page.pk)
    revision = page.latest_revision.content
    return json.dumps(
        [
            page.title,
            page.teaser,
            page.body.get_prep_value(),
            page.highlights.get_prep_value(),
            revision,
        ]
    )


def png_bytes(size=(64, 32)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (200, 60, 20)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_a_saved_launch_story_becomes_a_draft_with_title_byline_date_and_body(sections):
    output = run(LAUNCH)

    page = ArticlePage.objects.get()
    assert not page.live
    assert page.get_parent().specific == sections["news"]
    assert page.title == "Zephyr Kestrel 125 electric scooter launched at Rs 1.88 lakh"
    assert page.slug == "zephyr-kestrel-125-launched-price-range"
    assert [author.name for author in page.authors] == ["Ananya Kulkarni"]
    assert page.first_published_at == datetime(2026, 3, 12, 5, 15, tzinfo=UTC)
    text = page.plain_text()
    assert "priced between Rs 1.45 lakh and Rs 1.95 lakh (ex-showroom)" in text
    headings = [block.value for block in page.body if block.block_type == "heading"]
    assert headings == [
        "Battery, range and charging",
        "Motor and performance",
        "Features and rivals",
    ]
    assert page.highlight_texts[0] == (
        "Zephyr Motors has launched the Kestrel 125 electric scooter in India at "
        "Rs 1.88 lakh (ex-showroom, Bengaluru)."
    )
    assert len(page.highlight_texts) == 3
    assert page.teaser.startswith("Zephyr Motors has launched the Kestrel 125")
    # og:image is a remote URL, but the browser saved a copy next to the page: that is used.
    assert page.hero_image.description == ""
    assert page.hero_image.width == 320
    assert "highlights: 3 taken from the article's first sentences" in output
    assert "from meta article:published_time" in output


@pytest.mark.parametrize("fixture", [LAUNCH, REVIEW, SALES], ids=lambda p: p.stem)
def test_navigation_rails_footers_and_unsafe_markup_stay_out(sections, fixture):
    run(fixture)
    stored = stored_text(ArticlePage.objects.get())
    for text in PAGE_FURNITURE + UNSAFE:
        assert text.lower() not in stored.lower(), text


def test_a_folder_imports_every_page_with_its_own_byline_date_and_highlights(sections):
    AuthorFactory(name="Karan Bhatia", slug="karan-bhatia")
    output = run(FIXTURES)

    pages = {page.title[:20]: page for page in ArticlePage.objects.all()}
    assert len(pages) == 3
    assert all(not page.live for page in pages.values())
    review = pages["Vayu Trailstorm 450 "]
    assert [a.name for a in review.authors] == ["Karan Bhatia"]
    assert Author.objects.filter(name="Karan Bhatia").count() == 1  # the existing one, reused
    assert review.first_published_at == datetime(2026, 2, 20, 2, 30, tzinfo=UTC)
    assert review.highlight_texts == [
        "Priced at Rs 2.95 lakh (ex-showroom, Delhi) for the base Ridge variant",
        "452 cc liquid-cooled single makes 40 PS and 42 Nm",
        "21-inch front wheel, 230 mm of ground clearance, 17-litre tank",
    ]
    assert [b.block_type for b in review.body].count("quote") == 1
    assert "Torque: 42 Nm at 6,250 rpm" in review.plain_text()
    sales = pages["Two-wheeler sales Fe"]
    assert [a.name for a in sales.authors] == ["Farhan Qureshi", "Meera Iyer"]
    assert sales.first_published_at == datetime(2026, 3, 3, 12, 50, tzinfo=UTC)
    assert sales.hero_image is None
    assert "not downloaded (pass --allow-downloads" in output
    assert "highlights: 3 taken from a bullet list at the top of the article" in output
    assert "3 file(s): 3 imported." in output


def test_importing_the_same_pages_again_creates_nothing(sections):
    run(FIXTURES)
    counts = (
        ArticlePage.objects.count(),
        Author.objects.count(),
        get_image_model().objects.count(),
        ImportedHtmlPage.objects.count(),
    )
    output = run(FIXTURES)
    assert output.count("skipped:") == 3
    assert "3 file(s): 3 skipped." in output
    assert counts == (
        ArticlePage.objects.count(),
        Author.objects.count(),
        get_image_model().objects.count(),
        ImportedHtmlPage.objects.count(),
    )
    assert counts[0] == 3


def test_the_same_article_saved_later_with_a_different_rail_is_recognised(sections, tmp_path):
    run(SALES)
    resaved = SALES.read_text().replace("Tyre makers raise prices", "Hatchback prices cut")
    (tmp_path / "sales-saved-again.html").write_text(resaved)
    output = run(tmp_path / "sales-saved-again.html")
    assert "skipped: sales-saved-again.html: already imported" in output
    assert ArticlePage.objects.count() == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The file is empty"),
        (b"   \n\n", "The file is empty"),
        (png_bytes(), "binary"),
        (
            b"<html><head><title>Home</title></head><body><nav><a href='/'>Home</a>"
            b"<a href='/news/'>News</a></nav><footer>All rights reserved</footer></body></html>",
            "No article text was found|does not look like an article",
        ),
        (
            b"<html><body><article><h1>Short</h1><p>Only a few words here.</p></article></body>",
            "does not look like an article",
        ),
    ],
    ids=["empty", "blank", "binary", "navigation-only", "too-short"],
)
def test_a_broken_file_gives_a_clear_message_and_no_page(sections, tmp_path, content, message):
    broken = tmp_path / "broken.html"
    broken.write_bytes(content)
    with pytest.raises(CommandError) as error:
        run(broken)
    assert "1 file(s) could not be imported" in str(error.value)
    with pytest.raises(HtmlImportError, match=message):
        html_article_import(path=broken, section=sections["news"])
    assert not ArticlePage.objects.exists()
    assert not Author.objects.exists()


def test_a_broken_file_in_a_folder_is_reported_and_the_rest_imported(sections, tmp_path):
    shutil.copy(LAUNCH, tmp_path / "a-launch.html")
    (tmp_path / "b-broken.html").write_bytes(b"\x00\x01 not html")
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError, match="1 file"):
        call_command("import_html", str(tmp_path), stdout=out, stderr=err)
    assert "failed: b-broken.html: The file is binary" in err.getvalue()
    assert "2 file(s): 1 imported, 1 failed." in out.getvalue()
    assert ArticlePage.objects.count() == 1
    assert ImportedHtmlPage.objects.count() == 1


def test_a_page_without_a_byline_needs_an_author_and_then_uses_it(sections, tmp_path):
    page = tmp_path / "no-byline.html"
    html = LAUNCH.read_text().replace('<meta name="author" content="Ananya Kulkarni">', "")
    byline = '<a rel="author" href="/authors/ananya-kulkarni/">Ananya Kulkarni</a>'
    page.write_text(html.replace(byline, ""))
    with pytest.raises(HtmlImportError, match="no byline found"):
        html_article_import(path=page, section=sections["news"])
    writer = AuthorFactory(name="Desk Reporter", slug="desk-reporter")
    run(page, "--author", "desk reporter", "--section", "features", "--kind", "launch")
    article = ArticlePage.objects.get()
    assert article.authors == [writer]
    assert article.kind == "launch"
    assert article.get_parent().slug == "features"


def test_a_dry_run_reports_and_writes_nothing(sections):
    output = run(LAUNCH, "--dry-run")
    assert "would import: kestrel-125-launch.html" in output
    assert "by Ananya Kulkarni (new)" in output
    assert not ArticlePage.objects.exists()
    assert not Author.objects.exists()
    assert not get_image_model().objects.exists()


def test_an_unknown_section_or_path_is_a_clear_error(sections, tmp_path):
    with pytest.raises(CommandError, match="No section 'motorsport'"):
        run(LAUNCH, "--section", "motorsport")
    with pytest.raises(CommandError, match="does not exist"):
        run(tmp_path / "missing.html")


def _page_with_image(folder: Path, image_src: str, name: str = "story.html") -> Path:
    """The sales story with its image at `image_src`; `name` also makes its title unique."""
    page = folder / name
    html = SALES.read_text().replace(
        "https://images.roadpulse.example/2026/03/scooter-showroom.jpg", image_src
    )
    page.write_text(html.replace("scooters grow faster", f"scooters grow faster ({name})"))
    return page


def test_remote_images_are_not_fetched_without_allow_downloads(sections):
    with ConnectRecorder() as connects:
        run(SALES)
    assert connects == []
    assert ArticlePage.objects.get().hero_image is None


def test_allowed_downloads_fetch_the_lead_image_through_safe_fetch(sections, tmp_path):
    with LocalServer() as server:
        server.routes["/showroom.png"] = Route(
            headers={"Content-Type": "image/png"}, body=png_bytes((80, 40))
        )
        page = _page_with_image(tmp_path, server.url("/showroom.png"))
        result = html_article_import(
            path=page,
            section=sections["news"],
            allow_downloads=True,
            fetch=partial(safe_fetch, allow=allow_also(("127.0.0.1", server.port))),
        )
    hero = ArticlePage.objects.get().hero_image
    assert (hero.width, hero.height) == (80, 40)
    assert hero.description == "Scooters lined up outside a dealership in Indore"
    assert result.lead_image == f"downloaded from {server.url('/showroom.png')}"


@pytest.mark.parametrize(
    "image_url",
    ["http://169.254.169.254/latest/meta-data/iam.png", "http://127.0.0.1:9/x.png"],
)
def test_downloads_from_private_addresses_are_refused(sections, tmp_path, image_url):
    page = _page_with_image(tmp_path, image_url)
    with ConnectRecorder() as connects:
        output = run(page, "--allow-downloads")
    assert connects == []
    assert "not a public address" in output
    article = ArticlePage.objects.get()
    assert article.hero_image is None  # the article itself is still imported


def test_a_downloaded_page_that_is_not_an_image_is_not_stored(sections, tmp_path):
    with LocalServer() as server:
        server.routes["/fake.png"] = Route(headers={"Content-Type": "text/html"}, body=b"<p>")
        page = _page_with_image(tmp_path, server.url("/fake.png"))
        result = html_article_import(
            path=page,
            section=sections["news"],
            allow_downloads=True,
            fetch=partial(safe_fetch, allow=allow_also(("127.0.0.1", server.port))),
        )
    assert "text/html, not wanted" in result.warnings[0]
    assert not get_image_model().objects.exists()


def test_image_paths_never_leave_the_pages_folder(sections, tmp_path):
    (tmp_path / "outside.png").write_bytes(png_bytes())
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "sneaky.png").symlink_to(tmp_path / "outside.png")
    _page_with_image(folder, "../outside.png", "up.html")
    _page_with_image(folder, "sneaky.png", "symlink.html")
    _page_with_image(folder, str(tmp_path / "outside.png"), "absolute.html")
    output = run(folder)
    assert output.count("leads outside the page's folder; refused") == 3
    assert "3 file(s): 3 imported." in output
    assert not get_image_model().objects.exists()


def test_a_deleted_draft_is_not_brought_back(sections):
    run(LAUNCH)
    ArticlePage.objects.get().delete()
    output = run(LAUNCH)
    assert "the draft was deleted since, not re-created" in output
    assert not ArticlePage.objects.exists()


def test_an_editor_can_open_and_preview_the_imported_draft(sections, client):
    run(REVIEW)
    draft = ArticlePage.objects.get()
    editor = get_user_model().objects.create_superuser("editor", "editor@example.com", "pw")
    client.force_login(editor)
    assert client.get(f"/admin/pages/{draft.pk}/edit/").status_code == 200
    preview = client.get(f"/admin/pages/{draft.pk}/view_draft/")
    assert preview.status_code == 200
    html = preview.content.decode()
    assert "Vayu Trailstorm 450 first ride review" in html
    assert "It is the rare adventure tourer that feels as much at home" in html
    assert "Mid-size SUV waiting period" not in html  # the old site's rail
    # The draft is not on the public site until an editor publishes it.
    assert client.get("/news/vayu-trailstorm-450-first-ride-review/").status_code == 404


def test_saved_images_that_are_too_large_or_not_images_are_skipped(sections, tmp_path, settings):
    shutil.copytree(FIXTURES / "kestrel-125-launch_files", tmp_path / "kestrel-125-launch_files")
    shutil.copy(LAUNCH, tmp_path)
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1000  # the saved JPEG is about 3 kB
    output = run(tmp_path / LAUNCH.name)
    assert "larger than the upload limit; skipped" in output
    assert ArticlePage.objects.get().hero_image is None

    fake = tmp_path / "fake.html"
    fake.write_text(
        SALES.read_text().replace(
            "https://images.roadpulse.example/2026/03/scooter-showroom.jpg", "fake.jpg"
        )
    )
    (tmp_path / "fake.jpg").write_text("<html>not really a photo</html>")
    assert "fake.jpg is not a readable image; skipped" in run(fake)
    assert not get_image_model().objects.exists()
