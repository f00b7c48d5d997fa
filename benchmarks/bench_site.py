"""Throughput of a large generated site under the production server, against nginx.

Generates (once per size) a site of --articles stories and --models vehicle models on
PostgreSQL when BENCH_DATABASE_URL answers (default: a local server), else on SQLite in var/.
Then, per page type:

- in-process (Django test client, page cache off): SQL queries of one render, response bytes,
  median render time of --renders renders after a warm-up;
- gunicorn (2 workers, as `serve_demo` runs it) under wrk, with the anonymous page cache off
  (PAGE_CACHE=false) and on (PAGE_CACHE=true, Redis db 9): median and p99 latency, requests/s;
- nginx serving the same bytes from disk under the same wrk run, for the ratio.

    uv run python benchmarks/bench_site.py [--articles 10000] [--models 500] [--duration 10]
"""

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PG = "postgres://postgres@127.0.0.1:5432/motorpress_bench"
REDIS_URL = "redis://127.0.0.1:6379/9"
# Fixed URLs come from the demo newsroom, which every bench site also holds; the rest
# depend on the generated content and are filled in by page_urls().
DEMO_PAGES = {
    "article": "/news/xiaomi-ev-mass-production-2024/",
    "review": "/reviews/vlf-mobster-135-review/",
    "compare": "/compare/ktm-rc-160-vs-yamaha-r15/",
}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--models", type=int, default=500)
    parser.add_argument("--duration", type=int, default=10, help="seconds of wrk per run")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--renders", type=int, default=50, help="in-process renders per page")
    parser.add_argument("--setup-only", action="store_true", help="generate, then stop")
    parser.add_argument("--no-server", action="store_true", help="in-process figures only")
    parser.add_argument("--json", metavar="PATH", help="also write the figures as JSON")
    parser.add_argument(
        "--profile",
        metavar="PAGE",
        help="cProfile --renders renders of one page type (e.g. article), print the top 15",
    )
    return parser.parse_args()


# --- the database -------------------------------------------------------------------------


def database_url(articles: int, models: int) -> str:
    """One database per size, so a 10k and a 1M site can sit side by side."""
    suffix = f"_{articles}_{models}"
    base = os.environ.get("BENCH_DATABASE_URL", DEFAULT_PG)
    try:
        import psycopg

        parts = urlsplit(base)
        name = parts.path.lstrip("/") + suffix
        admin = urlunsplit(parts._replace(path="/postgres"))
        with psycopg.connect(admin, autocommit=True, connect_timeout=3) as conn:
            if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
                conn.execute(f'CREATE DATABASE "{name}"')
        return urlunsplit(parts._replace(path=f"/{name}"))
    except Exception as error:  # no server, no driver, no rights: fall back to SQLite
        print(f"PostgreSQL not used ({error.__class__.__name__}: {error}); using SQLite.")
        (ROOT / "var").mkdir(exist_ok=True)
        return f"sqlite:///{ROOT / 'var' / f'bench{suffix}.sqlite3'}"


def environment(db_url: str, **extra) -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="motorpress.settings.bench",
        DATABASE_URL=db_url,
        MEDIA_ROOT=str(ROOT / "var" / "bench-media"),
        **extra,
    )
    env.pop("REDIS_URL", None)
    if "REDIS_URL" in extra:
        env["REDIS_URL"] = extra["REDIS_URL"]
    return env


def manage(env: dict, *args: str) -> str:
    done = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, text=True, capture_output=True
    )
    if done.returncode:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def prepare(db_url: str, articles: int, models: int) -> None:
    env = environment(db_url, PAGE_CACHE="false")
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")
    manage(env, "load_demo_content", "--no-admin")
    counts = manage(env, "shell", "-c", _COUNTS).split()
    stories, vehicles = (int(n) for n in counts[-2:])
    if (stories, vehicles) == (articles, models):
        print(f"Database already holds {articles} stories and {models} models: not regenerating.")
        return
    if stories or vehicles:
        raise SystemExit(f"{db_url} holds {stories}/{vehicles} generated rows; drop it first.")
    print(f"Generating {articles} stories and {models} models ({db_url.split(':')[0]}) …")
    started = time.perf_counter()
    command = [sys.executable, "manage.py", "generate_bench_site", "--articles", str(articles)]
    subprocess.run(  # noqa: S603 -- the progress bar goes straight to the terminal
        [*command, "--models", str(models)],
        cwd=ROOT,
        env=env,
        check=True,
    )
    print(f"Generation took {time.perf_counter() - started:.0f} s.")


_COUNTS = "from motorpress.demo.bench_site import bench_counts; print(*bench_counts())"


# --- in-process figures --------------------------------------------------------------------


def page_urls() -> dict[str, str]:
    from motorpress.catalogue.models import VehicleModel
    from motorpress.core.pagination import PAGE_SIZE, story_cursor
    from motorpress.demo.bench_text import MARK
    from motorpress.newsroom.models import ArticlePage, Author

    # The deepest /latest/ page readers reach by "Older stories" links: the oldest 20.
    oldest = ArticlePage.objects.live().order_by("first_published_at", "pk")[
        PAGE_SIZE : PAGE_SIZE + 1
    ]
    deep = story_cursor(oldest.get())
    author = Author.objects.filter(bio=MARK).first() or Author.objects.first()
    vehicle = (
        VehicleModel.objects.filter(summary__startswith=MARK).select_related("make").first()
        or VehicleModel.objects.select_related("make").first()
    )
    return {
        "home": "/",
        "article": DEMO_PAGES["article"],
        "review": DEMO_PAGES["review"],
        "section": "/news/",
        "latest deep": f"/latest/?before={deep}",
        "author": author.get_absolute_url(),
        "vehicles": "/vehicles/",
        "vehicle": f"/vehicles/{vehicle.make.slug}/{vehicle.slug}/",
        "compare": DEMO_PAGES["compare"],
        "tracker": "/tracker/",
        "search": "/search/?q=monsoon+range",
        "feed": "/feeds/latest.rss",
        "api": "/api/v1/articles",
    }


def profile(url: str, renders: int) -> None:
    """Where an uncached render spends its time: top 15 functions by cumulative time."""
    import cProfile
    import pstats

    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    for _ in range(3):
        client.get(url)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(renders):
        client.get(url)
    profiler.disable()
    stats = pstats.Stats(profiler, stream=sys.stdout)
    print(f"\ncProfile of {renders} renders of {url}: top 15 by own time")
    stats.sort_stats("tottime").print_stats(15)
    # Below the middleware: the view, page context, templates and tags.
    print("Top 15 by cumulative time among views, pages, selectors and templates")
    stats.sort_stats("cumulative").print_stats(
        r"serve|get_context|selectors|querysets|structured_data|template|render", 15
    )


def in_process(db_url: str, renders: int) -> tuple[dict, dict]:
    os.environ.update(environment(db_url, PAGE_CACHE="false"))
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    urls = page_urls()
    client = Client(HTTP_HOST="127.0.0.1")
    results = {}
    for name, url in urls.items():
        for _ in range(3):  # renditions, fragment caches, connection, template loading
            response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"GET {url} answered {response.status_code}, expected 200")
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        query_count = len(queries)  # now: the next request_started empties the query log
        times = []
        for _ in range(renders):
            start = time.perf_counter()
            client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        results[name] = {
            "url": url,
            "queries": query_count,
            "bytes": len(response.content),
            "render_ms": round(statistics.median(times), 2),
        }
        print(f"  in-process {name:<12} {results[name]['render_ms']:>8} ms  {url}")
    return urls, results


# --- servers and wrk ------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"{url} did not answer within {seconds} s")


def gunicorn(db_url: str, port: int, page_cache: bool) -> subprocess.Popen:
    env = environment(db_url, PAGE_CACHE=str(page_cache).lower(), REDIS_URL=REDIS_URL)
    # The same server shape as `manage.py serve_demo`, without the access log.
    command = [sys.executable, "-m", "gunicorn", "motorpress.wsgi:application"]
    command += ["--bind", f"127.0.0.1:{port}", "--workers", "2", "--worker-class", "gthread"]
    command += ["--threads", "4", "--keep-alive", "5", "--log-level", "warning"]
    return subprocess.Popen(command, cwd=ROOT, env=env)  # noqa: S603


def nginx(root: Path, port: int) -> subprocess.Popen:
    """An unprivileged nginx with its own prefix, temp paths and logs (not the system one)."""
    temps = "\n".join(
        f"  {kind}_temp_path {root / kind};" for kind in ("client_body", "proxy", "fastcgi")
    )
    temps += f"\n  uwsgi_temp_path {root / 'uwsgi'};\n  scgi_temp_path {root / 'scgi'};"
    (root / "nginx.conf").write_text(
        f"worker_processes 2;\npid {root / 'nginx.pid'};\nerror_log {root / 'error.log'};\n"
        "events { worker_connections 1024; }\n"
        "http {\n  access_log off;\n  sendfile on;\n  keepalive_requests 100000;\n"
        f"{temps}\n  default_type text/html;\n"
        f"  server {{ listen 127.0.0.1:{port}; root {root / 'www'}; }}\n}}\n",
        encoding="utf-8",
    )
    command = ["nginx", "-p", str(root), "-c", str(root / "nginx.conf"), "-e", "stderr"]
    return subprocess.Popen([*command, "-g", "daemon off;"])  # noqa: S603


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(url: str, args) -> dict:
    for _ in range(20):  # warm-up: worker caches, page cache entries, connections
        urllib.request.urlopen(url, timeout=30).read()  # noqa: S310
    command = ["wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{args.duration}s"]
    out = subprocess.run(  # noqa: S603
        [*command, "--latency", url], capture_output=True, text=True, check=True
    ).stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+(?:us|ms|s))\s*$", out, re.M))

    def ms(value: str) -> float:
        number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", value).groups()
        return round(float(number) * _UNITS[unit], 2)

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "p50_ms": ms(latency["50"]),
        "p99_ms": ms(latency["99"]),
        "rps": round(float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))),
        "errors": int(errors.group(1)) if errors else 0,
    }


def measure_nginx(work: Path, figures: dict, args) -> None:
    """wrk against nginx serving work/www/page<i>.html (the i-th page's bytes) per page name."""
    port = free_port()
    server = nginx(work, port)
    try:
        wait_for(f"http://127.0.0.1:{port}/page0.html")
        for i, name in enumerate(figures):
            figures[name]["nginx"] = wrk(f"http://127.0.0.1:{port}/page{i}.html", args)
            print(f"  nginx    {name:<12} {figures[name]['nginx']}")
    finally:
        stop(server)


def serve_and_measure(db_url: str, urls: dict, args) -> dict:
    figures = {name: {} for name in urls}
    work = Path(tempfile.mkdtemp(prefix="motorpress-nginx-"))
    # nginx started by root serves as an unprivileged worker user: it must be able to read.
    work.chmod(0o755)
    (work / "www").mkdir(mode=0o755)
    try:
        import redis

        redis.Redis.from_url(REDIS_URL).flushdb()  # db 9 is the benchmark's own
        for mode, page_cache in (("uncached", False), ("cached", True)):
            port = free_port()
            server = gunicorn(db_url, port, page_cache)
            try:
                wait_for(f"http://127.0.0.1:{port}/")
                for i, (name, path) in enumerate(urls.items()):
                    url = f"http://127.0.0.1:{port}{path}"
                    if mode == "uncached":  # the bytes nginx will serve
                        with urllib.request.urlopen(url) as response:
                            (work / "www" / f"page{i}.html").write_bytes(response.read())
                    else:
                        with urllib.request.urlopen(url) as response:
                            figures[name]["page_cache"] = response.headers.get("X-Page-Cache")
                    figures[name][mode] = wrk(url, args)
                    print(f"  {mode:<8} {name:<12} {figures[name][mode]}")
            finally:
                stop(server)
        measure_nginx(work, figures, args)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return figures


# --- the report -----------------------------------------------------------------------------


def table(results: dict, figures: dict) -> str:
    head = (
        "| page | queries | bytes | render ms | uncached p50/p99 ms | uncached req/s "
        "| cached p50/p99 ms | cached req/s | nginx req/s | nginx/cached | nginx/uncached |"
    )
    lines = [head, "|" + "---|" * 11]
    for name, r in results.items():
        f = figures.get(name, {})
        u, c, n = f.get("uncached"), f.get("cached"), f.get("nginx")

        def lat(x):
            return f"{x['p50_ms']} / {x['p99_ms']}" if x else "-"

        def ratio(a, b):
            return f"{a['rps'] / b['rps']:.0f}x" if a and b and b["rps"] else "-"

        lines.append(
            f"| {name} | {r['queries']} | {r['bytes']:,} | {r['render_ms']} | {lat(u)} "
            f"| {u['rps'] if u else '-'} | {lat(c)} | {c['rps'] if c else '-'} "
            f"| {n['rps'] if n else '-'} | {ratio(n, c)} | {ratio(n, u)} |"
        )
    return "\n".join(lines)


def main() -> None:
    sys.stdout.reconfigure(line_buffering=True)  # progress shows up when piped to a log
    args = parse_args()
    db_url = database_url(args.articles, args.models)
    prepare(db_url, args.articles, args.models)
    if args.setup_only:
        return
    urls, results = in_process(db_url, args.renders)
    if args.profile:
        profile(urls[args.profile], args.renders)
    from django.db import connection

    connection.close()  # the servers get the machine to themselves
    figures = {} if args.no_server else serve_and_measure(db_url, urls, args)
    print(
        f"\n{args.articles:,} stories, {args.models:,} models on {db_url.split(':')[0]}; "
        f"wrk -t{args.threads} -c{args.connections} -d{args.duration}s; "
        f"render ms: median of {args.renders} in-process renders, page cache off\n"
    )
    print(table(results, figures))
    errors = {
        n: m
        for n, f in figures.items()
        for m, x in f.items()
        if isinstance(x, dict) and x["errors"]
    }
    if errors:
        print(f"\nNon-2xx/3xx answers under load: {errors}")
    if args.json:
        data = {"args": vars(args), "in_process": results, "wrk": figures}
        Path(args.json).write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
