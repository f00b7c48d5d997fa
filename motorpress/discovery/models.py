"""The story search table as a model, so Django creates, flushes and cascades it like any other.

Only PostgreSQL reads or writes it (motorpress/discovery/search/story_index.py, in SQL); on
SQLite the table exists and stays empty. Its RUM (or GIN) index is made by the migration.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models


class StorySearchEntry(models.Model):
    """A live story's weighted words beside its date, kind and tree path."""

    page = models.OneToOneField(
        "wagtailcore.Page", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    published_at = models.DateTimeField()
    kind = models.CharField(max_length=20)
    path = models.CharField(max_length=255)
    document = SearchVectorField()

    class Meta:
        db_table = "discovery_storysearch"

    def __str__(self):
        return f"search entry of page {self.page_id}"
