"""A large generated site for benchmarks: N stories and M vehicle models, written in bulk.

Wagtail's `add_child` and `save_revision` cost several queries and a tree lock per page, far
too slow for a million stories, so this writes rows directly, a chunk at a time: the
`wagtailcore_page` rows with their materialised paths (treebeard: 4 characters per level,
base 36) computed here, then the `newsroom_articlepage` rows with the same ids, the bylines,
tags, vehicles and makes, and the search index entries through the search backend's bulk add.
Pages are live with no revisions (`latest_revision` is null), as the public site needs.
Signals do not fire for bulk writes, so the content generation is moved on at the end.
"""

import random
import time
import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag
from tqdm import tqdm
from wagtail.images import get_image_model
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from motorpress.catalogue.models import (
    Make,
    Powertrain,
    PricePoint,
    Segment,
    Status,
    Transmission,
    Variant,
    VehicleModel,
)
from motorpress.core.cache import (
    bump_catalogue_generation,
    bump_content_generation,
    bump_site_generation,
)
from motorpress.demo import bench_search, bench_text
from motorpress.demo.bench_text import MARK
from motorpress.discovery.search.story_index import rebuild_story_index
from motorpress.newsroom.models import ArticleAuthor, ArticlePage, ArticleTag, Author
from motorpress.newsroom.services import site_structure_ensure

CHUNK = 5000
AUTHORS = 60
# Share of stories per section and the kinds each section carries.
SECTION_PLAN = [
    ("news", 6, ["news", "launch", "offers", "sales"]),
    ("reviews", 2, ["review", "road_test", "first_ride"]),
    ("comparisons", 1, ["comparison"]),
    ("features", 1, ["feature"]),
]


class BenchSiteExists(Exception):
    """The database already holds generated benchmark content."""


@dataclass
class BenchReport:
    articles: int
    models: int
    seconds: float
    search_seconds: float


def bench_counts() -> tuple[int, int]:
    """(generated stories, generated vehicle models) already in the database."""
    return (
        Page.objects.filter(search_description=MARK).count(),
        VehicleModel.objects.filter(summary__startswith=MARK).count(),
    )


def generate(*, articles: int, models: int, chunk: int = CHUNK, progress=True) -> BenchReport:
    """Write `articles` stories and `models` vehicle models; refuse if any are there already."""
    existing = bench_counts()
    if any(existing):
        raise BenchSiteExists(
            f"The database already holds {existing[0]} generated stories and {existing[1]} "
            "generated models; use a fresh database (or drop this one) to generate again."
        )
    start = time.perf_counter()
    rng = random.Random(20261127)  # noqa: S311 -- the same site every run, not a secret
    structure = site_structure_ensure(hostname="127.0.0.1", port=80)
    vehicles = _catalogue(models, rng)
    authors = _authors()
    search_seconds = 0.0
    if articles:
        search_seconds = _articles(
            articles, structure.sections, vehicles, authors, rng, chunk, progress
        )
    # Planner statistics for the new rows: without them PostgreSQL guessed one story per
    # section and ran the view-restriction check as a nested loop, 11 s for /news/ at 10k.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    rebuild_story_index()  # PostgreSQL's story search table, from the index rows just written
    bump_catalogue_generation()
    bump_content_generation()
    bump_site_generation()
    return BenchReport(articles, len(vehicles), time.perf_counter() - start, search_seconds)


@transaction.atomic
def _catalogue(count: int, rng: random.Random) -> list[VehicleModel]:
    """Makes, models with two variants each and one current price per variant."""
    if not count:
        return list(VehicleModel.objects.select_related("make")[:1]) or []
    makes = Make.objects.bulk_create(
        Make(name=f"{name} Motors", slug=slugify(f"{name} motors"), aliases=name)
        for name in bench_text.MAKE_NAMES
    )
    segments = [Segment.MOTORCYCLE, Segment.SCOOTER, Segment.CAR]
    models = []
    for i in range(count):
        make = makes[i % len(makes)]
        j = i // len(makes)
        stems = bench_text.MODEL_STEMS
        name = f"{stems[j % len(stems)]} {100 + 10 * (j // len(stems))}"
        models.append(
            VehicleModel(
                make=make,
                name=name,
                slug=slugify(name),
                segment=segments[i % 3],
                body_type=["naked", "scooter", "SUV"][i % 3],
                status=Status.ON_SALE,
                launched_on=date(2020 + i % 6, 1 + i % 12, 1),
                summary=f"{MARK} A {segments[i % 3]} from {make.name}.",
            )
        )
    models = VehicleModel.objects.bulk_create(models)
    variants = []
    for model in models:
        for k, powertrain in enumerate([Powertrain.ICE, Powertrain.EV]):
            ev = powertrain == Powertrain.EV
            variants.append(
                Variant(
                    vehicle_model=model,
                    name="Electric" if ev else "Standard",
                    slug="electric" if ev else "standard",
                    sort_order=k,
                    powertrain=powertrain,
                    engine_cc=None if ev else rng.randint(110, 1500),
                    power_ps=Decimal(rng.randint(8, 150)),
                    torque_nm=Decimal(rng.randint(10, 300)),
                    transmission=Transmission.SINGLE_SPEED if ev else Transmission.MANUAL,
                    battery_kwh=Decimal(rng.randint(2, 60)) if ev else None,
                    claimed_range_km=Decimal(rng.randint(90, 500)) if ev else None,
                    kerb_weight_kg=rng.randint(95, 1800),
                    source_label=MARK,
                    is_demo=True,
                )
            )
    variants = Variant.objects.bulk_create(variants)
    PricePoint.objects.bulk_create(
        PricePoint(
            variant=variant,
            amount=rng.randint(80, 4500) * 1000,
            effective_date=date(2025, 1, 1),
            source_label=MARK,
            is_demo=True,
        )
        for variant in variants
    )
    get_search_backend().add_bulk(VehicleModel, models)
    return models


@transaction.atomic
def _authors() -> list[Author]:
    names = [
        f"{first} {last}" for last in bench_text.LAST_NAMES for first in bench_text.FIRST_NAMES
    ][:AUTHORS]
    authors = Author.objects.bulk_create(
        Author(name=name, slug=f"bench-{slugify(name)}", role="Staff writer", bio=MARK)
        for name in names
    )
    get_search_backend().add_bulk(Author, authors)
    return authors


def _articles(count, sections, vehicles, authors, rng, chunk, progress) -> float:
    """Stories spread over the sections, newest first every few minutes back from now."""
    plan = [(sections[slug], kinds) for slug, weight, kinds in SECTION_PLAN for _ in range(weight)]
    next_step = {}
    for section, _kinds in plan:
        last = section.get_last_child()
        next_step[section.pk] = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
    context = {
        "content_type_id": ContentType.objects.get_for_model(ArticlePage).pk,
        "locale_id": Locale.get_default().pk,
        "images": list(get_image_model().objects.values_list("pk", flat=True)[:40]) or [None],
        "tags": _tags(vehicles),
        "now": timezone.now().replace(microsecond=0),
        "spacing": timedelta(minutes=max(1, (10 * 365 * 24 * 60) // max(count, 1))),
    }
    search_seconds = 0.0
    bar = tqdm(total=count, unit="story", disable=not progress, mininterval=2)
    for offset in range(0, count, chunk):
        size = min(chunk, count - offset)
        with transaction.atomic():
            pages = [
                _article(offset + i, plan, next_step, vehicles, rng, context) for i in range(size)
            ]
            _insert_pages(pages)
            _relations(pages, authors, context["tags"])
            started = time.perf_counter()
            if connection.vendor == "postgresql":
                bench_search.index_articles_postgres(pages)
            else:
                get_search_backend().add_bulk(ArticlePage, pages)
            search_seconds += time.perf_counter() - started
        bar.update(size)
    bar.close()
    for section, _kinds in plan:
        Page.objects.filter(pk=section.pk).update(numchild=next_step[section.pk] - 1)
    if connection.vendor == "postgresql":
        bench_search.refresh_title_norms()
    return search_seconds


def _tags(vehicles) -> dict[str, Tag]:
    """One tag per model name and per segment, reusing tags that exist."""
    names = {v.name for v in vehicles} | {str(s) for s in Segment.values}
    existing = {tag.slug: tag for tag in Tag.objects.filter(slug__in=[slugify(n) for n in names])}
    missing = [Tag(name=n, slug=slugify(n)) for n in names if slugify(n) not in existing]
    Tag.objects.bulk_create(missing)
    return {tag.slug: tag for tag in Tag.objects.filter(slug__in=[slugify(n) for n in names])}


def _article(index, plan, next_step, vehicles, rng, context) -> ArticlePage:
    section, kinds = plan[index % len(plan)]
    kind = kinds[(index // len(plan)) % len(kinds)]
    vehicle = vehicles[index % len(vehicles)] if vehicles else None
    about = (
        (vehicle.make.name, vehicle.name, vehicle.segment) if vehicle else ("Zeffra", "Ion", "car")
    )
    text = bench_text.story(rng, kind, about)
    slug = f"{slugify(text['title'])[:70]}-{index}"
    published = context["now"] - context["spacing"] * (index + 1)
    step = next_step[section.pk]
    next_step[section.pk] = step + 1
    page = ArticlePage(
        title=text["title"],
        draft_title=text["title"],
        slug=slug,
        content_type_id=context["content_type_id"],
        locale_id=context["locale_id"],
        translation_key=uuid.uuid4(),
        path=Page._get_path(section.path, section.depth + 1, step),
        depth=section.depth + 1,
        numchild=0,
        url_path=f"{section.url_path}{slug}/",
        live=True,
        has_unpublished_changes=False,
        first_published_at=published,
        last_published_at=published,
        search_description=MARK,
        kind=kind,
        teaser=text["teaser"],
        highlights=text["highlights"],
        body=text["body"],
        hero_image_id=context["images"][index % len(context["images"])],
        read_time_minutes=text["read_time_minutes"],
    )
    page._bench_vehicle = vehicle
    return page


def _insert_pages(pages: list[ArticlePage]) -> None:
    """Parent rows first (their ids come back), then the child rows with the same ids."""
    page_fields = [f for f in Page._meta.local_concrete_fields if not f.primary_key]
    child_fields = ArticlePage._meta.local_concrete_fields
    # SQLite allows 32,766 parameters a statement; ~25 page columns x 500 rows stays below it.
    for start in range(0, len(pages), 500):
        batch = pages[start : start + 500]
        rows = Page._base_manager._insert(
            batch, fields=page_fields, returning_fields=Page._meta.db_returning_fields
        )
        for page, row in zip(batch, rows, strict=True):
            page.id = page.page_ptr_id = row[0]
            page._state.adding = False
        ArticlePage._base_manager._insert(batch, fields=child_fields)


def _relations(pages, authors, tags) -> None:
    bylines, tagged, vehicle_links, make_links = [], [], [], []
    vehicles_through = ArticlePage.vehicles.through
    makes_through = ArticlePage.makes.through
    for page in pages:
        first = authors[page.pk % len(authors)]
        second = authors[(page.pk // 7) % len(authors)]
        for order, author in enumerate(dict.fromkeys([first, second])):
            bylines.append(ArticleAuthor(article_id=page.pk, author=author, sort_order=order))
        vehicle = page._bench_vehicle
        if vehicle is None:
            continue
        for tag_slug in dict.fromkeys([slugify(vehicle.name), slugify(vehicle.segment)]):
            tagged.append(ArticleTag(content_object_id=page.pk, tag=tags[tag_slug]))
        vehicle_links.append(vehicles_through(articlepage_id=page.pk, vehiclemodel_id=vehicle.pk))
        make_links.append(makes_through(articlepage_id=page.pk, make_id=vehicle.make_id))
    ArticleAuthor.objects.bulk_create(bylines, batch_size=2000)
    ArticleTag.objects.bulk_create(tagged, batch_size=2000)
    vehicles_through.objects.bulk_create(vehicle_links, batch_size=2000)
    makes_through.objects.bulk_create(make_links, batch_size=2000)


def database_label() -> str:
    return connection.vendor
