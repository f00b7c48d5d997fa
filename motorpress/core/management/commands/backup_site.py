"""Write the whole site (data, media, manifest) to one .tar.gz: see docs/backup.md."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from motorpress.core.backup import BackupError, backup_create


class Command(BaseCommand):
    help = "Back up every app's data and MEDIA_ROOT to a .tar.gz that restore_site reads."

    def add_arguments(self, parser):
        parser.add_argument("output", help="Where to write the archive, e.g. site.tar.gz.")
        parser.add_argument("--database", default="default")

    def handle(self, *args, output, database, **options):
        try:
            manifest = backup_create(output=Path(output), using=database)
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["counts"].values())
        media = len(manifest["members"]) - 1
        self.stdout.write(f"Wrote {output}: {rows} rows, {media} media files.")
