"""backup_site and restore_site bring back an identical site; bad archives are refused."""

import hashlib
import io
import json
import tarfile
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.test import override_settings
from wagtail.models import Page, PageLogEntry

from motorpress.core.backup import DATA, MANIFEST
from motorpress.newsroom.models import ArticlePage
from motorpress.newsroom.services import site_structure_ensure
from motorpress.newsroom.tests.factories import create_article

PAGES = [
    "/",
    "/news/xiaomi-ev-mass-production-2024/",
    "/vehicles/suzuki/e-access/",
    "/tracker/",
    "/api/v1/articles?limit=50",
    "/search/?q=Xiaomi",
]


@pytest.fixture
def media_root(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def _media_hashes(root: Path) -> dict[str, str]:
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def _row_counts() -> dict[str, int]:
    return {
        model._meta.label_lower: model._base_manager.count()
        for model in apps.get_models()
        if model._meta.app_label not in {"sessions", "admin", "wagtailsearch"}
    }


def _search(words: str) -> list[int]:
    return [page.pk for page in ArticlePage.objects.live().search(words)]


def _render(client) -> dict[str, bytes]:
    pages = {}
    for url in PAGES:
        response = client.get(url)
        assert response.status_code == 200, url
        pages[url] = response.content
    return pages


def test_a_demo_site_survives_a_round_trip_byte_for_byte(
    db, media_root, tmp_path, client, django_capture_on_commit_callbacks
):
    call_command("load_demo_content", "--no-admin")
    # Wagtail keeps the log of a deleted page, pointing at a page id that no longer exists.
    withdrawn = create_article(
        Page.objects.get(slug="news", locale__language_code="en-gb"),
        title="Withdrawn before backup",
    )
    withdrawn_id = withdrawn.pk
    withdrawn.delete()
    assert PageLogEntry.objects.filter(page_id=withdrawn_id, action="wagtail.delete").exists()
    # The loader indexed each page as it saved it, step by step; a restore rebuilds the index
    # from the final rows, which ranks ties differently. Start from a rebuilt index too.
    call_command("update_index", verbosity=0)
    # Rendering first creates the renditions the pages point at, so they are backed up too.
    before = _render(client)
    counts, media = _row_counts(), _media_hashes(media_root)
    found = _search("electric range")
    assert found
    assert media

    archive = tmp_path / "site.tar.gz"
    call_command("backup_site", str(archive))
    with tarfile.open(archive) as written:
        manifest = json.loads(written.extractfile(MANIFEST).read())
    assert manifest["counts"]["newsroom.articlepage"] == counts["newsroom.articlepage"]

    # A lost machine: the media directory is gone and the database holds other content.
    for path in sorted(media_root.rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()
    Page.objects.filter(slug="xiaomi-ev-mass-production-2024").update(title="Overwritten")
    with pytest.raises(CommandError, match="already holds content"):
        call_command("restore_site", str(archive))

    with django_capture_on_commit_callbacks(execute=True):
        call_command("restore_site", str(archive), "--force")

    assert _row_counts() == counts
    assert _media_hashes(media_root) == media
    assert _search("electric range") == found
    after = _render(client)
    for url in PAGES:
        assert after[url] == before[url], url


@pytest.fixture
def small_site(db, media_root, tmp_path):
    site = site_structure_ensure()
    create_article(site.sections["news"], title="Backup drill for the newsroom")
    archive = tmp_path / "small.tar.gz"
    call_command("backup_site", str(archive))
    return archive


def _rewrite(source: Path, target: Path, change) -> Path:
    """Copy an archive member by member, letting `change(name, data)` alter or drop each."""
    with tarfile.open(source) as old, tarfile.open(target, "w:gz") as new:
        for member in old:
            data = old.extractfile(member).read()
            for name, body in change(member.name, data):
                info = tarfile.TarInfo(name)
                info.size = len(body)
                new.addfile(info, io.BytesIO(body))
    return target


def _state(media_root):
    return _row_counts(), _media_hashes(media_root)


def test_a_tampered_archive_is_refused_before_anything_changes(small_site, media_root, tmp_path):
    def edit_data(name, data):
        if name == DATA:
            data = data.replace(b"Backup drill", b"Forged story")
        yield name, data

    tampered = _rewrite(small_site, tmp_path / "tampered.tar.gz", edit_data)
    before = _state(media_root)
    with pytest.raises(CommandError, match="Checksum mismatch"):
        call_command("restore_site", str(tampered), "--force")
    assert _state(media_root) == before
    assert ArticlePage.objects.filter(title="Backup drill for the newsroom").exists()


def test_a_truncated_archive_is_refused(small_site, media_root, tmp_path):
    truncated = tmp_path / "truncated.tar.gz"
    truncated.write_bytes(small_site.read_bytes()[:-200])
    before = _state(media_root)
    with pytest.raises(CommandError, match="corrupt or truncated"):
        call_command("restore_site", str(truncated), "--force")
    assert _state(media_root) == before


@pytest.mark.parametrize(
    "hostile",
    ["../escaped.txt", "media/../../escaped.txt", "/tmp/escaped.txt", "media/./x", "notes.txt"],
)
def test_a_tar_slip_archive_is_refused_with_nothing_written(
    small_site, media_root, tmp_path, hostile
):
    def add_hostile(name, data):
        yield name, data
        if name == DATA:
            yield hostile, b"owned"

    archive = _rewrite(small_site, tmp_path / "slip.tar.gz", add_hostile)
    before = _state(media_root)
    with pytest.raises(CommandError, match=r"unsafe path|does not belong"):
        call_command("restore_site", str(archive), "--force")
    assert _state(media_root) == before
    assert not list(tmp_path.rglob("escaped.txt"))
    assert not Path("/tmp/escaped.txt").exists()


@pytest.mark.parametrize("kind", [tarfile.SYMTYPE, tarfile.LNKTYPE, tarfile.CHRTYPE])
def test_links_and_device_files_in_an_archive_are_refused(small_site, media_root, tmp_path, kind):
    archive = tmp_path / "links.tar.gz"
    with tarfile.open(small_site) as old, tarfile.open(archive, "w:gz") as new:
        for member in old:
            new.addfile(member, old.extractfile(member))
        link = tarfile.TarInfo("media/original_images/link.jpg")
        link.type = kind
        link.linkname = "/etc/passwd"
        new.addfile(link)
    before = _state(media_root)
    with pytest.raises(CommandError, match="not a regular file"):
        call_command("restore_site", str(archive), "--force")
    assert _state(media_root) == before


def test_an_archive_that_is_not_a_backup_is_refused(db, media_root, tmp_path):
    stray = tmp_path / "photos.tar.gz"
    with tarfile.open(stray, "w:gz") as archive:
        info = tarfile.TarInfo("media/cat.jpg")
        info.size = 3
        archive.addfile(info, io.BytesIO(b"cat"))
    with pytest.raises(CommandError, match="no manifest"):
        call_command("restore_site", str(stray))


@override_settings(STORAGES={"default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}})
def test_media_outside_the_filesystem_is_a_clear_error(db, tmp_path):
    with pytest.raises(CommandError, match="storage provider"):
        call_command("backup_site", str(tmp_path / "x.tar.gz"))
