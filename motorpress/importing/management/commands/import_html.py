"""manage.py import_html FILE_OR_DIR: saved article pages become draft articles."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from motorpress.importing.html_import import HtmlImportError, html_article_import
from motorpress.newsroom.models import ArticleKind, SectionPage


class Command(BaseCommand):
    help = (
        "Import saved HTML article pages as draft articles: the main text is extracted from "
        "the page, navigation and rails are left out, and nothing is published."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="An .html file, or a folder whose *.html files to import.")
        parser.add_argument("--section", default="news", help="Section slug (default: news).")
        parser.add_argument(
            "--edition",
            default=settings.LANGUAGE_CODE,
            choices=[code for code, _name in settings.LANGUAGES],
            help=f"The edition's language (default: {settings.LANGUAGE_CODE}).",
        )
        parser.add_argument("--author", default="", help="Byline to use instead of the page's.")
        parser.add_argument(
            "--kind", default=ArticleKind.NEWS, choices=ArticleKind.values, help="Article kind."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would be imported; write nothing."
        )
        parser.add_argument(
            "--allow-downloads",
            action="store_true",
            help="Download a lead image that is not saved next to the page (public URLs only).",
        )

    def handle(self, *args, **options):
        target = Path(options["path"])
        if target.is_dir():
            files = sorted(p for p in target.iterdir() if p.suffix.lower() in (".html", ".htm"))
            if not files:
                raise CommandError(f"No .html files in {target}.")
        elif target.is_file():
            files = [target]
        else:
            raise CommandError(f"{target} does not exist.")
        sections = SectionPage.objects.filter(locale__language_code=options["edition"])
        section = sections.filter(slug=options["section"]).first()
        if section is None:
            known = ", ".join(sections.values_list("slug", flat=True)) or "none"
            raise CommandError(f"No section {options['section']!r} (sections: {known}).")

        counts = {"imported": 0, "would import": 0, "skipped": 0, "failed": 0}
        for path in files:
            try:
                result = html_article_import(
                    path=path,
                    section=section,
                    author_name=options["author"],
                    kind=options["kind"],
                    dry_run=options["dry_run"],
                    allow_downloads=options["allow_downloads"],
                )
            except HtmlImportError as exc:
                counts["failed"] += 1
                self.stderr.write(self.style.ERROR(f"failed: {path.name}: {exc}"))
                continue
            except Exception as exc:  # one bad file must not stop a folder; its writes rolled back
                counts["failed"] += 1
                self.stderr.write(
                    self.style.ERROR(f"failed: {path.name}: {type(exc).__name__}: {exc}")
                )
                continue
            counts[result.status] += 1
            self._report(path, result, section)

        summary = ", ".join(f"{count} {status}" for status, count in counts.items() if count)
        self.stdout.write(f"{len(files)} file(s): {summary}.")
        if counts["failed"]:
            raise CommandError(f"{counts['failed']} file(s) could not be imported (see above).")

    def _report(self, path, result, section):
        article = result.article
        if result.status == "skipped":
            where = f"draft {result.page.pk}" if result.page else "a page since deleted"
            self.stdout.write(f"skipped: {path.name}: already imported as {where}")
        else:
            page = f" (page {result.page.pk}, not live)" if result.page else ""
            self.stdout.write(
                self.style.SUCCESS(f"{result.status}: {path.name} → draft “{article.title}”{page}")
            )
            when = (
                timezone.localtime(article.published_at).strftime("%d %b %Y %H:%M %Z")
                if article.published_at
                else "no date found (set it before publishing)"
            )
            source = f" (from {article.date_source})" if article.date_source else ""
            self.stdout.write(f"  section: {section.title}; by {', '.join(result.authors)}")
            self.stdout.write(f"  dated: {when}{source}")
            self.stdout.write(
                f"  highlights: {len(article.highlights)} taken from {article.highlights_source}"
                " — check them before publishing"
            )
            self.stdout.write(f"  lead image: {result.lead_image or 'none'}")
            for note in article.notes:
                self.stdout.write(f"  note: {note}")
        for warning in result.warnings:
            self.stdout.write(self.style.WARNING(f"  warning: {warning}"))
