"""Search index rows for generated stories on PostgreSQL, written in one statement a chunk.

Wagtail's database backend builds each entry in Python (every search field read five times,
a Django expression compiled per vector) and rescans the whole index after every batch to
refresh title norms: about 5 ms a story, two hours for a million. The generator knows each
story's text already, so it writes the same columns with the same weights and text search
configurations in SQL, and refreshes the norms once at the end with the backend's formula.
(`tests/test_bench_site.py` checks the rows match what the backend writes.)
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils.html import strip_tags
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.database.postgres.weights import get_weight
from wagtail.search.models import IndexEntry

from motorpress.newsroom.models import ArticlePage


def _vector(config: str | None) -> str:
    # A NULL config falls back to the server's default_text_search_config, as Django's
    # SearchVector without a config does.
    return "to_tsvector(%s::regconfig, %s)" if config else "to_tsvector(%s)"


def body_text(page: ArticlePage) -> str:
    """What the backend extracts from the body: each block's text, joined by ', '."""
    parts = []
    for block in page.body.raw_data:
        value = block["value"]
        parts.append(strip_tags(value) if block["type"] == "paragraph" else str(value))
    return ", ".join(parts)


def body_texts(page: ArticlePage) -> list[str]:
    """The body column's texts in the backend's order: teaser, body, then the attached
    vehicle's name and its make's (ArticlePage's RelatedFields)."""
    texts = [page.teaser, body_text(page)]
    if hasattr(page, "_bench_vehicle"):  # a generated story: its one vehicle, no query
        vehicles = [page._bench_vehicle] if page._bench_vehicle else []
    else:
        vehicles = page.vehicles.select_related("make")
    for vehicle in vehicles:
        texts += [vehicle.name, vehicle.make.name]
    return texts


def index_articles_postgres(pages: list[ArticlePage]) -> None:
    backend = get_search_backend()
    config, autocomplete = backend.config, backend.autocomplete_config
    title_weight, body_weight = get_weight(2), get_weight(None)

    def vec(cfg):
        return _vector(cfg), ([cfg] if cfg else [])

    sql_main, cfg_main = vec(config)
    sql_auto, cfg_auto = vec(autocomplete)
    content_type = ContentType.objects.get_for_model(ArticlePage).pk
    values, params = [], []
    for page in pages:
        texts = [text.strip() for text in body_texts(page)]
        texts = [text for text in texts if text]
        body_sql = " || ".join([f"setweight({sql_main}, %s)"] * len(texts))
        values.append(
            f"(%s, %s, setweight({sql_main}, %s), setweight({sql_auto}, 'D'), "
            f"{body_sql}, 1.0, %s, %s)"
        )
        params += [content_type, str(page.pk), *cfg_main, page.title, title_weight]
        params += [*cfg_auto, page.title]
        for text in texts:
            params += [*cfg_main, text, body_weight]
        params += [page.title, " ".join(texts)]
    # Only placeholders are joined in; every value travels as a parameter.
    sql = (
        f"INSERT INTO {IndexEntry._meta.db_table} (content_type_id, object_id, title, "  # noqa: S608
        "autocomplete, body, title_norm, title_text, body_text) VALUES " + ", ".join(values)
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def refresh_title_norms() -> None:
    """title_norm = average title length / this title's length, as the backend computes it."""
    table = IndexEntry._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET title_norm = (SELECT avg(length(title)) FROM {table} "  # noqa: S608
            "WHERE length(title) > 0) / length(title) WHERE length(title) > 0"
        )
