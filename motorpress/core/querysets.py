"""Page querysets shared by the apps."""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import PageViewRestriction
from wagtail.query import PageQuerySet


class OneQueryPublicPageQuerySet(PageQuerySet):
    def public(self):
        """Pages with no view restriction on themselves or an ancestor.

        Wagtail's own `public()` first loads every restriction in a separate query; this does
        the same test as one correlated subquery (a restriction applies when its page's tree
        path is a prefix of ours).
        """
        restricted = PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef("path"), 1, Length("page__path"))
        )
        return self.exclude(Exists(restricted))
