"""The newsroom's groups (Contributors, Editors) and their permissions, from core.roles.

It lives in newsroom because core has no models and so no migrations; it depends on every app
whose permissions the roles name.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from motorpress.core.roles import ensure_roles


def apply_roles(apps, schema_editor):
    # Django creates model permissions after the whole migrate run (post_migrate); on a fresh
    # database that is too late for this step, so create them now from the historical models.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(
            app_config, verbosity=0, using=schema_editor.connection.alias, apps=apps
        )
        app_config.models_module = None
    ensure_roles(apps=apps)


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0004_claim_block"),
        ("catalogue", "0002_tighter_dates_and_sales_uniqueness"),
        ("ledger", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        # Wagtail's document migrations grant permissions to groups; run them before ours.
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    # Reversing leaves the groups in place: people may belong to them.
    operations = [migrations.RunPython(apply_roles, migrations.RunPython.noop)]
