"""Behaviour shared by motorpress page types."""

from django.db.models import Q
from wagtail.models import Page, PageViewRestriction


class OneQueryViewRestrictionsMixin:
    """Looks up the view restrictions that apply to a page in one query instead of two.

    Wagtail loads the page's ancestors and then their restrictions. The ancestors' tree
    paths are prefixes of the page's own path, so both steps fit in one query with
    subqueries; aliases still take their source page's restrictions, as in Wagtail.
    """

    def get_view_restrictions(self):
        paths = [self.path[: self.steplen * depth] for depth in range(1, self.depth + 1)]
        chain = Page.objects.filter(path__in=paths)
        return PageViewRestriction.objects.filter(
            Q(page__in=chain.filter(alias_of__isnull=True).values("pk"))
            | Q(page__in=chain.filter(alias_of__isnull=False).values("alias_of_id"))
        )
