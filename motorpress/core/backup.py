"""A database-agnostic backup of the whole site: one .tar.gz that restores an identical site.

The archive holds three kinds of member:

- ``data.json``: every row of every app, in Django's JSON serialisation. Rows keep their ids;
  only references to content types and permissions are written by name (natural keys),
  because those two tables are made by ``migrate`` with ids that differ between databases
  and are not in the archive. Also left out, being rebuilt or worthless after a restore:
  sessions, the admin log and the search index.
- ``media/...``: the files under MEDIA_ROOT, originals and renditions alike, so rendition
  URLs in the restored pages stay the same.
- ``manifest.json``: format version, Django/Wagtail versions, applied migrations, row
  counts per model and the sha256 of every other member.

Restoring unpacks the archive into a private staging directory and checks every checksum,
member type and name before it touches the database or MEDIA_ROOT; the database is then
replaced in one transaction, media files are moved into place, the search index is rebuilt
and the cache generations move on.
"""

import hashlib
import io
import json
import os
import shutil
import tarfile
import tempfile
import zlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import django
import wagtail
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management import call_command
from django.core.management.color import no_style
from django.core.serializers.json import Serializer as JSONSerializer
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.recorder import MigrationRecorder

from motorpress.core.cache import (
    bump_catalogue_generation,
    bump_content_generation,
    bump_onroad_rules_generation,
    bump_site_generation,
)

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATA = "data.json"
MEDIA_PREFIX = "media"
_CHUNK = 1024 * 1024

# Rebuilt by migrate, by update_index or rebuild_story_index, or worthless after a restore.
EXCLUDED_APPS = {"contenttypes", "sessions", "admin", "wagtailsearch", "discovery"}
EXCLUDED_MODELS = {"auth.permission", "wagtailadmin.editingsession"}
# Never emptied on restore: migrate made them and natural keys resolve against them.
KEPT_TABLES = {"django_content_type", "auth_permission", "django_migrations"}


class BackupError(Exception):
    """The archive is unusable or the restore was refused; nothing has been changed."""


@dataclass
class RestoreResult:
    counts: dict[str, int]
    media_files: int


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _media_root() -> Path:
    if not isinstance(default_storage, FileSystemStorage):
        raise BackupError(
            "Media is not stored on the local filesystem; back it up with the storage "
            "provider's own tools (see docs/backup.md)."
        )
    return Path(settings.MEDIA_ROOT)


def _dumped_models() -> list:
    return [
        model
        for model in apps.get_models()
        if model._meta.app_label not in EXCLUDED_APPS
        and model._meta.label_lower not in EXCLUDED_MODELS
        and not model._meta.proxy
        and model._meta.managed
    ]


class _Serializer(JSONSerializer):
    """Django's JSON serialiser, naming only content types and permissions by natural key.

    Natural keys everywhere (as `dumpdata --natural-foreign` does) would also fetch every
    referenced page by id to read its url_path, and fail on references Wagtail keeps without
    a database constraint, such as log entries of deleted pages.
    """

    by_name = (ContentType, Permission)

    def handle_fk_field(self, obj, field):
        model = field.remote_field.model
        if model is ContentType:  # from the manager's cache: no query per row
            pk = getattr(obj, field.attname)
            self._current[field.name] = (
                ContentType.objects.get_for_id(pk).natural_key() if pk else None
            )
            return
        self.use_natural_foreign_keys = model in self.by_name
        super().handle_fk_field(obj, field)

    def handle_m2m_field(self, obj, field):
        self.use_natural_foreign_keys = field.remote_field.model in self.by_name
        super().handle_m2m_field(obj, field)


def _dump(path: Path, using: str) -> Counter:
    counts = Counter()

    def rows():
        for model in _dumped_models():
            queryset = model._base_manager.using(using).order_by(model._meta.pk.name)
            for row in queryset.iterator(chunk_size=2000):
                counts[model._meta.label_lower] += 1
                yield row

    with path.open("w", encoding="utf-8") as stream:
        _Serializer().serialize(rows(), stream=stream, indent=None)
    return counts


def _applied_migrations(using: str) -> list[list[str]]:
    recorder = MigrationRecorder(connections[using])
    if not recorder.has_table():
        return []
    return sorted([app, name] for app, name in recorder.applied_migrations())


def _tarinfo(name: str, size: int) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.size = size
    info.mode = 0o644
    return info


def _media_files(media_root: Path):
    """Regular files under MEDIA_ROOT; symlinks are neither followed nor stored."""
    if not media_root.is_dir():
        return
    for directory, dirnames, filenames in os.walk(media_root):
        dirnames.sort()
        for filename in sorted(filenames):
            path = Path(directory) / filename
            if path.is_file() and not path.is_symlink():
                yield path, path.relative_to(media_root).as_posix()


def backup_create(*, output: Path, using: str = DEFAULT_DB_ALIAS) -> dict:
    """Write the site's data and media to `output` (a .tar.gz); return the manifest."""
    output = Path(output)
    media_root = _media_root()
    with tempfile.TemporaryDirectory(prefix="motorpress-backup-") as staging:
        data_path = Path(staging) / DATA
        connection = connections[using]
        # One transaction, so every table is read from the same moment (on PostgreSQL the
        # snapshot needs REPEATABLE READ; on SQLite the transaction holds the write lock, so
        # editors' saves wait until the data is read).
        outermost = not connection.in_atomic_block
        with transaction.atomic(using=using):
            if connection.vendor == "postgresql" and outermost:
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            counts = _dump(data_path, using)

        members = {DATA: _sha256_file(data_path)}
        partial = output.with_name(output.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            with data_path.open("rb") as handle:
                archive.addfile(_tarinfo(DATA, data_path.stat().st_size), handle)
            for path, relative in _media_files(media_root):
                name = f"{MEDIA_PREFIX}/{relative}"
                members[name] = _sha256_file(path)
                with path.open("rb") as handle:
                    archive.addfile(_tarinfo(name, path.stat().st_size), handle)
            manifest = {
                "format": FORMAT_VERSION,
                "django": django.__version__,
                "wagtail": wagtail.__version__,
                "database_vendor": connection.vendor,
                "migrations": _applied_migrations(using),
                "counts": dict(sorted(counts.items())),
                "members": members,
            }
            body = json.dumps(manifest, indent=2, sort_keys=True).encode()
            archive.addfile(_tarinfo(MANIFEST, len(body)), io.BytesIO(body))
        os.replace(partial, output)  # a crash mid-write never leaves a plausible archive
    return manifest


def _checked_member_name(member: tarfile.TarInfo) -> str:
    """Refuse anything that could write outside the staging directory (tar slip)."""
    if not member.isreg():
        raise BackupError(f"Archive member {member.name!r} is not a regular file.")
    name = member.name
    path = PurePosixPath(name)
    if (
        not name
        or "\\" in name
        or "\x00" in name
        or path.is_absolute()
        or any(part in {"..", "."} for part in path.parts)
        or path.as_posix() != name
    ):
        raise BackupError(f"Archive member {name!r} has an unsafe path.")
    if (name not in {MANIFEST, DATA} and path.parts[0] != MEDIA_PREFIX) or name == MEDIA_PREFIX:
        raise BackupError(f"Archive member {name!r} does not belong in a site backup.")
    return name


def _unpack_verified(archive_path: Path, staging: Path) -> dict:
    """Unpack into `staging`, checking names, types and checksums; return the manifest."""
    digests: dict[str, str] = {}
    try:
        with tarfile.open(archive_path, "r:gz") as archive:
            for member in archive:
                name = _checked_member_name(member)
                if name in digests:
                    raise BackupError(f"Archive member {name!r} appears twice.")
                target = staging.joinpath(*PurePosixPath(name).parts)
                target.parent.mkdir(parents=True, exist_ok=True)
                digest = hashlib.sha256()
                source = archive.extractfile(member)
                with target.open("xb") as handle:
                    while chunk := source.read(_CHUNK):
                        digest.update(chunk)
                        handle.write(chunk)
                digests[name] = digest.hexdigest()
    except (tarfile.TarError, EOFError, zlib.error, OSError) as error:
        raise BackupError(f"The archive is corrupt or truncated: {error}") from error

    if MANIFEST not in digests:
        raise BackupError("The archive has no manifest.json: it is not a site backup.")
    try:
        manifest = json.loads((staging / MANIFEST).read_text(encoding="utf-8"))
        expected = manifest["members"]
    except (ValueError, KeyError, TypeError) as error:
        raise BackupError("The archive's manifest is unreadable.") from error
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError(f"Unsupported backup format {manifest.get('format')!r}.")
    del digests[MANIFEST]
    if set(digests) != set(expected):
        missing = sorted(set(expected) - set(digests))[:5]
        extra = sorted(set(digests) - set(expected))[:5]
        raise BackupError(
            f"Archive members differ from the manifest (missing {missing}, extra {extra})."
        )
    mismatched = sorted(name for name, digest in digests.items() if expected[name] != digest)
    if mismatched:
        raise BackupError(f"Checksum mismatch, the archive was altered: {mismatched[:5]}")
    if DATA not in digests:
        raise BackupError("The archive has no data.json.")
    return manifest


def database_has_content(using: str = DEFAULT_DB_ALIAS) -> bool:
    """True once anyone has made something: beyond what `migrate` alone creates."""
    from django.contrib.auth import get_user_model
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page

    if get_user_model().objects.using(using).exists():
        return True
    if get_image_model().objects.using(using).exists():
        return True
    if get_document_model().objects.using(using).exists():
        return True
    # migrate leaves the tree root and a plain welcome page; any page of ours is content.
    if Page.objects.using(using).filter(depth__gt=2).exists():
        return True
    ours = [m for m in apps.get_models() if m.__module__.startswith("motorpress.")]
    return any(model._default_manager.using(using).exists() for model in ours)


def _flush_tables(using: str) -> None:
    connection = connections[using]
    tables = [
        table
        for table in connection.introspection.django_table_names(
            only_existing=True, include_views=False
        )
        if table not in KEPT_TABLES
    ]
    sql = connection.ops.sql_flush(no_style(), tables, reset_sequences=True, allow_cascade=False)
    if connection.vendor == "postgresql":
        # TRUNCATE refuses tables with deferred foreign-key checks still pending from earlier
        # writes in the same transaction (a caller's, or a test's): run those checks now.
        sql = ["SET CONSTRAINTS ALL IMMEDIATE", *sql, "SET CONSTRAINTS ALL DEFERRED"]
    connection.ops.execute_sql_flush(sql)


def _install_media(staging: Path, media_root: Path, names: list[str]) -> None:
    root = media_root.resolve()
    for name in names:
        relative = PurePosixPath(name).relative_to(MEDIA_PREFIX)
        target = media_root.joinpath(*relative.parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        # A directory inside MEDIA_ROOT could itself be a symlink pointing elsewhere.
        if not target.parent.resolve().is_relative_to(root):
            raise BackupError(f"Refusing to write {name!r} outside MEDIA_ROOT.")
        if target.is_symlink():
            target.unlink()
        shutil.move(staging.joinpath(*PurePosixPath(name).parts), target)


def backup_restore(
    *, archive: Path, force: bool = False, using: str = DEFAULT_DB_ALIAS
) -> RestoreResult:
    """Replace the site's data and media with an archive made by `backup_create`."""
    media_root = _media_root()
    with tempfile.TemporaryDirectory(prefix="motorpress-restore-") as staging_dir:
        staging = Path(staging_dir)
        manifest = _unpack_verified(Path(archive), staging)

        here = _applied_migrations(using)
        if manifest.get("migrations") and here and manifest["migrations"] != here:
            raise BackupError(
                "The archive was made with a different database schema (its applied "
                "migrations differ). Restore with the code version that made it."
            )
        if not force and database_has_content(using):
            raise BackupError(
                "The database already holds content. Restore into an empty, migrated "
                "database or pass --force to replace everything in it."
            )

        with transaction.atomic(using=using):
            _flush_tables(using)
            call_command("loaddata", str(staging / DATA), database=using, verbosity=0)
            counts = Counter()
            for label in manifest["counts"]:
                model = apps.get_model(label)
                counts[label] = model._base_manager.using(using).count()
            if dict(counts) != manifest["counts"]:
                raise BackupError("Row counts after loading differ from the manifest.")

        media = sorted(name for name in manifest["members"] if name != DATA)
        _install_media(staging, media_root, media)

    call_command("update_index", verbosity=0)
    call_command("rebuild_story_index", verbosity=0, stdout=io.StringIO())
    bump_catalogue_generation()
    bump_onroad_rules_generation()
    bump_content_generation()
    bump_site_generation()
    return RestoreResult(counts=dict(counts), media_files=len(media))
