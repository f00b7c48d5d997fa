"""Every shape a real WordPress export takes imports whole: namespaces of WXR 1.0-1.2 over http
and https, classic and block-editor content, post formats, passwords, sticky, untitled and
empty posts, every status, many terms, long words, titles with markup, and the page tree.

The fixture (fixtures/wxr/shapes-export.xml) is written by motorpress.importing.wxr_samples,
one item per shape; regenerate it with `write_export(path)` after changing a shape."""

from pathlib import Path

import lxml.html
import pytest
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import PageViewRestriction

from motorpress.importing.models import ImportedItem
from motorpress.importing.tests import test_wxr_import as wxr_import
from motorpress.importing.wxr_samples import POST_SHAPES, WP_NAMESPACES, write_export
from motorpress.newsroom.models import ArticlePage, StandardPage

SHAPES = Path(__file__).parent / "fixtures" / "wxr" / "shapes-export.xml"


def run_import(path: Path = SHAPES) -> str:
    return wxr_import.run_import(export=path)


@pytest.fixture
def imported(site):
    return run_import()


def story(title_start: str) -> ArticlePage:
    return ArticlePage.objects.get(title__startswith=title_start)


def body_html(article: ArticlePage) -> str:
    return "".join(
        block["value"] for block in article.body.raw_data if block["type"] == "paragraph"
    )


def test_the_fixture_is_what_the_generator_writes(tmp_path):
    fresh = tmp_path / "shapes.xml"
    write_export(fresh)
    assert fresh.read_text() == SHAPES.read_text(), "regenerate the fixture with write_export"


@pytest.mark.parametrize("version", sorted(WP_NAMESPACES))
def test_every_wxr_version_and_namespace_imports_the_same(site, tmp_path, version):
    export = tmp_path / f"wxr-{version}.xml"
    write_export(export, version=version)
    report = run_import(export)
    assert "imported (published): 12" in report
    assert "imported (draft): 3" in report
    assert "imported (scheduled): 1" in report
    assert "imported page (published): 7" in report
    assert ArticlePage.objects.count() == len(POST_SHAPES)
    # The excerpt is read from the file's own excerpt namespace, whichever it is.
    assert story("TVS Orbiter: the numbers").teaser.startswith("The Orbiter's battery")


def test_classic_content_gets_paragraphs_but_no_break_inside_lists(imported):
    html = body_html(story("Suzuki e-Access launched"))
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for listing in root.iter("ul", "ol"):
        assert [child.tag for child in listing] == ["li"] * len(listing)
    assert "<li>A claimed range of 95 km<br>" in html  # a newline inside an item's text
    assert "<p>The figures below are the maker's.</p>" in html
    # The table keeps its rows: one paragraph each, cells split by "|".
    assert "<p>Battery | 3.07 kWh</p>" in html


def test_block_editor_markup_keeps_its_structure_and_loses_its_comments(imported):
    article = story("TVS Orbiter: the numbers")
    kinds = [block["type"] for block in article.body.raw_data]
    assert kinds[:3] == ["paragraph", "heading", "paragraph"]
    assert "quote" in kinds
    raw = str(article.body.raw_data)
    assert "wp:" not in raw
    assert "<p>Standard | Rs 99,900</p>" in raw
    layout = body_html(story("Three scooters, one week"))
    assert "<p>The Orbiter's wider seat suits two.</p>" in layout  # columns flattened in order
    assert 'href="https://shapes.example/book-a-test-ride/"' in layout  # the button's link


def test_embeds_known_providers_only_and_the_report_names_the_rest(imported):
    embeds = [b["value"] for b in story("Orbiter first ride").body.raw_data if b["type"] == "embed"]
    assert embeds == ["https://www.youtube.com/watch?v=dQw4w9WgXcQ"]
    assert "embed dropped (not a known video or social provider)" in imported
    video = [b["value"] for b in story("Launch clip").body.raw_data if b["type"] == "embed"]
    assert set(video) == {
        "https://www.youtube.com/watch?v=oHg5SJYRHA0",
        "https://vimeo.com/76979871",
    }


def test_password_protected_post_keeps_its_password(client, imported):
    article = story("Dealer price list")
    restriction = PageViewRestriction.objects.get(page=article)
    assert restriction.restriction_type == PageViewRestriction.PASSWORD
    assert restriction.password == "dealers-only"
    response = client.get(article.url)
    assert b"Net prices." not in response.content  # the password form, not the story


def test_untitled_empty_sticky_and_many_term_posts_import_with_notes(imported):
    assert ArticlePage.objects.filter(title="Untitled WordPress post 1007").exists()
    assert story("Photo of the day").live
    assert "sticky in WordPress" in imported
    many = story("Every category at once")
    assert many.tags.count() == 40


def test_statuses_map_to_live_draft_and_scheduled(imported):
    assert not story("Half-written comparison").live
    assert not story("Waiting for the editor").live
    assert not story("Notes for the desk").live
    scheduled = story("Coming soon")
    assert not scheduled.live
    assert scheduled.go_live_at.year == 2099


def test_a_title_with_markup_and_special_characters_is_plain_text(client, imported):
    article = story("Maruti")
    assert article.title == 'Maruti e Vitara vs Tata "Curvv": ₹17.5 lakh & up — which? <3'
    response = client.get(article.url)
    assert b"<em>e Vitara</em> vs" not in response.content
    assert "Maruti e Vitara vs Tata &quot;Curvv&quot;: ₹17.5 lakh &amp; up — which? &lt;3" in (
        response.content.decode()
    )


def test_pages_keep_their_tree_slugs_and_old_addresses(client, imported):
    assert StandardPage.objects.get(slug="team").get_parent().specific.slug == "about"
    assert client.get("/about/team/").status_code == 200
    assert client.get("/privacy-policy/cookies/").status_code == 200
    about = client.get("/about/")
    assert b'href="/about/team/"' in about.content  # the page lists its own pages
    page_id = ImportedItem.objects.get(kind="page", page__slug="contact").external_id
    redirect = Redirect.objects.get(old_path=f"/?page_id={page_id}")
    assert redirect.redirect_page.slug == "contact"
    assert redirect.is_permanent


def test_pages_that_cannot_keep_their_place_say_so(imported):
    # /search/ is the site's own search: the page moves aside and the report says where.
    assert StandardPage.objects.filter(slug__startswith="search-wp").exists()
    assert "slug 'search' already used here" in imported
    orphan = StandardPage.objects.get(slug="orphan")
    assert orphan.depth == 3  # at the top level, under the home page
    assert "parent page 999999 not in the export" in imported
    assert not StandardPage.objects.get(slug="draft-page").live
    assert "skipped page (trash): 1" in imported
    assert "page not imported: WordPress status 'trash'" in imported


def test_a_second_run_changes_nothing(imported):
    before = (ArticlePage.objects.count(), StandardPage.objects.count(), Redirect.objects.count())
    again = run_import()
    assert "unchanged: 16" in again
    assert "unchanged page: 8" in again
    after = (ArticlePage.objects.count(), StandardPage.objects.count(), Redirect.objects.count())
    assert after == before
