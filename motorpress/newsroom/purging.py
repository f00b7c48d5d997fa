"""Which public URLs show a story: purged from shared caches when it is published or taken down.

Varnish (deploy/varnish/motorpress.vcl) purges a path with every query string under it
(?page=2, ?q=…); CDNs purge exactly the URLs listed, and rely on s-maxage for the rest.

Each edition has its own listings: a Hindi story purges /hi/, /hi/latest/, /hi/feeds/…, the
Hindi sitemaps and the API's ?lang=hi answers, never the English ones (and an English story the
reverse). Reader routes are reversed in the story's own language, whatever language the editor
who published it uses in the admin. What the two editions share: the sitemap index, which lists
both, and the story's translations, whose pages and API answers link to it.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from motorpress.core.editions import edition_for, language_of_locale

FEED_FORMATS = ("rss", "atom", "json")
# Sitemap sections that change with any story: its URL, the sections' and authors' dates.
STORY_SITEMAPS = ("articles", "sections", "authors")


def _feeds(name: str, **kwargs) -> list[str]:
    return [reverse(name, kwargs={**kwargs, "fmt": fmt}) for fmt in FEED_FORMATS]


def _api(name: str, language_code: str, **kwargs) -> list[str]:
    """An API answer in an edition: ?lang=hi, or the default edition's with and without ?lang."""
    path = reverse(f"api-v1:{name}", kwargs=kwargs or None)
    edition = edition_for(language_code)
    with_lang = f"{path}?lang={edition.short_code}"
    return [path, with_lang] if edition.is_default else [with_lang]


def site_wide_paths(language_code: str | None = None) -> list[str]:
    """Pages of an edition (the default one unless told) that list every story, whatever its
    section, author or vehicles."""
    edition = edition_for(language_code or settings.LANGUAGE_CODE)
    with translation.override(settings.LANGUAGE_CODE):
        index = reverse("syndication:sitemap_index")  # one index for every edition
    with translation.override(edition.language_code):
        return [
            edition.url_prefix,
            reverse("latest"),
            reverse("search"),
            *_feeds("syndication:feed_latest"),
            index,
            *(
                reverse("syndication:sitemap_section", kwargs={"section": section})
                for section in STORY_SITEMAPS
            ),
            reverse("syndication:news_sitemap"),
            *_api("articles", edition.language_code),
            *_api("latest", edition.language_code),
            *_api("sections", edition.language_code),
        ]


def page_paths(page) -> list[str]:
    """The page and every page above it (its sections, the home page)."""
    paths = [ancestor.url for ancestor in page.get_ancestors(inclusive=True).filter(depth__gt=1)]
    return [path for path in paths if path]


def page_language(page) -> str:
    """The language code of a page's edition (no query)."""
    return language_of_locale(page.locale_id)


def article_paths(article) -> list[str]:
    """Everything that shows this story in its edition: its page, sections, bylines, vehicles,
    feeds, API; and its translations' pages, whose hreflang links and API items name it."""
    from motorpress.newsroom.models import SectionPage

    language = page_language(article)
    with translation.override(language):
        paths = [*site_wide_paths(language), *page_paths(article)]
        paths.append(reverse("api-v1:article", kwargs={"article_id": article.pk}))
        for section in SectionPage.objects.ancestor_of(article).only("slug"):
            paths += _feeds("syndication:feed_section", slug=section.slug)
        for byline in article.article_authors.select_related("author"):
            author = byline.author
            paths += [author.get_absolute_url(), *_api("author", language, slug=author.slug)]
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
    return [*paths, *translation_paths(article)]


def translation_paths(page) -> list[str]:
    """The live translations of a page in the other editions: their pages (one query) and,
    for stories, their API answers."""
    from motorpress.newsroom.models import ArticlePage

    paths = []
    for other in page.get_translations().live().only("url_path", "locale_id"):
        if other.url:
            paths.append(other.url)
        if isinstance(page, ArticlePage):
            paths.append(reverse("api-v1:article", kwargs={"article_id": other.pk}))
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
