"""schema.org JSON-LD for newsroom pages: plain dicts, escaped by the `jsonld` filter."""

from django.conf import settings

from motorpress.newsroom.models import ArticlePage, Author


def publisher(request) -> dict:
    return {
        "@type": "Organization",
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


def news_article(request, article: ArticlePage, image_url: str | None) -> dict:
    """NewsArticle: headline, image, dates, authors as Person with url, publisher."""
    modified = article.last_published_at or article.first_published_at
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title[:110],
        "description": article.teaser,
        "mainEntityOfPage": article.get_full_url(request),
        "datePublished": article.first_published_at.isoformat()
        if article.first_published_at
        else None,
        "dateModified": modified.isoformat() if modified else None,
        "author": [person(request, author) for author in article.authors],
        "publisher": publisher(request),
        "articleSection": article.get_kind_display(),
    }
    if image_url:
        data["image"] = [request.build_absolute_uri(image_url)]
    return {key: value for key, value in data.items() if value is not None}


def website(request) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": settings.WAGTAIL_SITE_NAME,
        "url": request.build_absolute_uri("/"),
        "publisher": publisher(request),
    }


def profile_page(request, author: Author) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "ProfilePage",
        "mainEntity": {**person(request, author), "jobTitle": author.role or None},
    }
