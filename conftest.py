"""Shared test setup: a fresh cache per test, Chromium from Debian, loud skips outside CI."""

import os
import shutil
import warnings

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def pytest_configure(config):
    """Compile a translation catalog that `make install` has not (a bare pytest after editing
    a .po file), so the Hindi tests never read a stale or missing .mo."""
    from django.conf import settings

    from motorpress.core.translations import compile_catalog, stale_catalogs

    for po_path in stale_catalogs(settings.LOCALE_PATHS):
        compile_catalog(po_path)


# Playwright's sync API runs an event loop in the test thread; the ORM calls made by the same
# test (fixtures, assertions) are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Give the SQLite test database Wagtail's full-text search table (and PostgreSQL's its
    story search table).

    The suite runs with --no-migrations, which leaves wagtailsearch_indexentry_fts a plain
    table on SQLite instead of the FTS5 table and triggers that wagtail.search's migration
    0006 creates, so every search would fail. This runs that migration's SQL once per test
    session. PostgreSQL's index is plain columns and needs nothing.
    """
    from importlib import import_module

    from django.db import connection
    from django.db.migrations import SeparateDatabaseAndState

    with django_db_blocker.unblock():
        if connection.vendor == "postgresql":
            # The same for PostgreSQL's story search table, made by a RunPython migration.
            from motorpress.discovery.search.story_index import create_indexes

            create_indexes()
            return
        if connection.vendor != "sqlite":
            return
        migration = import_module("wagtail.search.migrations.0006_customise_indexentry")
        (fts,) = [
            op for op in migration.Migration.operations if isinstance(op, SeparateDatabaseAndState)
        ]
        with connection.cursor() as cursor:
            cursor.execute("DROP TABLE IF EXISTS wagtailsearch_indexentry_fts")
            for operation in fts.database_operations:
                cursor.execute(operation.sql)


@pytest.fixture(autouse=True)
def _fresh_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


def pytest_collection_modifyitems(config, items):
    if shutil.which(CHROMIUM) or os.path.exists(CHROMIUM):
        return
    browser_items = [item for item in items if item.get_closest_marker("browser")]
    if not browser_items:
        return
    message = f"Chromium not found at {CHROMIUM}: {len(browser_items)} browser tests cannot run"
    if IN_CI:
        raise pytest.UsageError(f"{message} (CI=true makes this a failure).")
    warnings.warn(
        f"\n\n*** SKIPPING: {message}. Install it: apt-get install chromium ***\n", stacklevel=1
    )
    for item in browser_items:
        item.add_marker(pytest.mark.skip(reason=message))


@pytest.fixture
def server_url(live_server) -> str:
    """The live server by IP: Chromium's resolver rule (CHROMIUM_ARGS) fails every hostname."""
    return live_server.url.replace("://localhost:", "://127.0.0.1:")


@pytest.fixture
def queries_after_publish(django_capture_on_commit_callbacks):
    """Count the queries of one request right after a publish, the worst steady state.

    A publish moves the content generation on, so cached fragments (rails, card lists) are
    rebuilt; per-site data (the Site and its root page) and image renditions stay warm.
    With catalogue_edit=True the catalogue generation moves on too, as after a price, variant
    or offer save, and vehicle data is read again; with rules_edit=True the on-road rules
    generation as well, as after a city, road-tax or state-charges save.
    Returns a function `(client, url, catalogue_edit=False, rules_edit=False)
    -> (captured_queries, response)`.
    """
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from motorpress.core.cache import (
        bump_catalogue_generation,
        bump_content_generation,
        bump_onroad_rules_generation,
    )

    def publish_happened(catalogue_edit, rules_edit):
        with django_capture_on_commit_callbacks(execute=True):
            bump_content_generation()
            if catalogue_edit or rules_edit:
                bump_catalogue_generation()
            if rules_edit:
                bump_onroad_rules_generation()

    def measure(client, url, catalogue_edit=False, rules_edit=False):
        publish_happened(catalogue_edit, rules_edit)
        client.get(url)  # warm renditions and the cached site lookup
        publish_happened(catalogue_edit, rules_edit)
        with CaptureQueriesContext(connection) as context:
            response = client.get(url)
        assert response.status_code == 200, f"{url}: {response.status_code}"
        return context.captured_queries, response

    return measure


HINDI_SECTIONS = {
    "news": ("ख़बरें", "ताज़ा ख़बरें"),
    "reviews": ("रिव्यू", "रोड टेस्ट और रिव्यू"),
    "comparisons": ("तुलना", "गाड़ियां आमने-सामने"),
    "features": ("फ़ीचर", "समझाने वाले लेख"),
}


@pytest.fixture
def hindi(site):  # `site`: each test folder's fixture for the English home and sections
    """The Hindi edition's home page and sections, as translations of the English ones."""
    from motorpress.newsroom.services import edition_structure_ensure

    return edition_structure_ensure(
        default=site,
        language_code="hi",
        home_title="मोटरप्रेस हिंदी",
        tagline="ऑटो ख़बरें",
        sections=HINDI_SECTIONS,
    )
