"""Replaces Wagtail's command of the same name with one that is safe to overlap."""

from django.core.management.base import BaseCommand

from motorpress.core.publishing import due_revision_ids, expired_object_keys, scheduled_run


class Command(BaseCommand):
    help = "Publish scheduled revisions and unpublish expired content (safe to run concurrently)."

    def add_arguments(self, parser):
        parser.add_argument("--dryrun", action="store_true", help="Only list what is due.")

    def handle(self, *args, dryrun=False, **options):
        if dryrun:
            self.stdout.write(f"Revisions due: {len(due_revision_ids())}")
            self.stdout.write(f"Expired objects: {len(expired_object_keys())}")
            return
        result = scheduled_run()
        self.stdout.write(f"Published {result.published}, unpublished {result.unpublished}.")
