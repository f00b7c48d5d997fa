"""The demo server's scheduler loop: runs scheduled publishing every N seconds."""

import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from motorpress.core.publishing import scheduled_run


class Command(BaseCommand):
    help = "Run scheduled publishing in a loop (the demo server starts this beside gunicorn)."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=20.0, help="Seconds between runs.")
        parser.add_argument("--once", action="store_true", help="Run a single pass and exit.")

    def handle(self, *args, interval=20.0, once=False, **options):
        while True:
            close_old_connections()
            try:
                result = scheduled_run()
                if result.published or result.unpublished:
                    self.stdout.write(
                        f"scheduler: published {result.published}, "
                        f"unpublished {result.unpublished}",
                    )
            except Exception as exc:  # keep the loop alive; the next pass retries
                self.stderr.write(f"scheduler: run failed: {exc!r}")
            if once:
                return
            time.sleep(interval)
