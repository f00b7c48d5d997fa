"""Import a WordPress export: posts become ArticlePages, authors Authors, attachments images.

The file is read twice, both times streamed: the first pass checks the whole file (so a broken
or hostile file is refused before anything is written) and collects authors and attachments;
the second imports posts, each in its own transaction. ImportedItem rows remember what each
WordPress ID became, so importing the same export again creates and changes nothing.
"""

import html as html_lib
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

import nh3
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Locale, PageViewRestriction, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from motorpress.catalogue.selectors import vehicle_models_named_in
from motorpress.importing.autop import has_blocks, strip_block_comments
from motorpress.importing.body import build_body, sentences
from motorpress.importing.config import ConfigError, ImportConfig
from motorpress.importing.media import Attachment, MediaLibrary
from motorpress.importing.models import ImportedItem
from motorpress.importing.shortcodes import ImageRef, split_content
from motorpress.importing.standing_pages import StandingPages
from motorpress.importing.wxr import WxrAuthor, WxrItem, WxrReader, parse_wp_datetime
from motorpress.newsroom.models import ArticlePage, Author, HomePage, SectionPage
from motorpress.newsroom.services import article_create

IMPORTED_STATUSES = {"publish", "draft", "pending", "future", "private"}
HIGHLIGHT_MAX = 220
TEASER_MAX = 300
CHUNK_SIZE = 200  # posts held at once; bounds memory and the IN (…) list
MAX_MESSAGES = 2000  # keep the report's memory bounded on huge exports
# Markup the sanitiser removes that an editor should hear about (it may be a compromised site).
UNSAFE_MARKUP = re.compile(
    r"<\s*(script|iframe|svg|object|embed|style)\b|javascript:|<[^>]*\son[a-z]+\s*=",
    re.IGNORECASE,
)


@dataclass
class ImportReport:
    dry_run: bool = False
    counts: Counter = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    dropped_messages: int = 0

    def _add(self, bucket: list[str], item: WxrItem, message: str) -> None:
        if len(bucket) >= MAX_MESSAGES:
            self.dropped_messages += 1
            return
        bucket.append(f"{item.title or '(no title)'} [WP {item.post_id}]: {message}")

    def warn(self, item: WxrItem, message: str) -> None:
        self._add(self.warnings, item, message)

    def note(self, item: WxrItem, message: str) -> None:
        self._add(self.notes, item, message)


@dataclass
class _Scan:
    authors: dict[str, WxrAuthor]
    attachments: dict[str, Attachment]
    posts: int
    # WordPress pages are held whole: a site has tens of them, not thousands, and they must be
    # created parents first whatever order the file lists them in.
    pages: list[WxrItem]


def _scan(reader: WxrReader) -> _Scan:
    authors, attachments, posts, pages = {}, {}, 0, []
    for record in reader.records():
        if isinstance(record, WxrAuthor):
            authors[record.login.lower()] = record
        elif record.post_type == "attachment":
            attachments[record.post_id] = Attachment.from_item(record)
        elif record.post_type == "post":
            posts += 1
        elif record.post_type == "page":
            pages.append(record)
    return _Scan(authors=authors, attachments=attachments, posts=posts, pages=pages)


def _sections(config: ImportConfig) -> dict[str, SectionPage]:
    home = HomePage.objects.filter(locale=Locale.get_default()).first()
    if home is None:
        raise ConfigError("The site has no home page yet; create the site before importing.")
    sections = {s.slug: s for s in SectionPage.objects.child_of(home)}
    wanted = {config.default.section, *(p.section for p in config.categories.values())}
    missing = sorted(wanted - sections.keys())
    if missing:
        raise ConfigError(f"The mapping names sections the site lacks: {', '.join(missing)}.")
    return sections


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _plain(html: str) -> str:
    """Text only: tags go, and so does whatever a script or style element held."""
    text = nh3.clean(html, tags=set(), clean_content_tags={"script", "style"})
    return " ".join(html_lib.unescape(text).split())


class WordPressImport:
    """One run over one export file; `run()` returns the report."""

    def __init__(
        self,
        *,
        path: Path,
        config: ImportConfig,
        media_dir: Path | None = None,
        allow_downloads: bool = False,
        dry_run: bool = False,
        progress: Callable | None = None,
    ):
        self.reader = WxrReader(path)
        self.config = config
        self.media_dir = media_dir
        self.allow_downloads = allow_downloads
        self.report = ImportReport(dry_run=dry_run)
        self.progress = progress

    def run(self) -> ImportReport:
        scan = _scan(self.reader)
        self.authors = scan.authors
        self.source = (self.reader.base_site_url or "wordpress")[:255]
        self.sections = _sections(self.config)
        self.media = MediaLibrary(
            source=self.source,
            attachments=scan.attachments,
            media_dir=self.media_dir,
            allow_downloads=self.allow_downloads,
            dry_run=self.report.dry_run,
        )
        bar = self.progress(total=scan.posts) if self.progress else None
        for chunk in self._post_chunks():
            mappings = self._mappings([item.post_id for item in chunk])
            for item in chunk:
                self._import_post(item, mappings.get(item.post_id))
                if bar is not None:
                    bar.update(1)
        if bar is not None:
            bar.close()
        StandingPages(self).run(scan.pages)
        return self.report

    def _post_chunks(self):
        """Posts in small batches, so earlier imports are looked up in one query per batch."""
        chunk = []
        for item in self.reader.items():
            if item.post_type != "post":
                if item.post_type not in {"attachment", "page"}:  # pages come after posts
                    self.report.counts[f"skipped ({item.post_type})"] += 1
                continue
            chunk.append(item)
            if len(chunk) == CHUNK_SIZE:
                yield chunk
                chunk = []
        if chunk:
            yield chunk

    def _mappings(self, post_ids: list[str]) -> dict[str, ImportedItem]:
        rows = ImportedItem.objects.filter(
            source=self.source, kind=ImportedItem.Kind.POST, external_id__in=post_ids
        )
        return {row.external_id: row for row in rows}

    def _import_post(self, item: WxrItem, mapping: ImportedItem | None) -> None:
        report = self.report
        if item.status not in IMPORTED_STATUSES:
            report.counts[f"skipped ({item.status or 'no status'})"] += 1
            return
        if mapping is not None:
            if mapping.page_id is None:
                report.counts["skipped (deleted here since the last import)"] += 1
            elif mapping.fingerprint != item.fingerprint():
                report.counts["unchanged (edited in WordPress since; not overwritten)"] += 1
                report.warn(item, "changed in WordPress since the last import; left as it is")
            else:
                report.counts["unchanged"] += 1
            return
        try:
            with transaction.atomic():
                self._create_article(item)
        except (ValidationError, ValueError, DatabaseError, OSError) as error:
            report.counts["failed"] += 1
            report.warn(item, f"not imported, nothing written: {error}")

    # -- one article --------------------------------------------------------------------------

    def body_of(self, item: WxrItem, notes: list[str]):
        """Body blocks: block-editor markup as built, classic content with WordPress's
        paragraphs; images resolved through the media library."""
        classic = not has_blocks(item.content)
        content = item.content if classic else strip_block_comments(item.content)
        return build_body(
            split_content(content),
            lambda ref: self.media.image_id(ref, notes),
            classic=classic,
        )

    def _create_article(self, item: WxrItem) -> None:
        report = self.report
        notes: list[str] = []
        placement = self.config.placement(
            [c.slug for c in item.categories if c.domain == "category"]
        )
        section = self.sections[placement.section]
        title = _clip(_plain(item.title), 255) or f"Untitled WordPress post {item.post_id}"
        body = self.body_of(item, notes)
        hero_id = None
        thumbnail = item.meta.get("_thumbnail_id", "").strip()
        if thumbnail:
            hero_id = self.media.image_id(ImageRef(attachment_id=thumbnail, url="", alt=""), notes)
        highlights, teaser = self._highlights_and_teaser(item, body.texts, title)
        published_at = self._published_at(item)
        for message in body.notes + notes:
            report.note(item, message)
        if UNSAFE_MARKUP.search(html_lib.unescape(item.content)):
            report.warn(item, "unsafe markup removed (scripts, frames, event handlers or links)")
        if report.dry_run:
            report.counts[f"would import ({_state(item)})"] += 1
            return
        authors = [self._author(item.creator or "unknown", item)]
        slug = self._free_slug(section, item)
        vehicles = vehicle_models_named_in("\n".join([title, teaser, *highlights, *body.texts]))
        if vehicles:
            report.note(item, "vehicles attached: " + ", ".join(str(v) for v in vehicles))
        # Creating, saving a revision and publishing each save the page, and Wagtail would
        # rebuild its reference index ("usage") three times; once at the end is the same index.
        with disable_reference_index_auto_update():
            article = article_create(
                section=section,
                title=title,
                slug=slug,
                kind=placement.kind,
                teaser=teaser,
                highlights=highlights,
                body=body.blocks,
                authors=authors,
                tags=self._tags(item),
                vehicles=vehicles,
                hero_image=get_image_model().objects.get(pk=hero_id) if hero_id else None,
                first_published_at=published_at if item.status == "publish" else None,
                publish=item.status == "publish",
            )
        ReferenceIndex.create_or_update_for_object(article)
        self.carry_over_access(article, item)
        if item.sticky:
            report.note(
                item, "sticky in WordPress: make it the home page's lead story to keep it on top"
            )
        state = _state(item)
        if item.status == "future" and not self._schedule(article, item, published_at):
            state = "draft"
        elif item.status not in {"publish", "future"}:
            report.note(item, f"kept as a draft (WordPress status '{item.status}')")
        if state != "draft":  # a draft had no public URL to redirect from
            self._redirects(article, item)
        ImportedItem.objects.create(
            source=self.source,
            kind=ImportedItem.Kind.POST,
            external_id=item.post_id,
            fingerprint=item.fingerprint(),
            page=article,
        )
        report.counts[f"imported ({state})"] += 1

    def _published_at(self, item: WxrItem) -> datetime | None:
        moment = item.published_at_utc
        if moment is None:
            moment = parse_wp_datetime(item.date_local, self.config.timezone)
            if moment is not None and item.status in {"publish", "future"}:
                self.report.warn(
                    item, f"no GMT date; read the local date in {self.config.timezone}"
                )
        return moment.astimezone(UTC) if moment else None

    def _highlights_and_teaser(self, item: WxrItem, texts: list[str], title: str):
        excerpt = _plain(item.excerpt)
        source = sentences(excerpt, 3) if excerpt else sentences(" ".join(texts), 2)
        highlights = [_clip(s, HIGHLIGHT_MAX) for s in source if s] or [_clip(title, HIGHLIGHT_MAX)]
        where = "the excerpt" if excerpt else "the opening sentences"
        self.report.warn(item, f"highlights derived from {where}; check them")
        teaser = _clip(excerpt or " ".join(sentences(" ".join(texts), 2)) or title, TEASER_MAX)
        return highlights[:5], teaser

    def _tags(self, item: WxrItem) -> list[str]:
        domains = {"post_tag", "category"} if self.config.categories_as_tags else {"post_tag"}
        names = {c.name[:100] for c in item.categories if c.domain in domains and c.name}
        return sorted(names)

    def _free_slug(self, section: SectionPage, item: WxrItem) -> str:
        """WordPress's slug when it is a valid slug here and free in the section."""
        wanted = unquote(item.slug).lower()
        slug = slugify(wanted, allow_unicode=True)[:200]
        if any(unicodedata.category(char).startswith("M") for char in wanted):
            # Slugs here allow no combining marks (Devanagari vowel signs, viramas): dropping
            # them garbles the word, so a neutral slug is better. The old URL still redirects.
            slug = f"post-{item.post_id}"
        if wanted and slug != wanted:
            self.report.warn(item, f"slug '{wanted}' is not valid here; now '{slug}'")
        slug = slug or slugify(_plain(item.title), allow_unicode=True)[:200]
        slug = slug or f"post-{item.post_id}"
        if ArticlePage.objects.child_of(section).filter(slug=slug).exists():
            taken = slug
            slug = f"{slug[:190]}-wp{item.post_id}"
            self.report.warn(item, f"slug '{taken}' already used in /{section.slug}/; now '{slug}'")
        return slug

    def _author(self, login: str, item: WxrItem) -> Author:
        """The Author for a WordPress login: by earlier import (login, then email), else new."""
        key = login.lower()[:255]
        known = self.authors.get(key) or WxrAuthor(login=login, email="", display_name=login)
        email = known.email.lower()[:255]
        mapped = (
            ImportedItem.objects.filter(kind=ImportedItem.Kind.AUTHOR, source=self.source)
            .filter(external_id=key)
            .exclude(author=None)
            .select_related("author")
            .first()
        )
        if mapped is None and email:
            mapped = (
                ImportedItem.objects.filter(kind=ImportedItem.Kind.AUTHOR, secondary_key=email)
                .exclude(author=None)
                .select_related("author")
                .first()
            )
        if mapped is not None:
            author = mapped.author
        else:
            name = (known.display_name or login)[:120]
            author = Author.objects.filter(slug=slugify(name)).first()
            if author is None:
                author = Author.objects.create(name=name, slug=self._author_slug(name, login))
            else:
                self.report.note(item, f"author '{login}' matched the existing author '{author}'")
        ImportedItem.objects.get_or_create(
            source=self.source,
            kind=ImportedItem.Kind.AUTHOR,
            external_id=key,
            defaults={"author": author, "secondary_key": email},
        )
        return author

    @staticmethod
    def _author_slug(name: str, login: str) -> str:
        base = slugify(name)[:100] or slugify(login)[:100] or "author"
        slug, number = base, 2
        while Author.objects.filter(slug=slug).exists():
            slug, number = f"{base}-{number}", number + 1
        return slug

    def _schedule(self, article: ArticlePage, item: WxrItem, when: datetime | None) -> bool:
        """Schedule the way Wagtail's "Publish" with a future go-live date does."""
        if when is None or when <= timezone.now():
            self.report.warn(item, "scheduled in WordPress for a time now past; kept as a draft")
            return False
        article.go_live_at = when
        revision = article.save_revision()
        revision.publish()
        self.report.note(item, f"scheduled to go live at {when.isoformat()}")
        return True

    def _redirects(self, article: ArticlePage, item: WxrItem) -> None:
        self.redirect_old_paths(article, item, [f"/?p={item.post_id}"])

    def carry_over_access(self, page, item: WxrItem) -> None:
        """A password-protected post or page is guarded by the same password here."""
        if not item.password:
            return
        PageViewRestriction.objects.create(
            page=page,
            restriction_type=PageViewRestriction.PASSWORD,
            password=item.password[:255],
        )
        self.report.note(item, "password-protected in WordPress: the same password guards it")

    def redirect_old_paths(self, page, item: WxrItem, extra: list[str]) -> None:
        """301s from the item's old permalink path and WordPress's `extra` short links."""
        paths = []
        link_path = urlsplit(item.link).path
        if link_path and link_path != "/":
            paths.append(link_path)
        paths.extend(extra)
        for old_path in paths:
            normalised = Redirect.normalise_path(old_path)
            if normalised == Redirect.normalise_path(page.url or ""):
                continue
            redirect, created = Redirect.objects.get_or_create(
                old_path=normalised,
                site=None,
                defaults={"redirect_page": page, "is_permanent": True},
            )
            if not created and redirect.redirect_page_id != page.pk:
                self.report.warn(item, f"{old_path} already redirects elsewhere; left as it is")


def _state(item: WxrItem) -> str:
    return {"publish": "published", "future": "scheduled"}.get(item.status, "draft")


def wordpress_import(
    *,
    path: Path,
    config: ImportConfig,
    media_dir: Path | None = None,
    allow_downloads: bool = False,
    dry_run: bool = False,
    progress: Callable | None = None,
) -> ImportReport:
    """Import `path`; see the module docstring. Raises WxrError or ConfigError on a bad file."""
    return WordPressImport(
        path=path,
        config=config,
        media_dir=media_dir,
        allow_downloads=allow_downloads,
        dry_run=dry_run,
        progress=progress,
    ).run()
