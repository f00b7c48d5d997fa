"""Import one saved HTML article as a draft ArticlePage, in one transaction.

Everything that can fail (reading, extraction, the lead image) is done before the first write,
and the writes run in one transaction, so a broken file leaves nothing behind. The lead image
is read from a file next to the page (the "_files" folder a browser's "save page" makes) and
downloaded only when the caller allows it, through `safe_fetch`.
"""

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.core.files.images import ImageFile
from django.db import transaction
from django.db.models import Q
from django.utils.text import slugify
from wagtail.images import get_image_model

from motorpress.importing.fetching import FetchError, UnsafeURL, safe_fetch
from motorpress.importing.html_extract import (
    MAX_HTML_BYTES,
    ExtractedArticle,
    ExtractionError,
    extract_article,
)
from motorpress.importing.html_metadata import ImageRef, split_names
from motorpress.importing.images import image_problem, max_bytes
from motorpress.importing.models import ImportedHtmlPage
from motorpress.newsroom.models import ArticlePage, Author, SectionPage
from motorpress.newsroom.services import article_create


class HtmlImportError(Exception):
    """This file cannot be imported; the message says why, for the command's report."""


@dataclass
class LeadImage:
    data: bytes
    filename: str
    alt: str
    origin: str  # for the report: where it was found and where the bytes came from


@dataclass
class HtmlImportResult:
    status: str  # "imported", "would import" (dry run) or "skipped" (imported before)
    article: ExtractedArticle
    page: ArticlePage | None = None
    authors: list[str] = field(default_factory=list)  # names, with "(new)" where created
    lead_image: str = ""
    warnings: list[str] = field(default_factory=list)


def html_article_import(
    *,
    path: Path,
    section: SectionPage,
    author_name: str = "",
    kind: str = "news",
    dry_run: bool = False,
    allow_downloads: bool = False,
    fetch: Callable = safe_fetch,
) -> HtmlImportResult:
    """Import the article saved in `path` under `section` as a draft (never published).

    `fetch` is the downloader for remote lead images (used only with `allow_downloads`);
    tests pass safe_fetch with an address policy that admits their local server.
    """
    path = Path(path)
    try:
        if path.stat().st_size > MAX_HTML_BYTES:
            raise HtmlImportError(f"larger than {MAX_HTML_BYTES // (1024 * 1024)} MB, skipped")
        raw = path.read_bytes()
    except OSError as exc:
        raise HtmlImportError(f"cannot be read: {exc.strerror or exc}") from exc
    try:
        article = extract_article(raw)
    except ExtractionError as exc:
        raise HtmlImportError(str(exc)) from exc

    previous = _previous_import(article)
    if previous is not None:
        result = HtmlImportResult(status="skipped", article=article, page=previous.page)
        if previous.page is None:
            result.warnings.append("imported before; the draft was deleted since, not re-created")
        return result

    names = split_names(author_name) if author_name else article.authors
    if not names:
        raise HtmlImportError("no byline found in the page; name the author with --author")
    result = HtmlImportResult(status="would import" if dry_run else "imported", article=article)
    existing = {name: Author.objects.filter(name__iexact=name).first() for name in names}
    result.authors = [name if existing[name] else f"{name} (new)" for name in names]
    lead = _lead_image(article.images, path, allow_downloads, dry_run, fetch, result.warnings)
    result.lead_image = lead.origin if lead else ""
    if dry_run:
        return result

    stored_image = None
    try:
        with transaction.atomic():
            authors = [existing[name] or _author_create(name) for name in names]
            if lead is not None:
                stored_image = _image_create(lead, title=article.title)
            result.page = article_create(
                section=section,
                title=article.title,
                slug=_free_slug(section, article.slug_hint or slugify(article.title)[:80]),
                kind=kind,
                teaser=article.teaser,
                highlights=article.highlights,
                body=article.body,
                authors=authors,
                hero_image=stored_image,
                first_published_at=article.published_at,
                publish=False,
            )
            ImportedHtmlPage.objects.create(
                canonical_url=article.canonical_url,
                content_hash=article.fingerprint,
                source_name=path.name[:255],
                page=result.page,
            )
    except Exception:
        # The rollback removed the image's row; its file was already written to storage.
        if stored_image is not None:
            stored_image.file.delete(save=False)
        raise
    return result


def _previous_import(article: ExtractedArticle) -> ImportedHtmlPage | None:
    match = Q(content_hash=article.fingerprint)
    if article.canonical_url:
        match |= Q(canonical_url=article.canonical_url)
    return ImportedHtmlPage.objects.filter(match).select_related("page").first()


def _author_create(name: str) -> Author:
    base = slugify(name)[:100] or "author"
    slug, n = base, 1
    while Author.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return Author.objects.create(name=name[:120], slug=slug)


def _free_slug(section: SectionPage, base: str) -> str:
    base = base or "imported-article"
    slug, n = base, 1
    while section.get_children().filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


# --- the lead image -------------------------------------------------------------------------


def _lead_image(candidates, html_path, allow_downloads, dry_run, fetch, warnings):
    """The first candidate that yields a valid image: a local file first, a download last."""
    folder = html_path.parent.resolve()
    for ref in candidates:
        local = _local_copy(ref.src, folder, html_path.stem, warnings)
        if local is not None:
            if local.stat().st_size > max_bytes():
                warnings.append(f"image {ref.src} is larger than the upload limit; skipped")
                continue
            image = _checked_image(local.read_bytes(), ref, warnings)
            if image is not None:
                origin = f"{local.relative_to(folder)} (saved copy of the {ref.found_in})"
                return LeadImage(image[0], image[1], ref.alt, origin)
            continue
        if urlsplit(ref.src).scheme.lower() not in ("http", "https"):
            continue
        if not allow_downloads:
            warnings.append(
                f"lead image {ref.src} is not saved next to the page; "
                "not downloaded (pass --allow-downloads to fetch it)"
            )
            continue
        if dry_run:
            warnings.append(f"lead image would be downloaded from {ref.src}")
            return None
        try:
            fetched = fetch(ref.src, max_bytes=max_bytes(), allowed_types=("image/",))
        except (UnsafeURL, FetchError) as exc:
            warnings.append(f"lead image {ref.src} not downloaded: {exc}")
            continue
        image = _checked_image(fetched.content, ref, warnings)
        if image is not None:
            return LeadImage(image[0], image[1], ref.alt, f"downloaded from {fetched.url}")
    return None


def _local_copy(src: str, folder: Path, stem: str, warnings: list[str]) -> Path | None:
    """A file inside the page's folder for this image source, or None.

    Relative sources are looked up as written; absolute URLs by file name in "<page>_files/"
    or beside the page. A path that leads outside the folder (../, a symlink) is refused.
    """
    parts = urlsplit(src)
    scheme = parts.scheme.lower()
    if scheme in ("http", "https"):
        name = Path(unquote(parts.path)).name
        tries = [folder / f"{stem}_files" / name, folder / name] if name else []
    elif not scheme and not parts.netloc and parts.path:
        tries = [folder / unquote(parts.path)]
    else:
        return None  # data:, file: and the like are never read
    for candidate in tries:
        resolved = candidate.resolve()
        if not resolved.is_relative_to(folder):
            warnings.append(f"image path {src} leads outside the page's folder; refused")
            return None
        if resolved.is_file():
            return resolved
    return None


def _checked_image(data: bytes, ref: ImageRef, warnings: list[str]):
    """(bytes, file name) when `data` is an image Wagtail accepts, else a warning and None."""
    extension, problem = image_problem(data)
    if problem:
        warnings.append(f"image {ref.src} {problem}; skipped")
        return None
    stem = slugify(Path(unquote(urlsplit(ref.src).path)).stem)[:60] or "lead-image"
    return data, f"{stem}.{extension}"


def _image_create(lead: LeadImage, *, title: str):
    image = get_image_model()(title=title[:255], description=lead.alt[:255])
    image.file.save(lead.filename, ImageFile(io.BytesIO(lead.data), name=lead.filename), save=False)
    image.save()
    return image
