"""Which public URLs show a story: purged from shared caches when it is published or taken down.

Varnish (deploy/varnish/motorpress.vcl) purges a path with every query string under it
(?page=2, ?q=…); CDNs purge exactly the URLs listed, and rely on s-maxage for the rest.
"""

from django.urls import reverse

FEED_FORMATS = ("rss", "atom", "json")


def _feeds(name: str, **kwargs) -> list[str]:
    return [reverse(name, kwargs={**kwargs, "fmt": fmt}) for fmt in FEED_FORMATS]


def site_wide_paths() -> list[str]:
    """Pages that list every story, whatever its section, author or vehicles."""
    return [
        "/",
        reverse("latest"),
        reverse("search"),
        *_feeds("syndication:feed_latest"),
        reverse("syndication:sitemap_index"),
        reverse("syndication:sitemap_section", kwargs={"section": "articles"}),
        reverse("syndication:news_sitemap"),
        reverse("api-v1:articles"),
        reverse("api-v1:latest"),
        reverse("api-v1:sections"),
    ]


def page_paths(page) -> list[str]:
    """The page and every page above it (its sections, the home page)."""
    paths = [ancestor.url for ancestor in page.get_ancestors(inclusive=True).filter(depth__gt=1)]
    return [path for path in paths if path]


def article_paths(article) -> list[str]:
    """Everything that shows this story: its page, sections, bylines, vehicles, feeds, API."""
    from motorpress.newsroom.models import SectionPage

    paths = [*site_wide_paths(), *page_paths(article)]
    paths.append(reverse("api-v1:article", kwargs={"article_id": article.pk}))
    for section in SectionPage.objects.ancestor_of(article).only("slug"):
        paths += _feeds("syndication:feed_section", slug=section.slug)
    for byline in article.article_authors.select_related("author"):
        author = byline.author
        paths += [author.get_absolute_url(), reverse("api-v1:author", kwargs={"slug": author.slug})]
        paths += _feeds("syndication:feed_author", slug=author.slug)
    makes = {make.pk: make for make in article.makes.all()}
    for model in article.vehicles.select_related("make"):
        paths.append(model.get_absolute_url())
        makes[model.make.pk] = model.make
    if makes:
        paths.append(reverse("catalogue:list"))
    for make in makes.values():
        paths.append(make.get_absolute_url())
        paths += _feeds("syndication:feed_make", slug=make.slug)
    return paths


# Stories per changed vehicle whose pages are purged with it; older ones wait for s-maxage.
STORIES_PER_VEHICLE_PURGE = 50


def vehicle_story_paths(*, model_ids, make_ids) -> list[str]:
    """The newest stories about these vehicles (CATALOGUE_PURGE_PATHS): their pages show the
    vehicles' names, prices in compare tables and their JSON-LD."""
    from motorpress.newsroom.models import ArticlePage

    if not model_ids:
        return []
    stories = (
        ArticlePage.objects.live()
        .public()
        .filter(vehicles__in=model_ids)
        .distinct()
        .order_by("-first_published_at")
        .only("url_path")[:STORIES_PER_VEHICLE_PURGE]
    )
    return [path for story in stories if (path := story.url)]
