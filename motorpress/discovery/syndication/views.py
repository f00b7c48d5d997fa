"""Feeds, sitemaps and robots.txt: thin views over the feed and sitemap classes."""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from motorpress.discovery.syndication import selectors
from motorpress.discovery.syndication.feeds import FEEDS
from motorpress.discovery.syndication.generators import FEED_TYPES
from motorpress.discovery.syndication.sitemaps import sitemaps_for
from motorpress.discovery.syndication.text import language_of, xml_safe

FEED_MAX_AGE = 300
SITEMAP_MAX_AGE = 300
ROBOTS_MAX_AGE = 3600


@require_safe
def feed(request, fmt: str, kind: str, slug: str | None = None):
    """/feeds/latest.<fmt>, /feeds/<section>.<fmt>, /feeds/authors|makes/<slug>.<fmt>."""
    response = FEEDS[kind](request, FEED_TYPES[fmt])(request, slug=slug)
    patch_cache_control(response, public=True, max_age=FEED_MAX_AGE)
    return response


@require_safe
@cache_control(public=True, max_age=SITEMAP_MAX_AGE)
def sitemap_index(request):
    return sitemap_views.index(
        request, sitemaps_for(request), sitemap_url_name="syndication:sitemap_section"
    )


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
    """Google News sitemap: stories first published in the last two days, newest first."""
    entries = [
        NewsEntry(
            location=request.build_absolute_uri(article.get_url_parts(request=request)[2]),
            title=xml_safe(article.title),
            language=language_of(article.title),
            published=_w3c(article.first_published_at),
        )
        for article in selectors.news_articles(request)
    ]
    context = {"entries": entries, "publication": xml_safe(settings.WAGTAIL_SITE_NAME)}
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
    context = {
        "sitemaps": [
            request.build_absolute_uri(reverse("syndication:sitemap_index")),
            request.build_absolute_uri(reverse("syndication:news_sitemap")),
        ]
    }
    return render(
        request,
        "discovery/syndication/robots.txt",
        context,
        content_type="text/plain; charset=utf-8",
    )
