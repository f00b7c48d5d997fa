"""What a live article page shows, kept per content generation: a warm story needs no SQL.

A story's page, its byline, tags, vehicles, related stories and JSON-LD change only when
something is published or the catalogue changes, and both move the content generation on
(motorpress.core.cache) after they commit, so entries here are never deleted, only outlived.
Previews never read or write these entries: they show unsaved drafts under the live page's id.
Keys also carry the date, because claim statuses in a story ("overdue by 12 days") move daily.
"""

import uuid
from functools import partial

from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from motorpress.core.cache import cached_fragment as _cached
from motorpress.core.cache import generation_and_day as _generation


def article_at(url_path: str, load):
    """The live article at url_path, with what its page prefetches; None when there is none."""
    return _cached(f"motorpress:story:page:{_generation()}:{url_path}", load)


# Read outside the cached article fragment (the page head): kept in a small entry of their own.
HEAD_KEYS = ("structured_data", "share_image_url", "alternates")


def story_context(article, request, build) -> dict:
    """build() gives the story's context; cached per host (JSON-LD holds absolute URLs).

    Everything but the head is handed to the template lazily: when the article fragment is
    cached too, the template never asks for it and nothing is unpickled.
    """
    if getattr(request, "is_preview", False):
        return {**build(), "story_cache_token": uuid.uuid4().hex}
    key = (
        f"motorpress:story:context:{_generation()}:{article.pk}:"
        f"{request.scheme}:{request.get_host()}"
    )
    loaded = {}

    def full() -> dict:
        if "context" not in loaded:
            loaded["context"] = _cached(key, build)
        return loaded["context"]

    head = _cached(f"{key}:head", lambda: {name: full()[name] for name in HEAD_KEYS})
    lazy = {
        name: SimpleLazyObject(partial(lambda name: full()[name], name))
        for name in ("hero_renditions", "tags", "vehicles", "related_articles")
    }
    return {**lazy, **head, "story_cache_token": f"live:{timezone.localdate()}"}
