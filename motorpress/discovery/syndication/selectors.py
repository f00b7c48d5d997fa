"""Reads for feeds and sitemaps: which stories a machine may see, with their prefetches.

Every output here shows only live, public stories whose publication date has come, on the
site that was asked for, in the edition that was asked for (the active language: /hi/… is the
Hindi edition's tree, the rest the English one). Each function is one query (plus fixed
prefetches), however many stories there are.
"""

from datetime import timedelta

from django.conf import settings
from django.db.models import Max, OuterRef, Q, Subquery, TextField
from django.db.models.functions import Cast
from django.http import Http404
from django.utils import timezone
from wagtail.models import Page, Site

from motorpress.catalogue.models import Make, VehicleModel
from motorpress.compare.selectors import (
    MAX_SLUG_LENGTH,
    MAX_VEHICLES,
    MIN_VEHICLES,
    canonical_path,
)
from motorpress.core.editions import active_edition, edition_home, live_editions, locale_ids
from motorpress.core.querysets import OneQueryPublicPageQuerySet
from motorpress.newsroom.models import (
    ArticleAuthor,
    ArticlePage,
    Author,
    SectionPage,
    StandardPage,
)

FEED_SIZE = 20
NEWS_WINDOW = timedelta(days=2)
NEWS_LIMIT = 1000


def current_site(request) -> Site:
    """The Wagtail site the request is for (cached per request by Wagtail); 404 if none."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("No site is configured for this host.")
    return site


def publication_name(request) -> str:
    """The edition's name as a publication (feed titles, Google News): the site's name for the
    default edition, the edition's home page title for the others ("मोटरप्रेस हिन्दी")."""
    home = edition_home(request)
    if active_edition().is_default:
        return settings.WAGTAIL_SITE_NAME
    return home.title


def _visible(queryset):
    """Only what readers may see: its publication date has come and it has not expired."""
    now = timezone.now()
    return queryset.filter(first_published_at__lte=now).exclude(expire_at__lte=now)


def visible_articles(request):
    """Live, public stories of the request's site and edition, already published, newest
    first."""
    home = edition_home(request)
    # _visible: expired stories drop out before the scheduler unpublishes them.
    return _visible(
        ArticlePage.objects.published().descendant_of(home).filter(locale_id=home.locale_id)
    ).newest_first()


def feed_articles(queryset):
    """The newest FEED_SIZE stories of `queryset` with what a feed item shows: bylines, tags,
    hero renditions and highlights (the body stays unread)."""
    return queryset.for_syndication()[:FEED_SIZE]


def _public_sections(request):
    """Live sections of the edition with no view restriction on them (or the home page)."""
    return SectionPage.objects.child_of(edition_home(request)).live().public()


def standing_pages(request):
    """The edition's live, public standing pages (About, Contact, …), in tree order."""
    root = edition_home(request)
    return StandardPage.objects.descendant_of(root).live().public().order_by("path")


def section_by_slug(request, slug: str) -> SectionPage:
    """A live, public section directly under the edition's home page."""
    section = _public_sections(request).filter(slug=slug).first()
    if section is None:
        raise Http404("No such section.")
    return section


def sections(request):
    """The edition's live, public sections, each with `lastmod`: its newest story's last change."""
    newest = (
        visible_articles(request)
        .filter(path__startswith=OuterRef("path"))
        .order_by("-last_published_at")
        .values("last_published_at")[:1]
    )
    return _public_sections(request).annotate(lastmod=Subquery(newest)).order_by("path")


def stories_by_make(queryset, make: Make):
    """Stories attached to the make itself or to any of its models."""
    attached = ArticlePage.objects.filter(Q(makes=make) | Q(vehicles__make=make)).values("pk")
    return queryset.filter(pk__in=attached)


def authors_with_stories(request):
    """Authors with at least one visible story, each with `lastmod` (their newest story)."""
    newest = (
        ArticleAuthor.objects.filter(
            author=OuterRef("pk"), article__in=visible_articles(request).order_by().values("pk")
        )
        .order_by("-article__last_published_at")
        .values("article__last_published_at")[:1]
    )
    return (
        Author.objects.annotate(lastmod=Subquery(newest))
        .filter(lastmod__isnull=False)
        .order_by("slug")
    )


def news_articles(request):
    """The edition's stories first published in the last NEWS_WINDOW, newest first, at most
    NEWS_LIMIT."""
    since = timezone.now() - NEWS_WINDOW
    return (
        visible_articles(request)
        .filter(first_published_at__gte=since)
        .defer_streamfields()
        .defer("teaser")[:NEWS_LIMIT]
    )


def live_translations(translation_keys) -> dict:
    """{translation key: [page, …]}: the live, public, published pages in a live edition that
    share one of `translation_keys` (a list, or a `values("translation_key")` queryset, which
    stays a subquery), with what their URLs need. One query, however many pages.

    A translation that is a draft, unpublished, private, expired, dated in the future or in an
    edition without a live home page is not there; nor is a deleted one.
    """
    ids = locale_ids()
    live_locales = [ids[e.language_code] for e in live_editions() if e.language_code in ids]
    now = timezone.now()
    pages = (
        OneQueryPublicPageQuerySet(Page)
        .live()
        .public()
        .filter(translation_key__in=translation_keys, locale_id__in=live_locales)
        # Pages made live without a publish (a fresh site's home) have no first publication.
        .exclude(first_published_at__gt=now)
        .exclude(expire_at__lte=now)
        .only("url_path", "locale_id", "translation_key")
        .order_by()
    )
    found: dict = {}
    for page in pages:
        found.setdefault(page.translation_key, []).append(page)
    return found


def _list_block_ids(value) -> list:
    """Model ids from a ListBlock's stored value (either of Wagtail's two storage formats)."""
    return [item["value"] if isinstance(item, dict) else item for item in value or []]


def compare_pages(request) -> dict[str, object]:
    """Canonical compare paths that visible stories point to, each with its `lastmod`.

    A story points to a comparison with a compare table in its body, or by being about two to
    four vehicles. Three queries: bodies that hold a compare table, attached vehicles, models.
    """
    visible = visible_articles(request).order_by()
    groups: list[tuple[list[int], object]] = []
    with_tables = (
        visible.alias(body_text=Cast("body", TextField()))
        .filter(body_text__contains='"compare_table"')
        .only("pk", "body", "last_published_at")
    )
    for article in with_tables:
        for block in article.body.raw_data:
            if block.get("type") == "compare_table":
                ids = _list_block_ids((block.get("value") or {}).get("vehicles"))
                groups.append((ids, article.last_published_at))
    through = ArticlePage.vehicles.through
    attached: dict[int, tuple[list[int], object]] = {}
    rows = through.objects.filter(articlepage__in=visible.values("pk")).values_list(
        "articlepage_id", "vehiclemodel_id", "articlepage__last_published_at"
    )
    for article_id, model_id, lastmod in rows:
        attached.setdefault(article_id, ([], lastmod))[0].append(model_id)
    groups.extend(attached.values())

    wanted = {model_id for ids, _ in groups for model_id in ids if model_id is not None}
    models = VehicleModel.objects.select_related("make").in_bulk(wanted)
    pages: dict[str, object] = {}
    for ids, lastmod in groups:
        slugs = sorted({models[pk].compare_slug for pk in ids if pk in models})
        path = canonical_path(slugs)
        # The compare view refuses over-long addresses; a sitemap must not list a 404.
        fits = len(path.strip("/").removeprefix("compare/")) <= MAX_SLUG_LENGTH
        if MIN_VEHICLES <= len(slugs) <= MAX_VEHICLES and fits:
            pages[path] = max(filter(None, [pages.get(path), lastmod]), default=None)
    return dict(sorted(pages.items()))


def makes_with_claims():
    """Makes on the claims ledger, each with `lastmod`: its newest claim or outcome date."""
    return (
        Make.objects.filter(claims__isnull=False)
        .annotate(claimed=Max("claims__claimed_on"), recorded=Max("claims__outcomes__recorded_on"))
        .order_by("slug")
    )
