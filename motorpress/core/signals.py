"""Site changes invalidate the cached site lookup (see core.middleware)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Site

from motorpress.core.cache import bump_content_generation


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def _site_changed(sender, **kwargs):
    bump_content_generation()
