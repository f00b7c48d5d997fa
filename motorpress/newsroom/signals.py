"""Publishing changes what every listing shows: move the cache generation on, purge the CDN."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from motorpress.core.cache import bump_content_generation
from motorpress.core.purging import purge_after_commit, purging_enabled
from motorpress.newsroom.models import ArticlePage, Author
from motorpress.newsroom.purging import (
    article_paths,
    page_language,
    page_paths,
    site_wide_paths,
)


@receiver(page_published)
@receiver(page_unpublished)
def _page_changed(sender, **kwargs):
    bump_content_generation()


@receiver(post_save, sender=Author)
@receiver(post_delete, sender=Author)
def _author_changed(sender, **kwargs):
    bump_content_generation()


@receiver(page_published)
@receiver(page_unpublished)
def _purge_shared_caches(sender, instance, **kwargs):
    """Tell Varnish or the CDN, after the commit, every URL that shows the changed page."""
    if not purging_enabled():
        return
    site = instance.get_site()
    if site is None:  # not under any site: no public URL to purge
        return
    page = instance.specific
    if isinstance(page, ArticlePage):
        paths = article_paths(page)  # includes the site-wide listings
    else:
        paths = [*page_paths(page), *site_wide_paths(page_language(page))]
    purge_after_commit(site.root_url, paths)
