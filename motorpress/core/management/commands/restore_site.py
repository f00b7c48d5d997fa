"""Restore a site from an archive made by backup_site: see docs/backup.md."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from motorpress.core.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = (
        "Restore data and media from a backup_site archive. The archive is verified first; "
        "a database that holds content is only replaced with --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("input", help="An archive written by backup_site.")
        parser.add_argument(
            "--force", action="store_true", help="Replace the content already in the database."
        )
        parser.add_argument("--database", default="default")

    def handle(self, *args, input, force, database, **options):
        path = Path(input)
        if not path.is_file():
            raise CommandError(f"{input}: no such file.")
        try:
            result = backup_restore(archive=path, force=force, using=database)
        except BackupError as error:
            raise CommandError(f"Nothing was restored: {error}") from error
        rows = sum(result.counts.values())
        self.stdout.write(f"Restored {rows} rows and {result.media_files} media files.")
