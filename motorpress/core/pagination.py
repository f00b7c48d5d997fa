"""Pagination: any page number that is not a positive integer in range is a 404, and story
listings page by keyset (?before=) so the millionth story is as quick as the first."""

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cached_property

from django.core.paginator import Page, Paginator
from django.db.models import Q, QuerySet
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.utils.translation import gettext

PAGE_SIZE = 20
_PAGE_NUMBER = re.compile(r"[1-9][0-9]{0,5}")


def paginate_or_404(items, raw_page, *, per_page: int = PAGE_SIZE) -> Page:
    """The requested page of `items`; 404 for 'abc', '-1', '0', '1e9', huge or out-of-range.

    For short, bounded lists (search candidates); story listings use story_page() below.
    """
    if raw_page is None:
        number = 1
    elif isinstance(raw_page, str) and _PAGE_NUMBER.fullmatch(raw_page):
        number = int(raw_page)
    else:
        raise Http404("No such page.")
    paginator = Paginator(items, per_page, allow_empty_first_page=True)
    if number > paginator.num_pages:
        raise Http404("No such page.")
    return paginator.page(number)


# --- Keyset pages: story listings at any depth -----------------------------------------------

_CURSOR = re.compile(r"(?P<micros>[0-9]{1,17})-(?P<pk>[1-9][0-9]{0,11})")
# ?page=N up to here is read with OFFSET (cheap this shallow); deeper numbers, from old links,
# are sent once to the same place as a keyset link.
MAX_OFFSET_PAGE = 50


class BadCursor(ValueError):
    """A ?before= value that is not one we make: the view answers 400."""


@dataclass
class StoryPage:
    """One page of a listing ordered newest first, and how to reach the next older one.

    The rows are read when first asked for: a listing whose cards come from the fragment
    cache never reads them at all.
    """

    rows: QuerySet | list  # per_page + 1 rows, the last one only telling that more exist
    per_page: int
    number: int | None  # the ?page=N asked for; None on keyset pages
    cursor: str | None  # the ?before= this page was asked with

    @cached_property
    def _rows(self) -> list:
        return list(self.rows)

    @property
    def object_list(self) -> list:
        return self._rows[: self.per_page]

    @property
    def older_cursor(self) -> str | None:
        """Where "Older stories" leads; None on the last page."""
        if len(self._rows) <= self.per_page:
            return None
        return story_cursor(self._rows[self.per_page - 1])

    @property
    def query(self) -> str:
        """The query string of this page's own URL (canonical links, cache keys)."""
        if self.cursor:
            return f"?before={self.cursor}"
        return f"?page={self.number}" if self.number and self.number > 1 else ""

    @property
    def is_first(self) -> bool:
        return not self.query

    @property
    def label(self) -> str:
        if self.cursor:
            return gettext("older stories")
        if self.number and self.number > 1:
            return gettext("page %(number)s") % {"number": self.number}
        return ""


def story_cursor(story) -> str:
    """The ?before= value for stories older than `story` (microseconds since 1970, then id)."""
    return _cursor(story.first_published_at, story.pk)


def _cursor(published: datetime, pk: int) -> str:
    micros = int(published.timestamp()) * 1_000_000 + published.microsecond
    return f"{micros}-{pk}"


def _parse_cursor(raw: str) -> tuple[datetime, int]:
    match = _CURSOR.fullmatch(raw)
    if match is None:
        raise BadCursor(raw)
    micros = int(match["micros"])
    try:
        moment = datetime.fromtimestamp(micros // 1_000_000, tz=UTC)
    except (OverflowError, OSError, ValueError) as error:
        raise BadCursor(raw) from error
    return moment.replace(microsecond=micros % 1_000_000), int(match["pk"])


def _older_than(queryset, moment: datetime, pk: int):
    # The plain bound lets the database start its walk of the date index at `moment`; the OR
    # breaks ties between stories published in the same microsecond.
    return queryset.filter(first_published_at__lte=moment).filter(
        Q(first_published_at__lt=moment) | Q(pk__lt=pk)
    )


def story_page(queryset, params, *, per_page: int = PAGE_SIZE) -> StoryPage | str:
    """The page of `queryset` (newest first) that `params` (request.GET) asks for.

    `?before=<cursor>` is a keyset page: as quick at the millionth story as at the first, and
    no count of the whole listing is ever needed. `?page=N` keeps old links working: read with
    OFFSET up to MAX_OFFSET_PAGE, and deeper answered with the keyset query string to redirect
    to (a str). Malformed input raises BadCursor or Http404; a page past the end is a 404.
    """
    ordered = queryset.order_by("-first_published_at", "-pk")
    raw_cursor, raw_page = params.get("before"), params.get("page")
    if raw_cursor is not None:
        moment, pk = _parse_cursor(raw_cursor)
        rows = _older_than(ordered, moment, pk)[: per_page + 1]
        return StoryPage(rows, per_page, number=None, cursor=raw_cursor)
    if raw_page is None:
        number = 1
    elif _PAGE_NUMBER.fullmatch(raw_page):
        number = int(raw_page)
    else:
        raise Http404("No such page.")
    start = (number - 1) * per_page
    if number > MAX_OFFSET_PAGE:
        last_before = ordered.values_list("first_published_at", "pk")[start - 1 : start]
        anchor = next(iter(last_before), None)
        if anchor is None:
            raise Http404("No such page.")
        return f"?before={_cursor(*anchor)}"
    page = StoryPage(ordered[start : start + per_page + 1], per_page, number=number, cursor=None)
    if number > 1 and not page.object_list:
        raise Http404("No such page.")
    return page


def story_page_or_response(request, queryset):
    """story_page() for a view: a StoryPage, or the answer to give instead (a 301 from a deep
    ?page=N to its keyset link, a 400 for a cursor we did not make)."""
    try:
        outcome = story_page(queryset, request.GET)
    except BadCursor:
        reason = gettext("The “older stories” link in this address is not one we make.")
        return render(request, "bad_address.html", {"reason": reason}, status=400)
    if isinstance(outcome, str):
        return HttpResponsePermanentRedirect(request.path + outcome)
    return outcome
