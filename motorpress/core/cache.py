"""A content generation number: cached fragments that change only on publish key on it."""

import time

from django.core.cache import cache
from django.db import transaction

_KEY = "motorpress:content-generation"
_SITE_KEY = "motorpress:site-generation"


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
    return _generation(_KEY)


def bump_content_generation() -> None:
    """Invalidate publish-scoped fragments once the current transaction has committed."""
    _bump_after_commit(_KEY)


def site_generation() -> int:
    """Generation of per-site data (the Site and its root page), which changes rarely."""
    return _generation(_SITE_KEY)


def bump_site_generation() -> None:
    _bump_after_commit(_SITE_KEY)
