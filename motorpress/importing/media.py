"""Images for imported posts: from a local copy of wp-content/uploads, or (only when allowed)
downloaded through the importer's safe fetcher. Each attachment becomes one Wagtail image,
reused by every post and every later import that shows it."""

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.core.files.base import ContentFile
from wagtail.images import get_image_model

from motorpress.importing.images import image_problem, max_bytes
from motorpress.importing.models import ImportedItem
from motorpress.importing.shortcodes import ImageRef
from motorpress.importing.wxr import WxrItem

# WordPress's resized copies: photo-300x200.jpg is a size of photo.jpg.
_SIZE_SUFFIX = re.compile(r"-\d+x\d+(?=\.[A-Za-z0-9]+$)")
_UPLOADS = "/wp-content/uploads/"


@dataclass(frozen=True)
class Attachment:
    attachment_id: str
    url: str
    relative_path: str  # "2026/01/nexon-ev.jpg", relative to the uploads folder
    title: str
    alt: str

    @classmethod
    def from_item(cls, item: WxrItem) -> "Attachment":
        return cls(
            attachment_id=item.post_id,
            url=item.attachment_url or item.guid,
            relative_path=item.meta.get("_wp_attached_file", ""),
            title=item.title,
            alt=item.meta.get("_wp_attachment_image_alt", ""),
        )


def _uploads_path(url: str) -> str:
    """The part of an uploads URL after wp-content/uploads/, without a size suffix."""
    path = unquote(urlsplit(url).path)
    if _UPLOADS not in path:
        return ""
    return _SIZE_SUFFIX.sub("", path.split(_UPLOADS, 1)[1])


class MediaLibrary:
    """Finds, checks and stores the images one export refers to."""

    def __init__(
        self,
        *,
        source: str,
        attachments: dict[str, Attachment],
        media_dir: Path | None,
        allow_downloads: bool,
        dry_run: bool,
    ):
        self.source = source
        self.attachments = attachments
        self.by_path = {a.relative_path: a for a in attachments.values() if a.relative_path}
        self.media_dir = Path(media_dir).resolve() if media_dir else None
        self.allow_downloads = allow_downloads
        self.dry_run = dry_run

    def _attachment_for(self, ref: ImageRef) -> Attachment | None:
        if ref.attachment_id in self.attachments:
            return self.attachments[ref.attachment_id]
        return self.by_path.get(_uploads_path(ref.url))

    def _local_bytes(self, relative_path: str, notes: list[str]) -> bytes | None:
        if not (self.media_dir and relative_path):
            return None
        candidate = (self.media_dir / relative_path).resolve()
        # The path comes from the export file: never read outside the media folder.
        if not candidate.is_relative_to(self.media_dir):
            notes.append(f"image path leaves the media folder, refused: {relative_path}")
            return None
        if not candidate.is_file():
            return None
        if candidate.stat().st_size > max_bytes():
            notes.append(f"image {relative_path} is larger than the upload limit; skipped")
            return None
        return candidate.read_bytes()

    def _download(self, url: str, notes: list[str]) -> bytes | None:
        if not self.allow_downloads:
            notes.append(f"image not in the media folder and downloads are off, not fetched: {url}")
            return None
        if self.dry_run:
            notes.append(f"image would be downloaded: {url}")
            return None
        # Imported here so the importer works (media-folder only) without the fetcher's deps.
        from motorpress.importing.fetching import FetchError, UnsafeURL, safe_fetch

        try:
            fetched = safe_fetch(url, max_bytes=max_bytes(), allowed_types=("image/",))
            return fetched.content
        except UnsafeURL as error:
            notes.append(f"image URL refused as unsafe, not fetched: {url} ({error})")
        except FetchError as error:
            notes.append(f"image download failed: {url} ({error})")
        return None

    def image_id(self, ref: ImageRef, notes: list[str]) -> int | None:
        """The Wagtail image for `ref` (created on first use), 0 in a dry run, or None."""
        attachment = self._attachment_for(ref)
        key = attachment.attachment_id if attachment else f"url:{_uploads_path(ref.url) or ref.url}"
        mapped = (
            ImportedItem.objects.filter(
                source=self.source, kind=ImportedItem.Kind.ATTACHMENT, external_id=key[:255]
            )
            .exclude(image=None)
            .values_list("image_id", flat=True)
            .first()
        )
        if mapped:
            return mapped
        url = attachment.url if attachment else ref.url
        relative = attachment.relative_path if attachment else _uploads_path(ref.url)
        data = self._local_bytes(relative, notes)
        if data is None and url:
            data = self._download(url, notes)
        if data is None:
            return None
        extension, problem = image_problem(data)
        if problem:
            notes.append(f"image {relative or url} {problem}; skipped")
            return None
        if self.dry_run:
            return 0
        title = (attachment.title if attachment else "") or Path(relative or "image").stem
        name = Path(relative or urlsplit(url).path).name or f"image.{extension}"
        image = get_image_model()(title=title[:255], file=ContentFile(data, name=name))
        image.save()
        ImportedItem.objects.create(
            source=self.source,
            kind=ImportedItem.Kind.ATTACHMENT,
            external_id=key[:255],
            image=image,
        )
        return image.pk
