"""Site and locale changes, and publishing a site's root page or its translation, invalidate the
cached site lookup and the editions' home pages (motorpress.core.editions)."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Locale, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished

from motorpress.core.cache import bump_content_generation, bump_site_generation


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
@receiver(post_save, sender=Locale)
@receiver(post_delete, sender=Locale)
def _site_changed(sender, **kwargs):
    bump_site_generation()


@receiver(page_published)
@receiver(page_unpublished)
def _root_page_changed(sender, instance, **kwargs):
    if instance.depth <= 2:  # a site root (Wagtail's tree root is depth 1, home pages depth 2)
        bump_site_generation()


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
@receiver(m2m_changed, sender=PageViewRestriction.groups.through)
def _view_restrictions_changed(sender, **kwargs):
    """Pages cache their restrictions per content generation (motorpress.core.pages)."""
    bump_content_generation()
