"""`manage.py rebuild_story_index`: refill PostgreSQL's story search table from Wagtail's index."""

import time

from django.core.management.base import BaseCommand

from motorpress.discovery.search.story_index import is_available, rebuild_story_index


class Command(BaseCommand):
    help = "Refill the story search table (PostgreSQL) from Wagtail's search index."

    def handle(self, *args, **options):
        if not is_available():
            self.stdout.write("Not PostgreSQL: searches use Wagtail's backend; nothing to do.")
            return
        started = time.perf_counter()
        rows = rebuild_story_index()
        took = time.perf_counter() - started
        self.stdout.write(self.style.SUCCESS(f"{rows:,} live stories indexed in {took:.1f} s."))
