"""`manage.py ensure_roles`: apply the newsroom's roles (core.roles) to the database."""

from django.core.management.base import BaseCommand

from motorpress.core.roles import ROLES, ensure_roles


class Command(BaseCommand):
    help = "Create or update the Contributors and Editors groups to match core.roles. Idempotent."

    def handle(self, *args, **options):
        report = ensure_roles()
        names = ", ".join(role.name for role in ROLES)
        created = ", ".join(report.groups_created) or "none"
        self.stdout.write(f"Roles applied: {names} (created: {created}).")
        if report.home_page_id is None:
            self.stdout.write(
                self.style.WARNING("No default Site yet: page permissions were not granted.")
            )
        if report.missing_permissions:
            self.stdout.write(
                self.style.WARNING(
                    "Missing permissions (run migrate first): "
                    + ", ".join(report.missing_permissions)
                )
            )
