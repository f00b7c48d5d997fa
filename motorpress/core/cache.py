"""A content generation number: cached fragments that change only on publish key on it."""

import time
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.cache import cache
from django.db import transaction

_KEY = "motorpress:content-generation"
_SITE_KEY = "motorpress:site-generation"
_CATALOGUE_KEY = "motorpress:catalogue-generation"
_ONROAD_RULES_KEY = "motorpress:onroad-rules-generation"
# The generation a request read once at its start (see pinned_generation).
_pinned: ContextVar[int | None] = ContextVar("motorpress_content_generation", default=None)


def _fresh_generation() -> int:
    # Time-based, so a generation lost from the cache never restarts at a value that stale
    # fragments were stored under.
    return time.time_ns() // 1000


def _generation(key: str) -> int:
    generation = cache.get(key)
    if generation is None:
        cache.add(key, _fresh_generation(), timeout=None)
        generation = cache.get(key) or 0
    return generation


def _bump_after_commit(key: str) -> None:
    def _bump():
        try:
            cache.incr(key)
        except ValueError:  # the key was evicted: start a fresh generation
            cache.add(key, _fresh_generation(), timeout=None)

    transaction.on_commit(_bump)


def content_generation() -> int:
    """The current generation; fragments cached under an older one are never read again."""
    pinned = _pinned.get()
    return pinned if pinned is not None else _generation(_KEY)


@contextmanager
def pinned_generation(generation: int):
    """Inside this block content_generation() answers `generation` without asking the cache.

    A page asks for the generation several times (page cache key, routed story, context,
    view restrictions, each cached fragment); reading it once per request saves those round
    trips to Redis and makes every part of one page agree on the same generation.
    """
    token = _pinned.set(generation)
    try:
        yield
    finally:
        _pinned.reset(token)


def bump_content_generation() -> None:
    """Invalidate publish-scoped fragments once the current transaction has committed."""
    _bump_after_commit(_KEY)


def site_generation() -> int:
    """Generation of per-site data (the Site and its root page), which changes rarely."""
    return _generation(_SITE_KEY)


def bump_site_generation() -> None:
    _bump_after_commit(_SITE_KEY)


def catalogue_generation() -> int:
    """Generation of the catalogue alone (vehicles, prices, offers, on-road rules): a story's
    publish leaves it alone, so vehicle data read from the database survives the newsroom's
    publishing day and only a catalogue edit makes it be read again."""
    return _generation(_CATALOGUE_KEY)


def bump_catalogue_generation() -> None:
    _bump_after_commit(_CATALOGUE_KEY)


def onroad_rules_generation() -> int:
    """Generation of the on-road rules alone (cities, road tax, state charges). A price or a
    variant edit moves the catalogue generation on but leaves the rules as they were, so the
    tables every vehicle page reads are not read again after each catalogue edit."""
    return _generation(_ONROAD_RULES_KEY)


def bump_onroad_rules_generation() -> None:
    _bump_after_commit(_ONROAD_RULES_KEY)


def catalogue_generation_and_day() -> str:
    """Key part for catalogue data that also changes with the date (current offers)."""
    from django.utils import timezone

    return f"{catalogue_generation()}:{timezone.localdate().isoformat()}"


def generation_and_day() -> str:
    """Key part for what changes on publish and with the date (offers, "overdue by 12 days")."""
    from django.utils import timezone

    return f"{content_generation()}:{timezone.localdate().isoformat()}"


FRAGMENT_TIMEOUT = 24 * 3600


def cached_fragment(key: str, build):
    """build()'s value under key, built on a miss; None is never stored. Keys must carry the
    content generation: entries are outlived, never deleted."""
    value = cache.get(key)
    if value is None:
        value = build()
        if value is not None:
            cache.set(key, value, timeout=FRAGMENT_TIMEOUT)
    return value
