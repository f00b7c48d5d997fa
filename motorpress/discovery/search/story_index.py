"""PostgreSQL's story search table: one row per live story, its words and its date together.

Wagtail's database backend ranks and counts every story that matches before it can show the
first 20: 16 to 20 s for a common word in a million stories. Here each live story's title and body
vectors (the ones Wagtail's index already holds, with their weights) sit beside its publish
date, kind and tree path, under one index that answers "the newest matches" without reading
the rest:

- a RUM index (the `rum` extension, Debian's postgresql-15-rum) stores the date in the posting
  lists, so `ORDER BY published_at <=> …` walks the matches newest first and stops;
- without the extension, a GIN index on the words and a B-tree on the date, which PostgreSQL
  combines by its estimate (fine up to a few hundred thousand stories; see the README).

Rows follow publishing: `story_index_sync` after a publish or a move, `story_index_remove` after
an unpublish; a deleted page takes its row with it (the model, StorySearchEntry, cascades).
`rebuild_story_index` fills the table from Wagtail's index in one statement (after
`update_index` or a bulk import). On SQLite the table stays empty: searches there go through
Wagtail's FTS5 backend.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection

TABLE = "discovery_storysearch"

_RUM_INDEX = (
    f"CREATE INDEX IF NOT EXISTS {TABLE}_rum ON {TABLE} "
    "USING rum (document rum_tsvector_addon_ops, published_at) "
    "WITH (attach = 'published_at', to = 'document', order_by_attach = 't')"
)
_GIN_INDEX = f"CREATE INDEX IF NOT EXISTS {TABLE}_gin ON {TABLE} USING gin (document)"
# Both kinds need it: common words are found fastest by walking the dates (story_hits.py).
_DATE_INDEX = f"CREATE INDEX IF NOT EXISTS {TABLE}_date ON {TABLE} (published_at DESC)"


def is_available() -> bool:
    """PostgreSQL, unless the settings hand story search to Elasticsearch/OpenSearch."""
    return connection.vendor == "postgresql" and settings.STORY_SEARCH_TABLE


def create_indexes(schema_editor=None) -> None:
    """The best word index this server can build on the table (RUM if the extension installs),
    and the date index."""
    if not is_available():
        return
    with connection.cursor() as cursor:
        cursor.execute(_RUM_INDEX if _rum_installable(cursor) else _GIN_INDEX)
        cursor.execute(_DATE_INDEX)


def _rum_installable(cursor) -> bool:
    cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'rum'")
    if cursor.fetchone() is None:
        return False
    cursor.execute("CREATE EXTENSION IF NOT EXISTS rum")
    return True


_has_rum_index: dict[str, bool] = {}


def uses_rum() -> bool:
    """Whether the table's index is RUM (asked once per database and process)."""
    alias = connection.settings_dict["NAME"]
    if alias not in _has_rum_index:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_indexes WHERE indexname = %s", [f"{TABLE}_rum"])
            _has_rum_index[alias] = cursor.fetchone() is not None
    return _has_rum_index[alias]


def _upsert_sql(where: str) -> str:
    # Wagtail's title and body vectors already carry their weights (title above body).
    return f"""
        INSERT INTO {TABLE} (page_id, published_at, kind, path, document)
        SELECT p.id, p.first_published_at, a.kind, p.path, ie.title || ie.body
        FROM wagtailsearch_indexentry ie
        JOIN wagtailcore_page p ON ie.object_id = p.id::text
        JOIN newsroom_articlepage a ON a.page_ptr_id = p.id
        WHERE ie.content_type_id = %s AND p.live AND p.first_published_at IS NOT NULL {where}
        ON CONFLICT (page_id) DO UPDATE SET
            published_at = EXCLUDED.published_at, kind = EXCLUDED.kind,
            path = EXCLUDED.path, document = EXCLUDED.document
    """  # noqa: S608 - the table name and placeholders only


def _article_content_type() -> int:
    from motorpress.newsroom.models import ArticlePage

    return ContentType.objects.get_for_model(ArticlePage).pk


def story_index_sync(page_ids) -> None:
    """Bring these stories' rows in line with Wagtail's index and their live state."""
    page_ids = [int(pk) for pk in page_ids]
    if not (is_available() and page_ids):
        return
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE} WHERE page_id = ANY(%s)", [page_ids])  # noqa: S608
        cursor.execute(_upsert_sql("AND p.id = ANY(%s)"), [_article_content_type(), page_ids])


def story_index_remove(page_ids) -> None:
    page_ids = [int(pk) for pk in page_ids]
    if not (is_available() and page_ids):
        return
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE} WHERE page_id = ANY(%s)", [page_ids])  # noqa: S608


def rebuild_story_index() -> int:
    """Every live story's row, from Wagtail's index; returns the number of rows."""
    if not is_available():
        return 0
    # Dropping the indexes and building them once over the filled table is far quicker than
    # row by row, but PostgreSQL refuses to build an index on a table with foreign-key checks
    # pending, as they are inside a caller's transaction (a restore, a test): there the
    # indexes stay and take the rows as they come.
    rebuild_indexes = not connection.in_atomic_block
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE}")  # noqa: S608
        if rebuild_indexes:
            for suffix in ("rum", "gin", "date"):
                cursor.execute(f"DROP INDEX IF EXISTS {TABLE}_{suffix}")
        cursor.execute(_upsert_sql(""), [_article_content_type()])
    if rebuild_indexes:
        create_indexes()
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {TABLE}")
        cursor.execute(f"SELECT count(*) FROM {TABLE}")  # noqa: S608
        return cursor.fetchone()[0]
