"""Reads for the API, built on the apps' selectors and named querysets.

What the API adds: the article filters and keyset pages, and the prefetches for every field an
item shows, so each list is a fixed number of queries however many items it returns. Only
live, public pages are ever read.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from django.http import Http404
from django.utils import timezone

from motorpress.catalogue import selectors as catalogue
from motorpress.catalogue.models import Make, VehicleModel
from motorpress.compare import selectors as compare
from motorpress.core.editions import (
    all_editions,
    edition_for,
    language_of_locale,
    live_editions,
    locale_id,
    locale_ids,
)
from motorpress.ledger import selectors as ledger
from motorpress.newsroom import selectors as newsroom
from motorpress.newsroom.models import ArticleAuthor, ArticlePage, ArticleTag, Author, SectionPage

LATEST_SIZE = 20
AUTHOR_LATEST_SIZE = 10


@dataclass(frozen=True)
class ArticleFilters:
    """The /articles filters, already validated by the endpoint's query schema."""

    section: str | None = None
    kind: str | None = None
    author: str | None = None
    make: str | None = None
    vehicle: tuple[str, str] | None = None  # (make slug, model slug)
    tag: str | None = None
    published_after: date | None = None  # on or after this day (India time)
    published_before: date | None = None  # before this day (India time)
    lang: str | None = None  # the edition ("en", "hi"); the default one when None


def _code(lang: str | None) -> str:
    """The edition asked for; the default one, never the active language, when none is."""
    return lang or settings.LANGUAGE_CODE


def _published():
    return ArticlePage.objects.published().filter(first_published_at__isnull=False)


def _articles(lang: str | None = None):
    """An edition's published stories, newest first, with everything an item shows prefetched.

    Four queries in all: the stories, their bylines, their hero images' renditions and their
    tags. The body is not read; highlights are.
    """
    return _published().in_edition(_code(lang)).newest_first().for_syndication()


def lang_of(page) -> str:
    """A page's edition as the API names it: "en", "hi" (no query)."""
    return edition_for(language_of_locale(page.locale_id)).short_code


def translations_of(articles) -> dict[int, list[ArticlePage]]:
    """{story id: its published, public translations in the other live editions, in the
    editions' order}, for a whole list of stories in one query. A translation that is a
    draft, unpublished, private or deleted is not there."""
    keys = {article.translation_key for article in articles}
    if not keys:
        return {}
    ids = locale_ids()
    live = [ids[e.language_code] for e in live_editions() if e.language_code in ids]
    order = {ids.get(e.language_code): n for n, e in enumerate(all_editions())}
    by_key: dict = {}
    rows = (
        _published()
        .filter(translation_key__in=keys, locale_id__in=live)
        .only("url_path", "locale_id", "translation_key")
        .order_by()
    )
    for page in rows:
        by_key.setdefault(page.translation_key, []).append(page)
    return {
        article.pk: sorted(
            (t for t in by_key.get(article.translation_key, ()) if t.pk != article.pk),
            key=lambda t: order.get(t.locale_id, len(order)),
        )
        for article in articles
    }


def _day_start(day: date) -> datetime | None:
    """Midnight at the start of `day` in India, in UTC; None before the first representable time."""
    start = datetime.combine(day, time.min, tzinfo=timezone.get_default_timezone())
    try:
        return start.astimezone(UTC)
    except OverflowError:
        return None


def _filtered(qs, filters: ArticleFilters):
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.section:
        # Stories are children of their section: the section's tree path prefixes theirs.
        parent = SectionPage.objects.filter(
            live=True, slug=filters.section, path=Substr(OuterRef("path"), 1, Length("path"))
        )
        qs = qs.filter(Exists(parent))
    if filters.author:
        qs = qs.filter(
            Exists(
                ArticleAuthor.objects.filter(article=OuterRef("pk"), author__slug=filters.author)
            )
        )
    if filters.make:
        about_make = ArticlePage.makes.through.objects.filter(
            articlepage=OuterRef("pk"), make__slug=filters.make
        )
        about_its_vehicle = ArticlePage.vehicles.through.objects.filter(
            articlepage=OuterRef("pk"), vehiclemodel__make__slug=filters.make
        )
        qs = qs.filter(Q(Exists(about_make)) | Q(Exists(about_its_vehicle)))
    if filters.vehicle:
        make_slug, model_slug = filters.vehicle
        qs = qs.filter(
            Exists(
                ArticlePage.vehicles.through.objects.filter(
                    articlepage=OuterRef("pk"),
                    vehiclemodel__make__slug=make_slug,
                    vehiclemodel__slug=model_slug,
                )
            )
        )
    if filters.tag:
        qs = qs.filter(
            Exists(ArticleTag.objects.filter(content_object=OuterRef("pk"), tag__slug=filters.tag))
        )
    if filters.published_after:
        start = _day_start(filters.published_after)
        if start is not None:
            qs = qs.filter(first_published_at__gte=start)
    if filters.published_before:
        end = _day_start(filters.published_before)
        qs = qs.filter(first_published_at__lt=end) if end is not None else qs.none()
    return qs


def article_page(
    *, filters: ArticleFilters, after: tuple[datetime, int] | None, limit: int
) -> tuple[list[ArticlePage], bool]:
    """Up to `limit` stories after the keyset position `after`, and whether more follow."""
    qs = _filtered(_articles(filters.lang), filters)
    if after is not None:
        published, pk = after
        qs = qs.filter(
            Q(first_published_at__lt=published) | Q(first_published_at=published, pk__lt=pk)
        )
    rows = list(qs[: limit + 1])
    return rows[:limit], len(rows) > limit


def latest_articles(*, lang: str | None = None, limit: int = LATEST_SIZE) -> list[ArticlePage]:
    return list(_articles(lang)[:limit])


def section_map() -> dict[str, SectionPage]:
    """Live sections by tree path: a story's section is the page its path extends."""
    return {section.path: section for section in SectionPage.objects.live()}


def section_of(article: ArticlePage, sections: dict[str, SectionPage]) -> SectionPage | None:
    return sections.get(article.path[: -article.steplen])


def public_sections(*, lang: str | None = None) -> list[SectionPage]:
    """An edition's live, public sections, in tree order."""
    return list(newsroom.section_pages().filter(locale_id=locale_id(_code(lang))))


def article_detail(*, article_id: int) -> ArticlePage:
    """A published story with bylines, tags, tested figures and hero renditions; 404 otherwise."""
    article = (
        ArticlePage.objects.published()
        .with_bylines()
        .with_tested_figures()
        .with_hero_renditions()
        .with_tags()
        .filter(pk=article_id)
        .first()
    )
    if article is None:
        raise Http404(f"No published story has the id {article_id}.")
    return article


def article_vehicles(article: ArticlePage) -> list[VehicleModel]:
    return list(article.vehicles.select_related("make").order_by("make__name", "name"))


def article_makes(article: ArticlePage) -> list[Make]:
    return list(article.makes.order_by("name"))


def authors() -> list[Author]:
    return list(_authors())


def _authors():
    return Author.objects.select_related("photo").prefetch_related("photo__renditions")


def author_by_slug(*, slug: str) -> Author:
    author = _authors().filter(slug=slug).first()
    if author is None:
        raise Http404(f"No author has the slug '{slug}'.")
    return author


def author_latest(
    *, author: Author, lang: str | None = None, limit: int = AUTHOR_LATEST_SIZE
) -> list[ArticlePage]:
    qs = _articles(lang).filter(
        Exists(ArticleAuthor.objects.filter(article=OuterRef("pk"), author=author))
    )
    return list(qs[:limit])


def published_pages(ids) -> dict[int, ArticlePage]:
    """The published stories among `ids` (cited as sources), in one query: a draft or private
    story is never linked."""
    ids = {pk for pk in ids if pk is not None}
    if not ids:
        return {}
    return {page.pk: page for page in ArticlePage.objects.for_links().filter(pk__in=ids)}


# Catalogue ------------------------------------------------------------------------------------


def makes() -> list[Make]:
    return list(catalogue.makes_with_counts().order_by("name"))


def make_by_slug(*, slug: str) -> Make:
    make = catalogue.makes_with_counts().filter(slug=slug).first()
    if make is None:
        raise Http404(f"No make has the slug '{slug}'.")
    return make


def vehicle_models(filters: catalogue.VehicleFilters) -> list[VehicleModel]:
    """The catalogue listing (price range and powertrains per model) with the /vehicles/
    filters, read in three queries (models, then image renditions)."""
    queryset = catalogue.vehicle_models_listing().prefetch_related("image__renditions")
    return catalogue.VehicleFinder.run(filters, queryset=queryset).results


def vehicle_model(*, make_slug: str, model_slug: str) -> VehicleModel:
    """A model with its variants, their current price and full price history."""
    try:
        return catalogue.vehicle_model_detail(make_slug=make_slug, model_slug=model_slug)
    except Http404:
        raise Http404(f"No model '{make_slug}/{model_slug}' in the catalogue.") from None


def comparison(*, slugs: list[str]) -> compare.Comparison:
    """2-4 models side by side in the canonical order; NotComparable names the unknown ones."""
    found = catalogue.models_by_compare_slugs(slugs)
    unknown = [slug for slug in slugs if slug not in found]
    if unknown:
        raise compare.NotComparable(", ".join(unknown))
    return compare.comparison_for([found[slug] for slug in slugs])


# Ledger ---------------------------------------------------------------------------------------


def claim_rows(
    *, make: str | None = None, metric: str | None = None, status: str | None = None
) -> list[ledger.ClaimRow]:
    """Claims with their derived status (two queries), newest claim first."""
    qs = ledger.claims_queryset()
    if make:
        qs = qs.filter(make__slug=make)
    if metric:
        qs = qs.filter(metric=metric)
    rows = ledger.claim_rows(qs)
    return [row for row in rows if status is None or row.status.code == status]
