"""Purge changed URLs from Varnish or a CDN, and only once the change has committed.

Purging inside the transaction would let a cache refetch the old page before the new one is
visible, and keep it until the next expiry. Wagtail's frontend-cache backends do the sending
(WAGTAILFRONTENDCACHE); its own publish signal handlers are not installed because they purge
before the commit and only the page itself.
"""

import logging
from collections.abc import Iterable
from urllib.parse import urljoin

from django.conf import settings
from django.db import transaction
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

logger = logging.getLogger(__name__)


def purging_enabled() -> bool:
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def purge_after_commit(root_url: str, paths: Iterable[str]) -> None:
    """Queue the purge of these site paths (e.g. "/latest/") under root_url ("https://x.in")."""
    if not purging_enabled():
        return
    urls = sorted({urljoin(root_url + "/", path.lstrip("/")) for path in paths})

    def _purge():
        logger.info("purging %d URLs", len(urls))
        purge_urls_from_cache(urls)

    # robust: a CDN that cannot be reached must not turn a committed publish into an error.
    transaction.on_commit(_purge, robust=True)
