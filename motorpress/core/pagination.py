"""Pagination where any page number that is not a positive integer in range is a 404."""

import re

from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.http import Http404

from motorpress.core.cache import content_generation

PAGE_SIZE = 20
_PAGE_NUMBER = re.compile(r"[1-9][0-9]{0,5}")


def paginate_or_404(
    queryset, raw_page, *, per_page: int = PAGE_SIZE, count_key: str | None = None
) -> Page:
    """The requested page of `queryset`; 404 for 'abc', '-1', '0', '1e9', huge or out-of-range.

    With `count_key`, the total is cached per content generation: a COUNT(*) over a million
    published stories takes most of a second and only changes when something is published.
    """
    if raw_page is None:
        number = 1
    elif isinstance(raw_page, str) and _PAGE_NUMBER.fullmatch(raw_page):
        number = int(raw_page)
    else:
        raise Http404("No such page.")
    paginator = Paginator(queryset, per_page, allow_empty_first_page=True)
    if count_key is not None:
        key = f"motorpress:count:{content_generation()}:{count_key}"
        total = cache.get(key)
        if total is None:
            total = paginator.count
            cache.set(key, total, timeout=24 * 3600)
        paginator.count = total  # Paginator.count is a cached property: this is its value
    if number > paginator.num_pages:
        raise Http404("No such page.")
    return paginator.page(number)
