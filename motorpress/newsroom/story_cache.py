"""What a live article page shows, kept per content generation: a warm story needs no SQL.

A story's page, its byline, tags, vehicles, related stories and JSON-LD change only when
something is published or the catalogue changes, and both move the content generation on
(motorpress.core.cache) after they commit, so entries here are never deleted, only outlived.
Previews never read or write these entries: they show unsaved drafts under the live page's id.
Keys also carry the date, because claim statuses in a story ("overdue by 12 days") move daily.
"""

import uuid

from django.core.cache import cache
from django.utils import timezone

from motorpress.core.cache import content_generation

TIMEOUT = 24 * 3600


def _generation() -> str:
    return f"{content_generation()}:{timezone.localdate().isoformat()}"


def _cached(key: str, build):
    value = cache.get(key)
    if value is None:
        value = build()
        if value is not None:
            cache.set(key, value, timeout=TIMEOUT)
    return value


def article_at(url_path: str, load):
    """The live article at url_path, with what its page prefetches; None when there is none."""
    return _cached(f"motorpress:story:page:{_generation()}:{url_path}", load)


def story_context(article, request, build) -> dict:
    """build() gives the story's context; cached per host (JSON-LD holds absolute URLs)."""
    if getattr(request, "is_preview", False):
        return {**build(), "story_cache_token": uuid.uuid4().hex}
    key = (
        f"motorpress:story:context:{_generation()}:{article.pk}:"
        f"{request.scheme}:{request.get_host()}"
    )
    return {**_cached(key, build), "story_cache_token": f"live:{timezone.localdate()}"}
