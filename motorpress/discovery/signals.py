"""Keep PostgreSQL's story search table in step with publishing.

The table is built from Wagtail's index entry, which the page's save has just rewritten (the
task backend runs at once); both are in the publishing transaction, so a publish that fails
half-way leaves neither changed.
"""

from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from motorpress.discovery.search.story_index import (
    is_available,
    story_index_remove,
    story_index_sync,
)
from motorpress.newsroom.models import ArticlePage


@receiver(page_published)
def _story_published(sender, instance, **kwargs):
    if is_available() and issubclass(sender, ArticlePage):
        story_index_sync([instance.pk])


@receiver(page_unpublished)
def _story_unpublished(sender, instance, **kwargs):
    if is_available() and issubclass(sender, ArticlePage):
        story_index_remove([instance.pk])


@receiver(post_page_move)
def _pages_moved(sender, instance, **kwargs):
    """A moved story or section changes the tree paths the section filter reads."""
    if not is_available():
        return
    moved = list(
        ArticlePage.objects.descendant_of(instance, inclusive=True).values_list("pk", flat=True)
    )
    story_index_sync(moved)
