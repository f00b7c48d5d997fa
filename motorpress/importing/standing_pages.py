"""WordPress pages → standing pages (StandardPage), their tree, slugs and old URLs kept.

Pages are created parents first, whatever order the export lists them in, each in its own
transaction, after the posts. A page whose parent is not in the export (or could not be
imported) goes to the top level and the report says so; so does one in a parent loop. Old
permalinks and `/?page_id=N` redirect (301) to the new page. Nothing is dropped silently:
every page not imported is counted and named in the report.
"""

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.urls import Resolver404, resolve
from django.utils.text import slugify
from wagtail.models import Locale, Page

from motorpress.importing.models import ImportedItem
from motorpress.importing.wxr import WxrItem
from motorpress.newsroom.models import HomePage
from motorpress.newsroom.services import standing_page_create

IMPORTED_STATUSES = {"publish", "draft", "pending", "future", "private"}


def _taken_by_the_site(slug: str) -> bool:
    """Whether /<slug>/ is one of the site's own addresses (/vehicles/, /search/, …), which a
    page there could never be reached behind."""
    try:
        match = resolve(f"/{slug}/")
    except Resolver404:
        return False
    return match.url_name != "wagtail_serve"


class StandingPages:
    def __init__(self, run):
        self.run_ = run  # the WordPressImport: its report, config, media, helpers
        self.report = run.report

    def run(self, pages: list[WxrItem]) -> None:
        if not pages:
            return
        home = HomePage.objects.filter(locale=Locale.get_default()).first()
        by_id = {item.post_id: item for item in pages}
        mappings = {
            row.external_id: row
            for row in ImportedItem.objects.filter(
                source=self.run_.source, kind=ImportedItem.Kind.PAGE
            )
        }
        made: dict[str, Page] = {}
        for item in self._parents_first(pages, by_id):
            self._one(item, home, by_id, mappings.get(item.post_id), made)

    def _parents_first(self, pages: list[WxrItem], by_id: dict[str, WxrItem]) -> list[WxrItem]:
        self.loops: set[str] = set()

        def depth(item: WxrItem) -> int:
            seen, level = {item.post_id}, 0
            parent = by_id.get(item.parent_id)
            while parent is not None:
                if parent.post_id in seen:
                    self.loops.add(item.post_id)
                    return 0
                seen.add(parent.post_id)
                level += 1
                parent = by_id.get(parent.parent_id)
            return level

        return sorted(pages, key=depth)  # stable: file order within a level

    def _one(self, item, home, by_id, mapping, made) -> None:
        report = self.report
        if item.status not in IMPORTED_STATUSES:
            report.counts[f"skipped page ({item.status or 'no status'})"] += 1
            report.note(item, f"page not imported: WordPress status '{item.status}'")
            return
        if mapping is not None:
            if mapping.page_id is None:
                report.counts["skipped page (deleted here since the last import)"] += 1
            else:
                made[item.post_id] = mapping.page
                if mapping.fingerprint != item.fingerprint():
                    report.counts["unchanged page (edited in WordPress since)"] += 1
                    report.warn(item, "page changed in WordPress since the last import; kept")
                else:
                    report.counts["unchanged page"] += 1
            return
        parent = self._parent(item, home, by_id, made)
        if report.dry_run:
            report.counts["would import page"] += 1
            return
        try:
            with transaction.atomic():
                made[item.post_id] = self._create(item, parent)
        except (ValidationError, ValueError, DatabaseError, OSError) as error:
            report.counts["failed page"] += 1
            report.warn(item, f"page not imported, nothing written: {error}")

    def _parent(self, item, home, by_id, made) -> Page:
        if item.post_id in self.loops:
            self.report.warn(item, "its parent pages form a loop in WordPress; placed at the top")
            return home
        if item.parent_id in ("", "0"):
            return home
        if item.parent_id in made:
            return made[item.parent_id]
        why = "not in the export" if item.parent_id not in by_id else "not imported"
        self.report.warn(
            item, f"parent page {item.parent_id} {why}; placed at the top level instead"
        )
        return home

    def _create(self, item: WxrItem, parent: Page):
        from motorpress.importing.services import _clip, _plain

        notes: list[str] = []
        body = self.run_.body_of(item, notes)
        for message in body.notes + notes:
            self.report.note(item, message)
        title = _clip(_plain(item.title), 255) or f"Untitled WordPress page {item.post_id}"
        published_at = self.run_._published_at(item)
        live = item.status == "publish"
        page = standing_page_create(
            parent=parent,
            title=title,
            slug=self._free_slug(parent, item, title),
            body=body.blocks,
            first_published_at=published_at if live else None,
            publish=live,
        )
        self.run_.carry_over_access(page, item)
        if not live:
            self.report.note(item, f"page kept as a draft (WordPress status '{item.status}')")
        else:
            self.run_.redirect_old_paths(page, item, [f"/?page_id={item.post_id}"])
        ImportedItem.objects.create(
            source=self.run_.source,
            kind=ImportedItem.Kind.PAGE,
            external_id=item.post_id,
            fingerprint=item.fingerprint(),
            page=page,
        )
        state = "published" if live else "draft"
        self.report.counts[f"imported page ({state})"] += 1
        return page

    def _free_slug(self, parent: Page, item: WxrItem, title: str) -> str:
        """WordPress's slug when it is free under the parent and not one of the site's own
        top-level addresses; otherwise a suffixed one, and the report says which."""
        from urllib.parse import unquote

        wanted = unquote(item.slug).lower()
        slug = slugify(wanted, allow_unicode=True)[:200] or slugify(title)[:200]
        slug = slug or f"page-{item.post_id}"
        if wanted and slug != wanted:
            self.report.warn(item, f"slug '{wanted}' is not valid here; now '{slug}'")
        taken = parent.get_children().filter(slug=slug).exists() or (
            parent.depth <= 2 and _taken_by_the_site(slug)
        )
        if taken:
            new = f"{slug[:190]}-wp{item.post_id}"
            self.report.warn(item, f"slug '{slug}' already used here; now '{new}'")
            slug = new
        return slug
