"""In-process render times, SQL query counts and response sizes, per page type.

PERFORMANCE.md: SQL is a small share of a Wagtail page's time; template rendering dominates.
This renders each page type N times with Django's test Client (no network, no server) and
prints the median and p90 wall time of `client.get()`, the queries of one render and the
response size. Two cases per page:

- cold: the publish-scoped fragment cache is invalidated before every render (the first
  request after a publish), by incrementing the content generation directly;
- warm: fragments stay cached (every other request, as in production).

It builds its own throwaway SQLite database and media directory (never PostgreSQL, never
db.sqlite3), loads the demo newsroom, with --articles N extra generated stories, and runs
with motorpress.settings.demo (DEBUG off). Static URLs come from var/static's manifest
(`make demo` or `manage.py collectstatic` creates it). Usage:

    uv run python benchmarks/render_times.py [--renders 50] [--articles 0] [--json PATH]
"""

import argparse
import io
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = [
    ("home", "/"),
    ("article", "/news/xiaomi-ev-mass-production-2024/"),
    ("review", "/reviews/vlf-mobster-135-review/"),
    ("section", "/news/"),
    ("latest", "/latest/"),
    ("latest p2", "/latest/?page=2"),
    ("author", "/authors/ananya-rao/"),
    ("vehicles", "/vehicles/"),
    ("vehicle", "/vehicles/suzuki/e-access/"),
    ("upcoming", "/vehicles/upcoming/"),
    ("compare 2", "/compare/ktm-rc-160-vs-yamaha-r15/"),
    (
        "compare 4",
        "/compare/kawasaki-ninja-1100sx-vs-kawasaki-ninja-zx-10r-vs-ktm-rc-160-vs-yamaha-r15/",
    ),
    ("cmp article", "/comparisons/ktm-rc-160-vs-yamaha-r15-comparison/"),
]
OPTIONAL = {"/latest/?page=2"}  # measured only where the demo content has a second page


def setup_django(workdir: Path) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "motorpress.settings.demo"
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ["MEDIA_ROOT"] = str(workdir / "media")
    os.environ.pop("REDIS_URL", None)  # the per-process locmem cache, never a shared Redis
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def load_content(extra_articles: int) -> None:
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_demo_content", "--no-admin", stdout=io.StringIO())
    if not extra_articles:
        return
    from motorpress.newsroom.models import ArticlePage, Author
    from motorpress.newsroom.services import article_create, site_structure_ensure

    sections = list(site_structure_ensure(hostname="127.0.0.1", port=8000).sections.values())
    authors = list(Author.objects.order_by("pk"))
    heroes = [a.hero_image for a in ArticlePage.objects.select_related("hero_image")]
    paragraph = "<p>" + "Generated benchmark copy about engines and prices. " * 12 + "</p>"
    for i in range(extra_articles):
        article_create(
            section=sections[i % len(sections)],
            title=f"Benchmark story {i}",
            slug=f"benchmark-story-{i}",
            kind="news",
            teaser="A generated story for the render benchmark.",
            highlights=["First point", "Second point"],
            body=[{"type": "paragraph", "value": paragraph}] * 6,
            authors=authors[i % len(authors) : i % len(authors) + 2],
            tags=["benchmark", f"tag-{i % 7}"],
            hero_image=heroes[i % len(heroes)],
        )


def measure(client, url: str, renders: int, cold: bool) -> dict:
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from motorpress.core.cache import _KEY, content_generation

    def get():
        if cold:
            content_generation()  # makes sure the key exists
            cache.incr(_KEY)  # not bump_content_generation(): that waits for a commit
        start = time.perf_counter()
        response = client.get(url)
        elapsed = (time.perf_counter() - start) * 1000
        if response.status_code != 200:
            raise SystemExit(f"GET {url} answered {response.status_code}, expected 200")
        return response, elapsed

    get()  # a warm fragment cache for the "warm" case
    with CaptureQueriesContext(connection) as queries:
        response, _ = get()
    query_count = len(queries)  # now: the next request_started clears the query log
    times = sorted(get()[1] for _ in range(renders))
    return {
        "queries": query_count,
        "median_ms": round(statistics.median(times), 2),
        "p90_ms": round(statistics.quantiles(times, n=10)[-1], 2),
        "bytes": len(response.content),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--renders", type=int, default=50, help="renders per page and case")
    parser.add_argument("--articles", type=int, default=0, help="extra generated stories")
    parser.add_argument("--json", metavar="PATH", help="also write the figures as JSON")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="motorpress-bench-"))
    try:
        setup_django(workdir)
        load_content(args.articles)
        from django.test import Client

        client = Client(HTTP_HOST="127.0.0.1")
        results = {}
        for name, url in PAGES:
            warmup = client.get(url)  # creates the image renditions
            if warmup.status_code == 404 and url in OPTIONAL:
                continue
            if warmup.status_code != 200:
                raise SystemExit(f"GET {url} answered {warmup.status_code}, expected 200")
            cold = measure(client, url, args.renders, cold=True)
            warm = measure(client, url, args.renders, cold=False)
            results[name] = {"url": url, "cold": cold, "warm": warm}
        from django.db import connection

        connection.close()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    header = f"{'page':<10} {'queries':>9} {'median ms':>13} {'p90 ms':>13} {'bytes':>8}"
    print(f"{args.renders} renders per case, cold/warm publish-scoped fragments\n{header}")
    print("-" * len(header))
    for name, r in results.items():
        pair = [f"{r['cold'][k]}/{r['warm'][k]}" for k in ("queries", "median_ms", "p90_ms")]
        print(f"{name:<10} {pair[0]:>9} {pair[1]:>13} {pair[2]:>13} {r['warm']['bytes']:>8}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
