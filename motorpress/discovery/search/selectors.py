"""Reads for /search/: stories, vehicle models and people for one query, in a bounded number
of queries whatever the number of matches.

Search runs through Wagtail's search backend (`WAGTAILSEARCH_BACKENDS["default"]`): the
database backend (SQLite FTS5, PostgreSQL full text) by default, Elasticsearch or OpenSearch
at scale (see README.md beside this file). Filters the search index cannot apply itself
(view restrictions, makes and segments of a story's vehicles) are `id__in` subqueries, which
the database backends run in SQL and the Elasticsearch backends resolve to a list of ids.
"""

import logging
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.core.paginator import Page
from django.db import DatabaseError, connection, transaction
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from django.utils import timezone
from wagtail.models import PageViewRestriction
from wagtail.search.backends import get_search_backend

from motorpress.catalogue.models import Make, VehicleModel
from motorpress.core.pagination import paginate_or_404
from motorpress.discovery.search import story_index
from motorpress.discovery.search.glossary import counterparts
from motorpress.discovery.search.story_hits import story_hits
from motorpress.discovery.search.text import MAX_TERMS, search_terms
from motorpress.newsroom.models import ArticlePage, Author, SectionPage

logger = logging.getLogger(__name__)

VEHICLES_SHOWN = 8
PEOPLE_SHOWN = 5
# OR, ranked: "Suzuki electric scooter" must find the Suzuki e-Access, whose index entry
# holds its make and name but not the words "electric" or "scooter".
OPERATOR = "or"
# Other-script spellings added to a query's own words (glossary.py), at most.
MAX_COUNTERPARTS = 6


@dataclass(frozen=True)
class SearchQuery:
    """A normalised query (`text`, shown back to the reader) and the words searched for."""

    text: str
    terms: tuple[str, ...]

    @classmethod
    def parse(cls, text: str) -> "SearchQuery":
        """Each word also searches its spelling in the other script ("scooter" and "स्कूटर")."""
        typed = search_terms(text)
        extra = [other for term in typed for other in counterparts(term)]
        terms = list(dict.fromkeys([*typed, *extra]))
        return cls(text=text, terms=tuple(terms[: MAX_TERMS + MAX_COUNTERPARTS]))

    @property
    def backend_query(self) -> str:
        return " ".join(self.terms)


@dataclass(frozen=True)
class SearchFilters:
    """Validated filters. Story filters (section, kind, dates) leave vehicles and people out;
    vehicle filters (make, segment) narrow stories to those about such vehicles and leave
    people out."""

    section_path: str | None = None
    kind: str | None = None
    make: str | None = None
    segment: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    # The edition's home page path: stories are searched in the edition being read.
    edition_path: str | None = None

    @property
    def stories_only(self) -> bool:
        return bool(self.section_path or self.kind or self.date_from or self.date_to)

    @property
    def any(self) -> bool:
        return self.stories_only or bool(self.make or self.segment)


@dataclass
class SearchResults:
    """One result list in three parts. `failed` is set when the backend rejected the query."""

    query: SearchQuery
    stories: Page
    vehicles: list[VehicleModel] = field(default_factory=list)
    vehicle_count: int = 0
    people: list[Author] = field(default_factory=list)
    failed: bool = False

    # The number of matching stories, when it differs from what the pages hold: an estimate
    # ("about 12,000") where PostgreSQL stopped at the newest candidates (story_hits.py).
    story_count: int | None = None
    story_count_approximate: bool = False

    @property
    def stories_total(self) -> int:
        return self.story_count if self.story_count is not None else self.stories.paginator.count

    @property
    def total(self) -> int:
        return self.stories_total + self.vehicle_count + len(self.people)


def _restricted():
    """True for a page under a view restriction (on itself or an ancestor), as in
    ArticlePageQuerySet.public(): one correlated subquery, no separate restrictions query."""
    return Exists(
        PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef("path"), 1, Length("page__path"))
        )
    )


def filter_choices(home) -> tuple[list[tuple[str, str, str]], list[tuple[str, str]]]:
    """(slug, title, path) of the edition's live public sections (under its `home`), and
    (slug, name) of every make."""
    sections = list(
        SectionPage.objects.child_of(home)
        .live()
        .exclude(_restricted())
        .order_by("path")
        .values_list("slug", "title", "path")
    )
    makes = list(Make.objects.order_by("name").values_list("slug", "name"))
    return sections, makes


def _local_midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _stories(filters: SearchFilters):
    """Live stories outside private sections, narrowed by the filters, bylines prefetched.
    Only index FilterFields (live, kind, path, first_published_at, id) are filtered on."""
    qs = (
        ArticlePage.objects.live()
        .exclude(id__in=ArticlePage.objects.filter(_restricted()).values("pk"))
        .defer_streamfields()
        .with_bylines()
    )
    if within := filters.section_path or filters.edition_path:
        qs = qs.filter(path__startswith=within)
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.date_from:
        qs = qs.filter(first_published_at__gte=_local_midnight(filters.date_from))
    if filters.date_to:
        qs = qs.filter(first_published_at__lt=_local_midnight(filters.date_to + timedelta(1)))
    if filters.make:
        about_make = Q(makes__slug=filters.make) | Q(vehicles__make__slug=filters.make)
        qs = qs.filter(id__in=ArticlePage.objects.filter(about_make).values("pk"))
    if filters.segment:
        about_segment = Q(vehicles__segment=filters.segment)
        qs = qs.filter(id__in=ArticlePage.objects.filter(about_segment).values("pk"))
    return qs


def _vehicles(backend, query: SearchQuery, filters: SearchFilters) -> list[VehicleModel]:
    """Every matching model, best first, filtered here rather than in the index.

    VehicleModel's index has no FilterField for its make; a market's catalogue is hundreds of
    models, so reading all matches in one query and filtering them is cheap (as VehicleFinder
    does for /vehicles/).
    """
    matches = backend.search(
        query.backend_query, VehicleModel.objects.select_related("make"), operator=OPERATOR
    )
    return [
        model
        for model in matches
        if (not filters.make or model.make.slug == filters.make)
        and (not filters.segment or model.segment == filters.segment)
    ]


@contextmanager
def _contained():
    """PostgreSQL aborts the whole transaction after a failed statement; inside one (tests,
    ATOMIC_REQUESTS) a savepoint keeps a rejected search from breaking the rest of the
    request. Other databases, and PostgreSQL in autocommit, need nothing."""
    if connection.vendor == "postgresql" and connection.in_atomic_block:
        with transaction.atomic():
            yield
    else:
        yield


def _indexed_stories(query: SearchQuery, filters: SearchFilters, page) -> SearchResults:
    """PostgreSQL: ranked ids from the story search table, then the page's stories by id."""
    hits = story_hits(terms=query.terms, filters=filters, local_midnight=_local_midnight)
    stories = paginate_or_404(hits.ids, page)
    # The table already left out restricted stories; live() guards against a row not yet
    # removed (an unpublish that has not committed).
    page_stories = ArticlePage.objects.live().filter(pk__in=stories.object_list)
    shown = {story.pk: story for story in page_stories.defer_streamfields().with_bylines()}
    stories.object_list = [shown[pk] for pk in stories.object_list if pk in shown]
    return SearchResults(
        query=query,
        stories=stories,
        story_count=hits.count,
        story_count_approximate=hits.approximate,
    )


def site_search(
    *, query: SearchQuery, filters: SearchFilters, page: str | None = None
) -> SearchResults:
    """Stories (paginated, 404 for a bad page), and on the first page vehicles and people.

    A query with no searchable words (only punctuation or emoji) finds nothing without asking
    the backend. A query the backend rejects is logged and answered with no results.
    """
    if not query.terms:
        return SearchResults(query=query, stories=paginate_or_404([], page))
    backend = get_search_backend()
    try:
        with _contained():
            if story_index.is_available():
                results = _indexed_stories(query, filters, page)
            else:
                found = backend.search(query.backend_query, _stories(filters), operator=OPERATOR)
                results = SearchResults(query=query, stories=paginate_or_404(found, page))
                # Run the page's query here, where a backend error is caught.
                results.stories.object_list = list(results.stories.object_list)
            if results.stories.number == 1 and not filters.stories_only:
                vehicles = _vehicles(backend, query, filters)
                results.vehicles = vehicles[:VEHICLES_SHOWN]
                results.vehicle_count = len(vehicles)
            if results.stories.number == 1 and not filters.any:
                people = backend.search(
                    query.backend_query, Author.objects.all(), operator=OPERATOR
                )
                results.people = list(people[:PEOPLE_SHOWN])
    except DatabaseError:
        logger.warning("Search backend rejected the query %r", query.backend_query, exc_info=True)
        return SearchResults(query=query, stories=paginate_or_404([], page), failed=True)
    return results
