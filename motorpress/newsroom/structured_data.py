"""schema.org JSON-LD for newsroom pages: plain dicts, escaped by the `jsonld` filter.

One script per page, its top-level node the page's subject (NewsArticle, WebSite, …); the
breadcrumb trail is the `breadcrumb` of its `mainEntityOfPage`, and a review is a node typed
both NewsArticle and Review.
"""

from django.conf import settings
from django.urls import reverse

from motorpress.catalogue.structured_data import vehicle_reference, web_page
from motorpress.core.editions import active_edition, edition_for, language_of_locale
from motorpress.newsroom.models import ArticlePage, Author

RATING_SCALE = 10  # ReviewTest.rating is out of 10


def publisher(request) -> dict:
    return {
        "@type": "Organization",
        "@id": request.build_absolute_uri("/") + "#organization",
        "name": settings.WAGTAIL_SITE_NAME,
        "url": request.build_absolute_uri("/"),
        "logo": {
            "@type": "ImageObject",
            "url": request.build_absolute_uri(f"{settings.STATIC_URL}img/logo.png"),
        },
    }


def person(request, author: Author) -> dict:
    return {
        "@type": "Person",
        "name": author.name,
        "url": request.build_absolute_uri(author.get_absolute_url()),
    }


def article_breadcrumbs(
    request, article: ArticlePage, section_title: str | None
) -> list[tuple[str, str]]:
    """Home > Section > Story (the section is left out when it is not known)."""
    trail = [(settings.WAGTAIL_SITE_NAME, request.build_absolute_uri("/"))]
    if section_title:
        trail.append((section_title, request.build_absolute_uri(article.section_url)))
    trail.append((article.title, request.build_absolute_uri(article.get_url(request) or "/")))
    return trail


def review(request, article: ArticlePage, vehicles=()) -> dict | None:
    """What makes a review a schema.org Review: the vehicle tested (from its tested figures,
    else the first vehicle the story is about) and our rating out of 10 when there is one."""
    test = next(iter(article.tests.all()), None)
    subject = test.variant.vehicle_model if test else next(iter(vehicles), None)
    if subject is None:
        return None
    data = {"itemReviewed": vehicle_reference(request, subject)}
    if test is not None and test.rating is not None:
        data["reviewRating"] = {
            "@type": "Rating",
            "ratingValue": float(test.rating),
            "bestRating": RATING_SCALE,
            "worstRating": 0,
        }
    if test is not None and test.verdict:
        data["reviewBody"] = test.verdict
    return data


def news_article(
    request,
    article: ArticlePage,
    image_url: str | None,
    *,
    section_title: str | None = None,
    vehicles=(),
) -> dict:
    """NewsArticle: headline, image, dates, authors as Person with url, publisher, the page's
    breadcrumbs; on review kinds also a Review of the vehicle tested."""
    modified = article.last_published_at or article.first_published_at
    url = article.get_full_url(request)
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title[:110],
        "name": article.title,
        "description": article.teaser,
        "mainEntityOfPage": web_page(url, article_breadcrumbs(request, article, section_title))
        if url
        else None,
        "datePublished": article.first_published_at.isoformat()
        if article.first_published_at
        else None,
        "dateModified": modified.isoformat() if modified else None,
        "author": [person(request, author) for author in article.authors],
        "publisher": publisher(request),
        "articleSection": article.get_kind_display(),
        "inLanguage": edition_for(language_of_locale(article.locale_id)).html_lang,
    }
    if image_url:
        data["image"] = [request.build_absolute_uri(image_url)]
    if article.is_review and (reviewed := review(request, article, vehicles)):
        data["@type"] = ["NewsArticle", "Review"]
        data.update(reviewed)
    return {key: value for key, value in data.items() if value is not None}


def website(request) -> dict:
    """The edition's WebSite, in its language, with its publisher Organization and a
    SearchAction for its /search/?q=."""
    search_url = request.build_absolute_uri(reverse("search"))
    edition = active_edition()
    home_url = request.build_absolute_uri(edition.url_prefix)
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "@id": home_url + "#website",
        "name": settings.WAGTAIL_SITE_NAME,
        "url": home_url,
        "inLanguage": edition.html_lang,
        "publisher": publisher(request),
        "potentialAction": {
            "@type": "SearchAction",
            "target": f"{search_url}?q={{search_term_string}}",
            "query-input": "required name=search_term_string",
        },
    }


def profile_page(request, author: Author) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "ProfilePage",
        "mainEntity": {**person(request, author), "jobTitle": author.role or None},
    }
