"""Reads for newsroom pages, views and (later) feeds and the API. Every query is bounded."""

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404

from motorpress.newsroom.models import (
    ArticleKind,
    ArticlePage,
    Author,
    HomePage,
    ReviewTest,
    SectionPage,
)

LATEST_RAIL_SIZE = 10
REVIEW_STRIP_SIZE = 4
RELATED_SIZE = 4


def latest_articles(*, exclude_id: int | None = None, limit: int = LATEST_RAIL_SIZE):
    """The newest published stories for a Latest News rail (lazy: cached fragments skip it)."""
    qs = ArticlePage.objects.for_rail().in_edition()
    if exclude_id is not None:
        qs = qs.exclude(pk=exclude_id)
    return qs[:limit]


def latest_feed():
    """The edition's published stories, newest first, for /latest/ (paginated by the view)."""
    return ArticlePage.objects.for_cards().in_edition()


def section_articles(*, section: SectionPage):
    return ArticlePage.objects.for_cards().child_of(section)


def author_articles(*, author: Author):
    return ArticlePage.objects.for_cards().in_edition().filter(article_authors__author=author)


def author_by_slug(*, slug: str) -> Author:
    return get_object_or_404(Author.objects.select_related("photo"), slug=slug)


def lead_story(*, home: HomePage) -> ArticlePage | None:
    """The editor's chosen lead if it is live, else the edition's newest story; with bylines
    and hero."""
    qs = (
        ArticlePage.objects.published()
        .filter(locale_id=home.locale_id)
        .newest_first()
        .with_bylines()
        .with_hero_renditions()
        .defer("body")
    )
    if home.lead_story_id:
        chosen = qs.filter(pk=home.lead_story_id).first()
        if chosen is not None:
            return chosen
    return qs.first()


def review_strip(*, limit: int = REVIEW_STRIP_SIZE):
    return (
        ArticlePage.objects.for_cards()
        .in_edition()
        .filter(kind__in=ArticleKind.review_kinds())[:limit]
    )


def related_articles(*, article: ArticlePage, tag_ids: list[int], limit: int = RELATED_SIZE):
    """Stories sharing the most tags with `article`, then the newest of its section."""
    qs = (
        ArticlePage.objects.for_links()
        .filter(locale_id=article.locale_id)
        .exclude(pk=article.pk)
        .annotate(shared_tags=Count("tagged_items", filter=Q(tagged_items__tag_id__in=tag_ids)))
        .filter(Q(shared_tags__gt=0) | Q(path__startswith=article.path[: -article.steplen]))
        .order_by("-shared_tags", "-first_published_at", "-pk")
    )
    return qs[:limit]


def section_pages(*, home: HomePage | None = None):
    qs = SectionPage.objects.live().public().order_by("path")
    if home is not None:
        qs = qs.child_of(home)
    return qs


def stories_about_vehicle(*, vehicle_model, limit: int = 6):
    """The edition's newest stories tagged with a vehicle, for its catalogue page."""
    return ArticlePage.objects.for_rail().in_edition().filter(vehicles=vehicle_model)[:limit]


def suggested_vehicles(*, article: ArticlePage) -> list:
    """Catalogue models the story names but is not yet attached to."""
    from motorpress.catalogue.selectors import vehicle_models_named_in

    text = "\n".join(
        [article.title, article.teaser, *article.highlight_texts, article.plain_text()]
    )
    attached = {vehicle.pk for vehicle in article.vehicles.all()}
    return [model for model in vehicle_models_named_in(text) if model.pk not in attached]


def tests_of_vehicle(*, vehicle_model):
    """Our tested figures for a model's variants, from live reviews, newest first."""
    live_reviews = ArticlePage.objects.published().values("pk")
    return (
        ReviewTest.objects.filter(variant__vehicle_model=vehicle_model, article__in=live_reviews)
        .select_related("variant__vehicle_model__make", "article")
        .order_by("-article__first_published_at")
    )
