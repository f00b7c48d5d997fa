"""`manage.py generate_bench_site`: a large generated site for `make bench`."""

from django.core.management.base import BaseCommand, CommandError

from motorpress.demo.bench_site import BenchSiteExists, generate


class Command(BaseCommand):
    help = (
        "Write N generated stories and M vehicle models in bulk (benchmark content, marked as "
        "such). Refuses a database that already holds generated content."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=10_000)
        parser.add_argument("--models", type=int, default=500)
        parser.add_argument("--chunk", type=int, default=5_000, help="stories per transaction")
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, articles, models, chunk, no_progress, **options):
        if articles < 0 or models < 0 or chunk < 1:
            raise CommandError("--articles and --models must be ≥ 0, --chunk ≥ 1.")
        try:
            report = generate(
                articles=articles, models=models, chunk=chunk, progress=not no_progress
            )
        except BenchSiteExists as error:
            raise CommandError(str(error)) from error
        rate = report.articles / report.seconds if report.seconds else 0
        self.stdout.write(
            self.style.SUCCESS(
                f"Generated {report.articles} stories and {report.models} models in "
                f"{report.seconds:.1f} s ({rate:.0f} stories/s; search index "
                f"{report.search_seconds:.1f} s of it)."
            )
        )
