"""The W3C Nu HTML Checker (vnu.jar from the `vnu-jar` npm package) over rendered documents.

Every document is written to one temporary folder and checked by a single `java -jar vnu.jar`:
starting and warming up the JVM takes most of a run (one page alone takes about as long as
the 42 of test_valid_html.py, some 2 seconds), so pages are batched.
"""

import json
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings

JAR = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# A document with one known error, checked with the others: if its error does not come back,
# the checker did not read our files (vnu passes over a path it cannot read without a word).
CANARY = b'<!doctype html><html lang="en"><title>canary</title><img src="x.png"></html>'
CANARY_ERROR = "must have an “alt” attribute"


class CheckerUnavailable(Exception):
    """Java or the jar is missing: `npm ci` and a Java runtime (Debian's default-jre-headless)."""


class CheckerFailed(Exception):
    """The checker ran but its answer cannot be trusted."""


@dataclass(frozen=True)
class Message:
    url: str
    line: int | None
    column: int | None
    message: str
    extract: str

    def __str__(self):
        where = f"line {self.line}" if self.line else "no line"
        if self.column:
            where += f", column {self.column}"
        return f"{self.url} ({where}): {self.message}\n    {self.extract.strip()!r}"


def unavailable_reason() -> str | None:
    """Why the checker cannot run here, or None when it can."""
    if not shutil.which("java"):
        return "java is not on PATH (apt-get install default-jre-headless)"
    if not JAR.exists():
        return f"{JAR.relative_to(settings.BASE_DIR)} is missing (npm ci --ignore-scripts)"
    return None


def check(documents: dict[str, bytes], timeout: int = 600) -> dict[str, list[Message]]:
    """Errors in each document, keyed by the URL it was rendered from (every URL is a key)."""
    reason = unavailable_reason()
    if reason:
        raise CheckerUnavailable(reason)
    with tempfile.TemporaryDirectory(prefix="nu-check-") as name:
        folder = Path(name).resolve()  # the real path, as vnu reports it
        by_file, paths = {}, []
        for number, (url, html) in enumerate(documents.items()):
            path = folder / f"page-{number:03d}.html"
            path.write_bytes(html)
            by_file[str(path)] = url
            paths.append(str(path))
        canary = folder / "canary.html"
        canary.write_bytes(CANARY)
        paths.append(str(canary))
        command = [
            shutil.which("java"),
            "-jar",
            str(JAR),
            "--format",
            "json",
            "--errors-only",
            "--stdout",
            *paths,
        ]
        result = subprocess.run(
            command, capture_output=True, text=True, timeout=timeout, check=False
        )
        return _parse(result, by_file, str(canary))


def _parse(result, by_file: dict[str, str], canary: str) -> dict[str, list[Message]]:
    try:
        answer = json.loads(result.stdout)
    except json.JSONDecodeError as error:
        raise CheckerFailed(
            f"vnu exited {result.returncode} without JSON: {result.stdout[:500]!r} "
            f"{result.stderr[:2000]!r}"
        ) from error
    errors = {url: [] for url in by_file.values()}
    canary_seen = False
    for item in answer.get("messages", []):
        path = unquote(urlsplit(item.get("url", "")).path)  # vnu writes file:/tmp/…
        if item.get("type") != "error" or path not in by_file:
            if path == canary and CANARY_ERROR in item.get("message", ""):
                canary_seen = True
                continue
            raise CheckerFailed(f"unexpected message from vnu: {item}")
        errors[by_file[path]].append(
            Message(
                url=by_file[path],
                line=item.get("lastLine"),
                column=item.get("firstColumn") or item.get("lastColumn"),
                message=item.get("message", ""),
                extract=item.get("extract", ""),
            )
        )
    if not canary_seen:
        raise CheckerFailed(f"vnu did not report the canary's error: {answer} {result.stderr!r}")
    return errors
