"""The Hindi catalog: complete, never fuzzy, compiled without GNU gettext, and in step with the
strings in the code and templates; and pages render in Hindi under the Hindi language."""

import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.core.management import call_command
from django.template.loader import render_to_string
from django.utils import translation

from motorpress.core.translations import CatalogError, compile_catalog

HINDI_PO = Path(settings.LOCALE_PATHS[0]) / "hi" / "LC_MESSAGES" / "django.po"


def messages(po_path: Path):
    with po_path.open("rb") as handle:
        return [m for m in read_po(handle) if m.id]


def keys(po_path: Path) -> set:
    return {(m.context, m.id if isinstance(m.id, str) else tuple(m.id)) for m in messages(po_path)}


def test_every_hindi_message_is_translated_and_none_is_fuzzy():
    catalog = messages(HINDI_PO)
    assert len(catalog) > 300
    fuzzy = [m.id for m in catalog if m.fuzzy]
    strings = [(m.id, s) for m in catalog for s in (m.string if m.pluralizable else [m.string])]
    untranslated = [message_id for message_id, string in strings if not string]
    assert fuzzy == []
    assert untranslated == []


def test_the_catalog_declares_hindi_plural_forms():
    text = HINDI_PO.read_text(encoding="utf-8")
    assert '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"' in text
    assert '"Language: hi\\n"' in text


def test_babel_compiles_the_catalog_and_refuses_a_broken_one(tmp_path):
    copy = tmp_path / "django.po"
    shutil.copy(HINDI_PO, copy)
    assert compile_catalog(copy).stat().st_size > 10_000
    copy.write_text(HINDI_PO.read_text(encoding="utf-8") + '\nmsgid "unclosed\n', "utf-8")
    with pytest.raises(CatalogError):
        compile_catalog(copy)
    copy.write_text('msgid ""\nmsgstr ""\n\nmsgid "Kept"\nmsgstr ""\n', "utf-8")
    with pytest.raises(CatalogError, match="untranslated"):
        compile_catalog(copy)


@pytest.mark.skipif(not shutil.which("xgettext"), reason="GNU gettext (xgettext) not installed")
def test_every_string_in_the_code_has_a_hindi_translation(tmp_path, monkeypatch, settings):
    """Extract afresh (as `makemessages -l hi` does) from a copy of the sources into a scratch
    catalog and compare: a string wrapped in the code but missing from the catalog, or one left
    in the catalog after its string went, fails here. The copy keeps makemessages away from the
    real catalog (it writes into any `locale` folder it walks past)."""
    source = tmp_path / "src"
    shutil.copytree(
        Path(settings.BASE_DIR) / "motorpress",
        source / "motorpress",
        ignore=shutil.ignore_patterns("locale", "tests", "__pycache__", "static", "*.mo"),
    )
    settings.LOCALE_PATHS = [tmp_path / "out"]
    (tmp_path / "out").mkdir()
    monkeypatch.chdir(source)
    call_command("makemessages", locale=["hi"], verbosity=0)
    extracted = keys(tmp_path / "out" / "hi" / "LC_MESSAGES" / "django.po")
    committed = keys(HINDI_PO)
    assert sorted(extracted - committed, key=str) == [], "wrapped but not in the Hindi catalog"
    assert sorted(committed - extracted, key=str) == [], "in the catalog but no longer used"


def test_the_latest_rail_and_the_404_page_render_in_hindi(client, db):
    with translation.override("hi"):
        rail = render_to_string("includes/latest_rail.html", {"latest_articles": []})
    # /hi/… is the Hindi edition whether or not it has a home page: its 404 is Hindi.
    missing = client.get("/hi/no-such-page/").content.decode()
    assert "ताज़ा ख़बरें" in rail
    assert "और ताज़ा ख़बरें" in rail
    assert "हमें यह पेज नहीं मिला" in missing
    assert "सीधे मुख्य सामग्री पर जाएँ" in missing
    assert '<a href="/hi/latest/">ताज़ा ख़बरें</a>' in missing


def test_english_pages_keep_their_english_text(client, db):
    rail = render_to_string("includes/latest_rail.html", {"latest_articles": []})
    missing = client.get("/no-such-page/").content.decode()
    assert "Latest News" in rail
    assert 'Try the <a href="/latest/">latest news</a>, <a href="/vehicles/">vehicles</a>' in (
        missing
    )
