"""Publishing changes what every listing shows: move the cache generation on."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from motorpress.core.cache import bump_content_generation
from motorpress.newsroom.models import Author


@receiver(page_published)
@receiver(page_unpublished)
def _page_changed(sender, **kwargs):
    bump_content_generation()


@receiver(post_save, sender=Author)
@receiver(post_delete, sender=Author)
def _author_changed(sender, **kwargs):
    bump_content_generation()
