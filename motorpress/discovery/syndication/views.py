"""Feeds, sitemaps and robots.txt: thin views over the feed and sitemap classes.

Per edition (English at /, Hindi under /hi/): the feeds, the sitemap sections
(/hi/sitemap-articles.xml, …) and the Google News sitemap (/hi/news-sitemap.xml). Once per
host: the sitemap index at /sitemap.xml, which lists every live edition's sections
(/hi/sitemap.xml redirects to it), and /robots.txt, which names the index and every news
sitemap (/hi/robots.txt is a 404: crawlers read robots.txt at the root only).
"""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.http import parse_http_date
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from motorpress.core.editions import active_edition, edition_for, live_editions
from motorpress.discovery.syndication import selectors
from motorpress.discovery.syndication.feeds import FEEDS
from motorpress.discovery.syndication.generators import FEED_TYPES
from motorpress.discovery.syndication.sitemaps import sitemaps_for
from motorpress.discovery.syndication.text import story_language, xml_safe

FEED_MAX_AGE = 300
SITEMAP_MAX_AGE = 300
ROBOTS_MAX_AGE = 3600


@require_safe
def feed(request, fmt: str, kind: str, slug: str | None = None):
    """/feeds/latest.<fmt>, /feeds/<section>.<fmt>, /feeds/authors|makes/<slug>.<fmt>."""
    response = FEEDS[kind](request, FEED_TYPES[fmt])(request, slug=slug)
    patch_cache_control(response, public=True, max_age=FEED_MAX_AGE)
    return response


def _crawled_editions():
    """The editions crawlers are told about: those with a live home page (the default one on
    a site that has none yet, as before editions existed)."""
    return live_editions() or [edition_for(settings.LANGUAGE_CODE)]


def _default_edition_url(name: str) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return reverse(name)


@require_safe
@cache_control(public=True, max_age=SITEMAP_MAX_AGE)
def sitemap_index(request):
    """/sitemap.xml: every live edition's sections (/sitemap-articles.xml, then
    /hi/sitemap-articles.xml, …). /hi/sitemap.xml sends crawlers to it."""
    if not active_edition().is_default:
        return HttpResponsePermanentRedirect(_default_edition_url("syndication:sitemap_index"))
    responses = []
    for edition in _crawled_editions():
        with translation.override(edition.language_code):
            responses.append(
                sitemap_views.index(
                    request, sitemaps_for(request), sitemap_url_name="syndication:sitemap_section"
                )
            )
    response = responses[0]
    response.context_data["sitemaps"] = [
        item for each in responses for item in each.context_data["sitemaps"]
    ]
    modified = [each.headers.get("Last-Modified") for each in responses]
    if all(modified):
        response.headers["Last-Modified"] = max(modified, key=parse_http_date)
    else:
        response.headers.pop("Last-Modified", None)
    return response


@require_safe
@cache_control(public=True, max_age=SITEMAP_MAX_AGE)
def sitemap_section(request, section: str):
    return sitemap_views.sitemap(request, sitemaps_for(request), section=section)


@dataclass(frozen=True)
class NewsEntry:
    """One story in the Google News sitemap."""

    location: str
    title: str
    language: str
    published: str


def _w3c(moment: datetime) -> str:
    return timezone.localtime(moment).replace(microsecond=0).isoformat()


@require_safe
@cache_control(public=True, max_age=SITEMAP_MAX_AGE)
def news_sitemap(request):
    """Google News sitemap of one edition (/news-sitemap.xml, /hi/news-sitemap.xml): its stories
    first published in the last two days, newest first, under the edition's publication name
    and language."""
    entries = [
        NewsEntry(
            location=request.build_absolute_uri(article.get_url_parts(request=request)[2]),
            title=xml_safe(article.title),
            language=story_language(article.title, article.locale_id),
            published=_w3c(article.first_published_at),
        )
        for article in selectors.news_articles(request)
    ]
    context = {"entries": entries, "publication": xml_safe(selectors.publication_name(request))}
    response = render(
        request,
        "discovery/syndication/news_sitemap.xml",
        context,
        content_type="application/xml; charset=utf-8",
    )
    response.headers["X-Robots-Tag"] = "noindex, noodp, noarchive"
    return response


@require_safe
@cache_control(public=True, max_age=ROBOTS_MAX_AGE)
def robots_txt(request):
    """/robots.txt names the sitemap index and each edition's news sitemap."""
    if not active_edition().is_default:
        raise Http404("robots.txt is read at the root of the host only.")
    news = []
    for edition in _crawled_editions():
        with translation.override(edition.language_code):
            news.append(reverse("syndication:news_sitemap"))
    paths = [reverse("syndication:sitemap_index"), *news]
    context = {"sitemaps": [request.build_absolute_uri(path) for path in paths]}
    return render(
        request,
        "discovery/syndication/robots.txt",
        context,
        content_type="text/plain; charset=utf-8",
    )
