"""The sitemap index's sections, as django.contrib.sitemaps classes.

Each class is made per request: page URLs are paths on the host the crawler asked for (as the
pages' canonical links are), and the stories are those of the request's Wagtail site and of the
active edition: /sitemap-<section>.xml is English, /hi/sitemap-<section>.xml Hindi, and the
one index at /sitemap.xml lists both.

Every <url> that exists in more than one edition carries an <xhtml:link rel="alternate"> per
live edition, itself included, and x-default for the default edition's, as the pages' own
hreflang links do: a page's translations are read in one query per sitemap (not per URL);
routes outside the page tree (/latest/, /vehicles/…) exist in every live edition at the same
path under its prefix, which costs no query.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse
from wagtail.models import Page

from motorpress.catalogue.models import VehicleModel
from motorpress.core.editions import (
    Alternate,
    active_edition,
    all_editions,
    edition_for,
    edition_home,
    language_of_locale,
    live_editions,
)
from motorpress.discovery.syndication import selectors


@dataclass(frozen=True)
class Entry:
    """One URL of a sitemap that does not list model instances, with its other editions
    (`Alternate` urls here are paths on the sitemap's host), or the Wagtail page it shows,
    whose translations are looked up only when the sitemap is written (not for the index)."""

    location: str
    lastmod: date | datetime | None = None
    alternates: tuple[Alternate, ...] = ()
    page: Page | None = None


def _ordered(alternates) -> tuple[Alternate, ...]:
    """Alternates in the editions' order; none at all for a page in one edition only."""
    if len(alternates) < 2:
        return ()
    order = [edition.language_code for edition in all_editions()]
    return tuple(sorted(alternates, key=lambda a: order.index(a.edition.language_code)))


def same_path_alternates(path: str) -> tuple[Alternate, ...]:
    """A route outside the page tree in every live edition: the same path under each prefix."""
    current = active_edition()
    bare = path if current.is_default else "/" + path.removeprefix(current.url_prefix)
    return _ordered([Alternate(e, f"{e.url_prefix}{bare[1:]}") for e in live_editions()])


def translation_alternates(pages, translations: dict, request) -> dict:
    """{page pk: its alternates} from `selectors.live_translations` (no query)."""
    found = {}
    for page in pages:
        alternates = [
            Alternate(
                edition_for(language_of_locale(translation.locale_id)),
                translation.get_url_parts(request=request)[2],
            )
            for translation in translations.get(page.translation_key, ())
        ]
        found[page.pk] = _ordered([a for a in alternates if a.url])
    return found


def hreflang_links(alternates, origin: str) -> list[dict]:
    """Django's sitemap template's `alternates`: one per edition, then x-default."""
    links = [{"location": f"{origin}{a.url}", "lang_code": a.edition.html_lang} for a in alternates]
    links += [
        {"location": f"{origin}{a.url}", "lang_code": "x-default"}
        for a in alternates
        if a.edition.is_default
    ]
    return links


class EditionSitemap(Sitemap):
    """A sitemap built for one request, whose URLs carry their other editions' addresses."""

    def __init__(self, request):
        self.request = request

    def alternates_of(self, items) -> list[tuple[Alternate, ...]]:
        """Each `Entry`'s alternates, in order: its page's translations (one query for all),
        else those it carries."""
        pages = [item.page for item in items if item.page is not None]
        found = {}
        if pages:
            keys = [page.translation_key for page in pages]
            found = translation_alternates(pages, selectors.live_translations(keys), self.request)
        return [item.alternates if item.page is None else found[item.page.pk] for item in items]

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        origin = f"{protocol}://{domain}"
        for url, alternates in zip(
            urls, self.alternates_of([url["item"] for url in urls]), strict=True
        ):
            url["alternates"] = hreflang_links(alternates, origin)
        return urls


class RequestSitemap(EditionSitemap):
    """A sitemap of `Entry` items."""

    def location(self, item):
        return item.location

    def lastmod(self, item):
        return item.lastmod

    def get_latest_lastmod(self):
        return max((item.lastmod for item in self.items() if item.lastmod), default=None)


def path_entry(location: str, lastmod=None) -> Entry:
    """An entry for a route outside the page tree, present in every edition."""
    return Entry(location, lastmod, same_path_alternates(location))


class ArticleSitemap(EditionSitemap):
    """Every visible story, newest first, with the time it was last published."""

    def items(self):
        return selectors.visible_articles(self.request).defer_streamfields().defer("teaser")

    def alternates_of(self, items):
        if not items:
            return []
        # This page of the sitemap is a run of stories between two publication times: their
        # translation keys stay a subquery, however many thousand stories the page holds.
        published = [item.first_published_at for item in items]
        keys = (
            self.items()
            .filter(first_published_at__range=(min(published), max(published)))
            .order_by()
            .values("translation_key")
        )
        found = translation_alternates(items, selectors.live_translations(keys), self.request)
        return [found[item.pk] for item in items]

    def location(self, item):
        return item.get_url_parts(request=self.request)[2]

    def lastmod(self, item):
        return item.last_published_at or item.first_published_at

    def get_latest_lastmod(self):
        return selectors.visible_articles(self.request).aggregate(latest=Max("last_published_at"))[
            "latest"
        ]


def page_entry(request, page, lastmod) -> Entry:
    """An entry for a Wagtail page (its translations are found when the sitemap is written)."""
    return Entry(page.get_url_parts(request=request)[2], lastmod, page=page)


class SectionSitemap(RequestSitemap):
    """The home page, /latest/ and the section listings, each as fresh as its newest story."""

    def items(self):
        if not hasattr(self, "_entries"):
            home = edition_home(self.request)
            sections = list(selectors.sections(self.request))
            newest = max((section.lastmod for section in sections if section.lastmod), default=None)
            self._entries = [
                page_entry(self.request, home, newest),
                path_entry(reverse("latest"), newest),
                *(page_entry(self.request, s, s.lastmod) for s in sections),
            ]
        return self._entries


class StandingPageSitemap(RequestSitemap):
    """About, Contact, policies and their child pages: live and public."""

    def items(self):
        if not hasattr(self, "_entries"):
            self._entries = [
                page_entry(self.request, page, page.last_published_at)
                for page in selectors.standing_pages(self.request)
            ]
        return self._entries


class AuthorSitemap(RequestSitemap):
    """Author pages of everyone with a visible story in the edition."""

    def items(self):
        if not hasattr(self, "_entries"):
            self._entries = [
                path_entry(author.get_absolute_url(), author.lastmod)
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
                *(path_entry(reverse(name)) for name in listings),
                *(path_entry(make.get_absolute_url()) for make in makes.values()),
                *(path_entry(model.get_absolute_url()) for model in models),
            ]
        return self._entries


class CompareSitemap(RequestSitemap):
    """Comparisons that stories point to, in their canonical vehicle order."""

    def items(self):
        if not hasattr(self, "_entries"):
            pages = selectors.compare_pages(self.request)
            prefix = active_edition().url_prefix  # canonical paths are the default edition's
            self._entries = [
                path_entry(f"{prefix}{path[1:]}", lastmod) for path, lastmod in pages.items()
            ]
        return self._entries


class TrackerSitemap(RequestSitemap):
    """The claims ledger and the ledger page of each make with claims."""

    def items(self):
        if not hasattr(self, "_entries"):
            makes = [
                path_entry(
                    reverse("ledger:make", kwargs={"make": make.slug}),
                    max(filter(None, [make.claimed, make.recorded]), default=None),
                )
                for make in selectors.makes_with_claims()
            ]
            newest = max((entry.lastmod for entry in makes if entry.lastmod), default=None)
            self._entries = [path_entry(reverse("ledger:tracker"), newest), *makes]
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
