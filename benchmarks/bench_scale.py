"""Search and listings on a large generated site, in-process: the figures a reader waits for.

Uses the database bench_site.py generated for the size (run it with --setup-only first):

- search: 20 fixed queries (one to four words, common and rare, Hindi, and a 200-character
  query of common words), each rendered --repeat times through /search/ with the page cache
  off: median and p95 per query and over all;
- listings: /latest/, the News section and an author page, page 1 and the deepest keyset
  page, each right after a publish (content generation moved on, fragments cold) and warm.

    uv run python benchmarks/bench_scale.py [--articles 1000000] [--models 500] [--repeat 7]
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

from bench_site import database_url, environment

ROOT = Path(__file__).resolve().parent.parent
QUERIES = [
    "scooter",
    "electric",
    "range",
    "monsoon",
    "charging network",
    "range test",
    "launch price",
    "road test review",
    "electric scooter range",
    "ola roadster x delivery",
    "first ride",
    "sales figures november",
    "zanzibar",
    "kestrel",
    "battery warranty years",
    "मैं",
    "स्कूटर रेंज",
    "best mileage commuter motorcycle",
    "suzuki e-access",
    " ".join(["range price launch test ride review scooter"] * 5)[:200],
]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--models", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=7, help="renders per query or page")
    return parser.parse_args()


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def search_figures(client, repeat: int) -> None:
    print("\n| query | median ms | p95 ms | results |\n|---|---|---|---|")
    everything = []
    for query in QUERIES:
        client.get("/search/", {"q": query})  # plans, connection
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            response = client.get("/search/", {"q": query})
            times.append(_ms(started))
        assert response.status_code == 200, (query, response.status_code)
        everything += times
        count = _results_count(response.content.decode())
        shown = query if len(query) < 40 else f"{query[:37]}… ({len(query)} chars)"
        print(f"| {shown} | {statistics.median(times):.1f} | {_p95(times):.1f} | {count} |")
    print(
        f"| **all {len(QUERIES)} queries** | **{statistics.median(everything):.1f}** "
        f"| **{_p95(everything):.1f}** | |"
    )


def _results_count(html: str) -> str:
    start = html.find('class="results-count">')
    if start < 0:
        return "none"
    return html[start + 22 : html.find("<", start + 22)].split(":")[0]


def listing_figures(client, repeat: int) -> None:
    from django.db import transaction
    from wagtail.models import Locale

    from motorpress.core.cache import bump_content_generation
    from motorpress.core.pagination import story_cursor
    from motorpress.newsroom.models import ArticleAuthor, ArticlePage, SectionPage

    def published_now():
        with transaction.atomic():
            bump_content_generation()  # what a publish does after its commit

    author = ArticleAuthor.objects.order_by("-pk").first().author
    news = SectionPage.objects.get(slug="news", locale=Locale.get_default())  # not /hi/news/
    listings = {
        "/latest/": ("/latest/", ArticlePage.objects.live()),
        "News section": ("/news/", ArticlePage.objects.live().child_of(news)),
        "author page": (author.get_absolute_url(), author_stories(author)),
    }
    print("\n| listing | page | after a publish ms | warm ms |\n|---|---|---|---|")
    for name, (url, stories) in listings.items():
        oldest = stories.order_by("first_published_at", "pk")[20:21].get()
        for label, path in (("1", url), ("deepest", f"{url}?before={story_cursor(oldest)}")):
            cold, warm = [], []
            for _ in range(repeat):
                published_now()
                started = time.perf_counter()
                response = client.get(path)
                cold.append(_ms(started))
                started = time.perf_counter()
                client.get(path)
                warm.append(_ms(started))
            assert response.status_code == 200, (path, response.status_code)
            print(
                f"| {name} | {label} | {statistics.median(cold):.1f} "
                f"| {statistics.median(warm):.1f} |"
            )


def author_stories(author):
    from motorpress.newsroom.models import ArticlePage

    return ArticlePage.objects.live().filter(article_authors__author=author)


def main() -> None:
    sys.stdout.reconfigure(line_buffering=True)
    args = parse_args()
    db_url = database_url(args.articles, args.models)
    os.environ.update(environment(db_url, PAGE_CACHE="false"))
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    print(f"{args.articles:,} stories on {db_url.split(':')[0]}; in-process, page cache off")
    search_figures(client, args.repeat)
    listing_figures(client, args.repeat)


if __name__ == "__main__":
    main()
