"""`manage.py load_demo_content`: the demo newsroom, idempotently, and an admin login."""

import os

from django.core.management.base import BaseCommand

from motorpress.demo.loader import admin_user_ensure, demo_load


class Command(BaseCommand):
    help = "Load the demo newsroom (fictional staff, stories from the seed facts). Idempotent."

    def add_arguments(self, parser):
        parser.add_argument("--no-admin", action="store_true", help="Do not create/reset admin.")

    def handle(self, *args, no_admin=False, **options):
        report = demo_load()
        self.stdout.write(
            f"Demo content: {report.catalogue_rows} catalogue rows, "
            f"{report.articles_created} stories created, "
            f"{report.articles_existing} already present, "
            f"{report.authors_created} authors created, {report.claims} claims recorded."
        )
        if not no_admin:
            password = admin_user_ensure(password=os.environ.get("DEMO_ADMIN_PASSWORD"))
            self.stdout.write(
                self.style.SUCCESS(f"Admin login: user 'admin', password '{password}'")
            )
