"""Stories for a query on PostgreSQL, from the story search table (story_index.py), in a few
milliseconds however many stories match.

The candidates are the newest CANDIDATES stories holding every word and the newest CANDIDATES
holding any of them: an index walk in date order that stops there. Those are ranked by
relevance (PostgreSQL's ts_rank on the weighted title and body; every word present counts
double) and freshness (the score halves over a year), so this year's story comes first when
two are as relevant. A query matching more stories than the candidates says so: the count is
PostgreSQL's estimate ("about 12,000"), the pages stop at the candidates. A query matching
fewer gets its exact count.
"""

import time
from dataclasses import dataclass
from datetime import timedelta

from django.db import connection
from django.db.models import Q
from wagtail.search.backends import get_search_backend

from motorpress.discovery.search.story_index import TABLE, uses_rum

CANDIDATES = 300
# Older stories holding every word of a longer query, added to the candidates (a third as many:
# walking to them is the slowest part when the words are common apart and rarer together).
EVERY_WORD_CANDIDATES = 100
# Relative costs of the two ways to find the newest matches (see _newest_first), in µs.
WALK_COST_PER_STORY = 2.4
RUM_COST_PER_MATCH = 0.4
_FAR_FUTURE = "2200-01-01"
_SECONDS_A_YEAR = 365.25 * 86400


@dataclass(frozen=True)
class StoryHits:
    """Ranked story ids (at most twice CANDIDATES) and how many stories match in all."""

    ids: list[int]
    count: int
    approximate: bool


def _tsquery(terms, joiner: str) -> tuple[str, list]:
    """plainto_tsquery per word (stemming, stop words) joined with && or ||."""
    config = get_search_backend().config
    one = "plainto_tsquery(%s::regconfig, %s)" if config else "plainto_tsquery(%s)"
    params = []
    for term in terms:
        params += [config, term] if config else [term]
    return f" {joiner} ".join([one] * len(terms)), params


def _filter_sql(filters, local_midnight) -> tuple[str, list]:
    from motorpress.newsroom.models import ArticlePage

    clauses, params = [], []
    if within := filters.section_path or filters.edition_path:
        clauses.append("path LIKE %s")
        params.append(within.replace("%", r"\%") + "%")
    if filters.kind:
        clauses.append("kind = %s")
        params.append(filters.kind)
    if filters.date_from:
        clauses.append("published_at >= %s")
        params.append(local_midnight(filters.date_from))
    if filters.date_to:
        clauses.append("published_at < %s")
        params.append(local_midnight(filters.date_to + timedelta(1)))
    about = Q()
    if filters.make:
        about &= Q(makes__slug=filters.make) | Q(vehicles__make__slug=filters.make)
    if filters.segment:
        about &= Q(vehicles__segment=filters.segment)
    if about:
        sql, about_params = ArticlePage.objects.filter(about).values("pk").query.sql_with_params()
        clauses.append(f"page_id IN ({sql})")
        params += list(about_params)
    # Under a view restriction (on the story or an ancestor): never found. Restrictions are
    # few, often none, so this costs next to nothing per candidate.
    clauses.append(
        "NOT EXISTS (SELECT 1 FROM wagtailcore_pageviewrestriction r "  # noqa: S608
        f"JOIN wagtailcore_page rp ON rp.id = r.page_id WHERE {TABLE}.path LIKE rp.path || '%%')"
    )
    return "".join(f" AND {clause}" for clause in clauses), params


def _estimate(cursor, tsquery: str, params: list, where: str, where_params: list) -> int:
    """PostgreSQL's estimate of the matches (planning only, no rows read)."""
    cursor.execute(
        f"EXPLAIN (FORMAT JSON) SELECT 1 FROM {TABLE} WHERE document @@ ({tsquery}){where}",  # noqa: S608
        [*params, *where_params],
    )
    plan = cursor.fetchone()[0]
    plan = plan[0] if isinstance(plan, list) else plan
    return int(plan["Plan"]["Plan Rows"])


_table_rows: dict[str, tuple[float, float]] = {}


def _stories_indexed(cursor) -> float:
    """The table's size as PostgreSQL last counted it; asked again every few minutes."""
    name = connection.settings_dict["NAME"]
    rows, asked = _table_rows.get(name, (0.0, 0.0))
    if time.monotonic() - asked > 300:
        cursor.execute("SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [TABLE])
        rows = max(float(cursor.fetchone()[0]), 1.0)
        _table_rows[name] = (rows, time.monotonic())
    return rows


def _newest_first(estimate: int, indexed: float, limit: int) -> tuple[str, list]:
    """How to walk `limit` matches newest first, whichever is cheaper for this many matches.

    Walking the date index checks each story in turn, about 2.4 µs each, so it costs
    limit * indexed / estimate checks; RUM's ordered scan first gathers every match, about
    0.4 µs each (measured at a million stories: "monsoon", in 5 % of stories, 48 ms walking
    for 1,000 against 13 ms through RUM; "range", in 99 %, 1 ms against 500 ms).
    """
    walk_cost = WALK_COST_PER_STORY * limit * indexed / max(estimate, 1)
    if uses_rum() and RUM_COST_PER_MATCH * estimate < walk_cost:
        return "published_at <=> %s::timestamptz", [_FAR_FUTURE]
    return "published_at DESC", []


def _branch(tsquery, params, where, where_params, order, limit=None) -> tuple:
    order_sql, order_params = order
    limit = CANDIDATES if limit is None else limit
    sql = (
        f"SELECT page_id FROM {TABLE} WHERE document @@ ({tsquery}){where} "  # noqa: S608
        f"ORDER BY {order_sql} LIMIT {int(limit)}"
    )
    return sql, [*params, *where_params, *order_params]


def story_hits(*, terms, filters, local_midnight) -> StoryHits:
    every, every_params = _tsquery(terms, "&&")
    any_word, any_params = _tsquery(terms, "||")
    where, where_params = _filter_sql(filters, local_midnight)
    with connection.cursor() as cursor:
        indexed = _stories_indexed(cursor)
        estimate = _estimate(cursor, any_word, any_params, where, where_params)
        any_sql, any_sql_params = _branch(
            any_word, any_params, where, where_params, _newest_first(estimate, indexed, CANDIDATES)
        )
        branches, branch_params = "SELECT page_id FROM anywhere", []
        if len(terms) > 1 and estimate > CANDIDATES / 2:
            # Many stories hold some word: the newest holding every word are candidates too.
            every_estimate = _estimate(cursor, every, every_params, where, where_params)
            all_sql, all_params = _branch(
                every,
                every_params,
                where,
                where_params,
                _newest_first(every_estimate, indexed, EVERY_WORD_CANDIDATES),
                limit=EVERY_WORD_CANDIDATES,
            )
            branches += f" UNION ({all_sql})"
            branch_params += all_params
        cursor.execute(
            f"""
            WITH anywhere AS ({any_sql}), candidates AS ({branches})
            SELECT page_id, (SELECT count(*) FROM anywhere) FROM {TABLE}
            WHERE page_id IN (SELECT page_id FROM candidates)
            ORDER BY ts_rank(document, ({any_word}))
                * (CASE WHEN document @@ ({every}) THEN 2 ELSE 1 END)
                / (1 + GREATEST(0, extract(epoch FROM now() - published_at)) / %s) DESC,
                published_at DESC, page_id DESC
            """,  # noqa: S608 - the table name, our SQL and placeholders only
            [*any_sql_params, *branch_params, *any_params, *every_params, _SECONDS_A_YEAR],
        )
        rows = cursor.fetchall()
    ranked = [page_id for page_id, _ in rows]
    in_anywhere = rows[0][1] if rows else 0
    if in_anywhere < CANDIDATES:  # the walk ended before the cap: every match is here
        return StoryHits(ids=ranked, count=len(ranked), approximate=False)
    return StoryHits(ids=ranked, count=max(estimate, len(ranked)), approximate=True)
