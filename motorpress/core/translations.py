"""Compile the project's gettext catalogs (.po -> .mo) with Babel, so a machine with only Python
and make can build them: GNU gettext's msgfmt is needed to extract strings, never to run."""

import os
import tempfile
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po


class CatalogError(Exception):
    """A .po file that cannot be compiled: a syntax error, or a fuzzy or empty translation."""


def compile_catalog(po_path: Path) -> Path:
    """Write `po_path`'s .mo beside it and return its path.

    Raises CatalogError for a syntax error or a translation that would silently fall back to
    English (fuzzy, or an empty msgstr), so a broken catalog fails the build, not the page.
    """
    with po_path.open("rb") as handle:
        try:
            catalog = read_po(handle, abort_invalid=True)
        except Exception as error:  # Babel raises PoFileError and others
            raise CatalogError(f"{po_path}: {error}") from error
    problems = [
        f"{po_path}:{message.lineno}: {message.id!r} is {reason}"
        for message in catalog
        if message.id
        for reason in _problems(message)
    ]
    if problems:
        raise CatalogError("\n".join(problems))
    mo_path = po_path.with_suffix(".mo")
    # Written beside and renamed into place, so a server or test worker reading the catalog
    # never sees half a file.
    fd, temporary = tempfile.mkstemp(dir=mo_path.parent, suffix=".mo.tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            write_mo(handle, catalog, use_fuzzy=False)
        os.replace(temporary, mo_path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return mo_path


def stale_catalogs(locale_dirs) -> list[Path]:
    """The .po files whose .mo is missing or older than they are."""
    return [
        po_path
        for locale_dir in locale_dirs
        for po_path in sorted(Path(locale_dir).glob("*/LC_MESSAGES/*.po"))
        if not po_path.with_suffix(".mo").exists()
        or po_path.with_suffix(".mo").stat().st_mtime < po_path.stat().st_mtime
    ]


def _problems(message) -> list[str]:
    strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
    found = []
    if message.fuzzy:
        found.append("fuzzy")
    if not all(strings):
        found.append("untranslated")
    return found


def compile_all(locale_dirs) -> list[Path]:
    """Compile every catalog under the given locale folders; return the .mo files written."""
    return [
        compile_catalog(po_path)
        for locale_dir in locale_dirs
        for po_path in sorted(Path(locale_dir).glob("*/LC_MESSAGES/*.po"))
    ]
