import pytest
from django.core.management import call_command
from django.db import connection

from motorpress.newsroom.services import site_structure_ensure


@pytest.fixture
def site(db):
    """Home page, the four sections and the default Site (pages render inside it)."""
    return site_structure_ensure()


@pytest.fixture
def demo(db):
    """The whole shipped demo: catalogue, stories, and the claims ledger with its outcomes."""
    call_command("load_demo_content", "--no-admin")


def _rows_of(page, section: str) -> list[dict[str, str]]:
    """The claims table in the tracker section labelled by `section`, one dict per row."""
    columns = ["claimed", "who", "promise", "value", "happened", "status"]
    rows = page.select(f'section[aria-labelledby="{section}"] table.claims tbody tr')
    return [
        dict(zip(columns, (td.get_text(" ", strip=True) for td in tr.select("td")), strict=True))
        for tr in rows
        if len(tr.select("td")) == len(columns)
    ]


@pytest.fixture
def claims_table():
    """Reads a tracker claims table: claims_table(soup, "all-heading") -> rows as dicts."""
    return _rows_of


FTS_TABLE = "wagtailsearch_indexentry_fts"
FTS_SQL = [
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(autocomplete, body, title)",
    f"CREATE TRIGGER insert_{FTS_TABLE} AFTER INSERT ON wagtailsearch_indexentry BEGIN "
    f"INSERT INTO {FTS_TABLE}(title, body, autocomplete, rowid) "
    "VALUES (NEW.title, NEW.body, NEW.autocomplete, NEW.id); END",
    f"CREATE TRIGGER update_{FTS_TABLE} AFTER UPDATE ON wagtailsearch_indexentry BEGIN "
    f"UPDATE {FTS_TABLE} SET title=NEW.title, body=NEW.body, autocomplete=NEW.autocomplete "
    "WHERE rowid=NEW.id; END",
    f"CREATE TRIGGER delete_{FTS_TABLE} AFTER DELETE ON wagtailsearch_indexentry BEGIN "
    f"DELETE FROM {FTS_TABLE} WHERE rowid=OLD.id; END",
]


@pytest.fixture
def search_index(db):
    """Wagtail's full-text index as its migration builds it on SQLite.

    The suite runs with --no-migrations, which leaves a plain table where wagtailsearch's
    migration 0006 makes an FTS5 virtual table, so every admin search fails on SQLite with
    "no such column: wagtailsearch_indexentry_fts". The DDL runs inside the test's transaction
    and is rolled back with it. PostgreSQL needs nothing.
    """
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        for statement in FTS_SQL:
            cursor.execute(statement)
