"""`manage.py serve_demo`: gunicorn (2 workers, keep-alive threads) plus the scheduler loop."""

import os
import signal
import subprocess
import sys

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Serve the site with gunicorn and run scheduled publishing beside it."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument("--workers", type=int, default=2)

    def handle(self, *args, port, workers, **options):
        scheduler = subprocess.Popen(
            [sys.executable, "manage.py", "run_scheduler", "--interval", "15"]
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Serving on http://127.0.0.1:{port}/ (admin: http://127.0.0.1:{port}/admin/); "
                "scheduled publishing runs every 15 s. Ctrl-C stops."
            )
        )
        server = subprocess.Popen(  # noqa: S603
            [
                sys.executable,
                "-m",
                "gunicorn",
                "motorpress.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(workers),
                "--worker-class",
                "gthread",
                "--threads",
                "4",
                "--keep-alive",
                "5",
                "--access-logfile",
                "-",
            ]
        )
        try:
            server.wait()
        except KeyboardInterrupt:
            server.send_signal(signal.SIGINT)
            server.wait()
        finally:
            scheduler.terminate()
            scheduler.wait()
