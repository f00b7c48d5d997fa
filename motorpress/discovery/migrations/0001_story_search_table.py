"""PostgreSQL's story search table and its index (RUM where the extension exists); nothing on
SQLite. See motorpress/discovery/search/story_index.py."""

from django.db import migrations


def create(apps, schema_editor):
    from motorpress.discovery.search.story_index import create_schema

    create_schema()


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP TABLE IF EXISTS discovery_storysearch")


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0005_newsroom_roles"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop)]
