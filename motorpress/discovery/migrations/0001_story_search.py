"""The story search table (PostgreSQL reads it; see motorpress/discovery/search/story_index.py)
and its RUM index where the extension exists, GIN otherwise; no index on SQLite."""

import django.contrib.postgres.search
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def create_indexes(apps, schema_editor):
    from motorpress.discovery.search.story_index import create_indexes

    create_indexes()


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('wagtailcore', '0098_apitoken'),
        ('wagtailsearch', '0010_add_text_fields'),
    ]

    operations = [
        migrations.CreateModel(
            name='StorySearchEntry',
            fields=[
                ('page', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='+', serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('published_at', models.DateTimeField()),
                ('kind', models.CharField(max_length=20)),
                ('path', models.CharField(max_length=255)),
                ('document', django.contrib.postgres.search.SearchVectorField()),
            ],
            options={
                'db_table': 'discovery_storysearch',
            },
        ),
        migrations.RunPython(create_indexes, migrations.RunPython.noop),
]
