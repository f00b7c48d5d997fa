"""Behaviour shared by motorpress page types."""

from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from wagtail.models import Page, PageViewRestriction

from motorpress.core.cache import content_generation


class OneQueryViewRestrictionsMixin:
    """Looks up the view restrictions that apply to a page in one query instead of two.

    Wagtail loads the page's ancestors and then their restrictions. The ancestors' tree
    paths are prefixes of the page's own path, so both steps fit in one query with
    subqueries; aliases still take their source page's restrictions, as in Wagtail.

    Most pages have no restriction at all. Whether a page has any is cached per content
    generation, which any restriction change moves on (motorpress.core.signals), so an open
    page is checked without SQL; callers still get a queryset (Wagtail's admin orders it).
    """

    def get_view_restrictions(self):
        key = f"motorpress:restricted:{content_generation()}:{self.path}"
        restricted = cache.get(key)
        if restricted is None:
            restricted = self._view_restrictions_query().exists()
            cache.set(key, restricted, timeout=24 * 3600)
        if restricted:
            return self._view_restrictions_query()
        return PageViewRestriction.objects.none()

    def _view_restrictions_query(self):
        paths = [self.path[: self.steplen * depth] for depth in range(1, self.depth + 1)]
        chain = Page.objects.filter(path__in=paths)
        return PageViewRestriction.objects.filter(
            Q(page__in=chain.filter(alias_of__isnull=True).values("pk"))
            | Q(page__in=chain.filter(alias_of__isnull=False).values("alias_of_id"))
        )


class AtomicPublishMixin:
    """Publishing is all or nothing: the live row, the search index and the after-commit
    cache work of `revision.publish()` commit together or not at all.

    Wagtail 8 publishes without a transaction of its own, so an error in a receiver of
    `page_published` would leave a half-published page. The admin's Publish button calls
    Wagtail's action directly; motorpress.core.middleware.AtomicAdminWritesMiddleware wraps it.
    """

    def publish(self, *args, **kwargs):
        with transaction.atomic():
            return super().publish(*args, **kwargs)
