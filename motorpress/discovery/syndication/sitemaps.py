"""The sitemap index's sections, as django.contrib.sitemaps classes.

Each class is made per request: page URLs are paths on the host the crawler asked for (as the
pages' canonical links are), and the stories are those of the request's Wagtail site.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from motorpress.catalogue.models import VehicleModel
from motorpress.discovery.syndication import selectors


@dataclass(frozen=True)
class Entry:
    """One URL of a sitemap that does not list model instances."""

    location: str
    lastmod: date | datetime | None = None


class RequestSitemap(Sitemap):
    """A sitemap of `Entry` items, built for one request."""

    def __init__(self, request):
        self.request = request

    def location(self, item):
        return item.location

    def lastmod(self, item):
        return item.lastmod

    def get_latest_lastmod(self):
        return max((item.lastmod for item in self.items() if item.lastmod), default=None)


class ArticleSitemap(Sitemap):
    """Every visible story, newest first, with the time it was last published."""

    def __init__(self, request):
        self.request = request

    def items(self):
        return selectors.visible_articles(self.request).defer_streamfields().defer("teaser")

    def location(self, item):
        return item.get_url_parts(request=self.request)[2]

    def lastmod(self, item):
        return item.last_published_at or item.first_published_at

    def get_latest_lastmod(self):
        return selectors.visible_articles(self.request).aggregate(latest=Max("last_published_at"))[
            "latest"
        ]


class SectionSitemap(RequestSitemap):
    """The home page, /latest/ and the section listings, each as fresh as its newest story."""

    def items(self):
        if not hasattr(self, "_entries"):
            sections = list(selectors.sections(self.request))
            newest = max((section.lastmod for section in sections if section.lastmod), default=None)
            self._entries = [
                Entry("/", newest),
                Entry(reverse("latest"), newest),
                *(
                    Entry(section.get_url_parts(request=self.request)[2], section.lastmod)
                    for section in sections
                ),
            ]
        return self._entries


class StandingPageSitemap(RequestSitemap):
    """About, Contact, policies and their child pages: live and public."""

    def items(self):
        if not hasattr(self, "_entries"):
            self._entries = [
                Entry(page.get_url_parts(request=self.request)[2], page.last_published_at)
                for page in selectors.standing_pages(self.request)
            ]
        return self._entries


class AuthorSitemap(RequestSitemap):
    """Author pages of everyone with a visible story."""

    def items(self):
        if not hasattr(self, "_entries"):
            self._entries = [
                Entry(author.get_absolute_url(), author.lastmod)
                for author in selectors.authors_with_stories(self.request)
            ]
        return self._entries


class VehicleSitemap(RequestSitemap):
    """The catalogue: its listings, every make with models, every model (no change dates).

    One query: the makes worth a page are exactly the makes of the models.
    """

    def items(self):
        if not hasattr(self, "_entries"):
            listings = ["catalogue:list", "catalogue:upcoming", "catalogue:electric"]
            models = list(
                VehicleModel.objects.select_related("make").order_by("make__slug", "slug")
            )
            makes = {model.make.slug: model.make for model in models}
            self._entries = [
                *(Entry(reverse(name)) for name in listings),
                *(Entry(make.get_absolute_url()) for make in makes.values()),
                *(Entry(model.get_absolute_url()) for model in models),
            ]
        return self._entries


class CompareSitemap(RequestSitemap):
    """Comparisons that stories point to, in their canonical vehicle order."""

    def items(self):
        if not hasattr(self, "_entries"):
            pages = selectors.compare_pages(self.request)
            self._entries = [Entry(path, lastmod) for path, lastmod in pages.items()]
        return self._entries


class TrackerSitemap(RequestSitemap):
    """The claims ledger and the ledger page of each make with claims."""

    def items(self):
        if not hasattr(self, "_entries"):
            makes = [
                Entry(
                    reverse("ledger:make", kwargs={"make": make.slug}),
                    max(filter(None, [make.claimed, make.recorded]), default=None),
                )
                for make in selectors.makes_with_claims()
            ]
            newest = max((entry.lastmod for entry in makes if entry.lastmod), default=None)
            self._entries = [Entry(reverse("ledger:tracker"), newest), *makes]
        return self._entries


def sitemaps_for(request) -> dict[str, Sitemap]:
    """The index's sections, in the order crawlers see them."""
    classes = {
        "articles": ArticleSitemap,
        "sections": SectionSitemap,
        "pages": StandingPageSitemap,
        "authors": AuthorSitemap,
        "vehicles": VehicleSitemap,
        "compare": CompareSitemap,
        "tracker": TrackerSitemap,
    }
    return {name: cls(request) for name, cls in classes.items()}
