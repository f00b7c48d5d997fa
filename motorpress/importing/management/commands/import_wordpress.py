"""manage.py import_wordpress EXPORT.xml [--dry-run] [--media-dir DIR] [--config FILE]
[--allow-downloads]: bring a WordPress site's posts, authors and images in."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from motorpress.importing.config import DEFAULT_CONFIG, ConfigError, load_config
from motorpress.importing.services import wordpress_import
from motorpress.importing.wxr import WxrError


class Command(BaseCommand):
    help = (
        "Import a WordPress export (WXR): posts become articles in the sections the mapping "
        "file names, with their authors, tags, dates, images and redirects from the old URLs. "
        "Running it again with the same file changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", type=Path, help="The WordPress export file (.xml).")
        parser.add_argument(
            "--dry-run", action="store_true", help="Read and convert everything; write nothing."
        )
        parser.add_argument(
            "--media-dir",
            type=Path,
            help="A copy of the site's wp-content/uploads folder to take images from.",
        )
        parser.add_argument(
            "--config",
            type=Path,
            help=f"Category → section/kind mapping (default: {DEFAULT_CONFIG.name}, documented).",
        )
        parser.add_argument(
            "--allow-downloads",
            action="store_true",
            help="Download images missing from --media-dir (public http/https addresses only).",
        )

    def handle(self, *args, **options):
        export = options["export"]
        # Bad input exits with status 2, as a command-line usage error does, and writes nothing.
        if not export.is_file():
            raise CommandError(f"No such file: {export}", returncode=2)
        media_dir = options["media_dir"]
        if media_dir is not None and not media_dir.is_dir():
            raise CommandError(f"No such folder: {media_dir}", returncode=2)
        try:
            report = wordpress_import(
                path=export,
                config=load_config(options["config"]),
                media_dir=media_dir,
                allow_downloads=options["allow_downloads"],
                dry_run=options["dry_run"],
                progress=lambda total: tqdm(total=total, unit="post", disable=None),
            )
        except (WxrError, ConfigError) as error:
            raise CommandError(str(error), returncode=2) from error
        self._print(report)

    def _print(self, report):
        out = self.stdout
        heading = "Dry run: nothing was written." if report.dry_run else "Import finished."
        out.write(self.style.SUCCESS(heading))
        for label, count in sorted(report.counts.items()):
            out.write(f"  {label}: {count}")
        if report.notes:
            out.write("Conversions and notes:")
            for message in report.notes:
                out.write(f"  - {message}")
        if report.warnings:
            out.write(self.style.WARNING(f"Warnings ({len(report.warnings)}):"))
            for message in report.warnings:
                out.write(f"  - {message}")
        if report.dropped_messages:
            out.write(f"  … and {report.dropped_messages} more messages not shown.")
