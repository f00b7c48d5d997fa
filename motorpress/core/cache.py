"""A content generation number: cached fragments that change only on publish key on it."""

import time

from django.core.cache import cache
from django.db import transaction

_KEY = "motorpress:content-generation"


def _fresh_generation() -> int:
    # Time-based, so a generation lost from the cache never restarts at a value that stale
    # fragments were stored under.
    return time.time_ns() // 1000


def content_generation() -> int:
    """The current generation; fragments cached under an older one are never read again."""
    generation = cache.get(_KEY)
    if generation is None:
        cache.add(_KEY, _fresh_generation(), timeout=None)
        generation = cache.get(_KEY) or 0
    return generation


def bump_content_generation() -> None:
    """Invalidate publish-scoped fragments once the current transaction has committed."""

    def _bump():
        try:
            cache.incr(_KEY)
        except ValueError:  # the key was evicted: start a fresh generation
            cache.add(_KEY, _fresh_generation(), timeout=None)

    transaction.on_commit(_bump)
