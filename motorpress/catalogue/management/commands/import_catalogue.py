"""`manage.py import_catalogue FILE [--kind K]`: all rows valid and written, or nothing written."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from motorpress.catalogue.importing import KINDS, ImportFileError, catalogue_import, read_rows


class Command(BaseCommand):
    help = "Import makes, models, variants, prices, offers and sales from CSV or YAML."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--kind", choices=KINDS, help="Kind of rows in a CSV file.")
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, file: Path, kind=None, no_progress=False, **options):
        if not file.is_file():
            raise CommandError(f"{file} is not a file")
        try:
            rows = read_rows(file, kind=kind)
        except ImportFileError as error:
            raise CommandError(str(error)) from error

        def progress(items):
            return tqdm(items, desc="Importing", unit="row", disable=no_progress, file=self.stderr)

        report = catalogue_import(rows=rows, progress=progress)
        if not report.ok:
            for error in report.errors:
                self.stderr.write(str(error))
            raise CommandError(f"{len(report.errors)} invalid rows: nothing was imported.")
        summary = ", ".join(
            f"{kind} {report.created[kind]} new/{report.updated[kind]} updated"
            for kind in KINDS
            if report.created[kind] or report.updated[kind]
        )
        self.stdout.write(self.style.SUCCESS(f"Imported: {summary or 'nothing'}."))
