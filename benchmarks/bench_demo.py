"""The default setup as `make demo` serves it: SQLite, no Redis, the shared file cache, 2 workers.

Builds the demo newsroom in its own SQLite file and cache folder under var/ (so a running
`make demo` is never touched), serves it with gunicorn as `serve_demo` does, and prints, per
page, requests/s under wrk with the page cache on (the default) and off, against nginx serving
the same bytes from disk, and the ratio. Then it publishes a new title from another process
(as the scheduler or an admin worker would) and checks that the very next requests, whichever
worker answers, show it.

    uv run python benchmarks/bench_demo.py [--duration 10] [--connections 16]
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from bench_site import free_port, measure_nginx, stop, wait_for, wrk

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var" / "bench-demo"
PAGES = {
    "article": "/news/xiaomi-ev-mass-production-2024/",
    "home": "/",
    "latest": "/latest/",
    "vehicle": "/vehicles/suzuki/e-access/",
    "compare": "/compare/ktm-rc-160-vs-yamaha-r15/",
}
_PUBLISH = """
from wagtail.models import Locale
from motorpress.newsroom.models import ArticlePage
story = ArticlePage.objects.get(
    url_path__endswith="/xiaomi-ev-mass-production-2024/", locale=Locale.get_default()
)
story.title = "{title}"
story.save_revision().publish()
"""


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds of wrk per run")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    return parser.parse_args()


def environment(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "PAGE_CACHE")}
    env.update(
        DJANGO_SETTINGS_MODULE="motorpress.settings.demo",
        DATABASE_URL=f"sqlite:///{VAR / 'demo.sqlite3'}",
        MEDIA_ROOT=str(VAR / "media"),
        CACHE_DIR=str(VAR / "cache"),
        **extra,
    )
    return env


def manage(*args: str, **extra) -> None:
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment(**extra), check=True
    )


def prepare() -> None:
    shutil.rmtree(VAR, ignore_errors=True)
    VAR.mkdir(parents=True)
    manage("migrate", "--noinput", "-v0")
    manage("collectstatic", "--noinput", "-v0")
    manage("load_demo_content", "--no-admin")


def gunicorn(port: int, **extra) -> subprocess.Popen:
    # The same server shape as `manage.py serve_demo`, without the access log.
    command = [sys.executable, "-m", "gunicorn", "motorpress.wsgi:application"]
    command += ["--bind", f"127.0.0.1:{port}", "--workers", "2", "--worker-class", "gthread"]
    command += ["--threads", "4", "--keep-alive", "5", "--log-level", "warning"]
    return subprocess.Popen(command, cwd=ROOT, env=environment(**extra))  # noqa: S603


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310
        return response.read()


def measure(args) -> dict:
    figures = {name: {} for name in PAGES}
    work = Path(tempfile.mkdtemp(prefix="motorpress-nginx-"))
    work.chmod(0o755)  # nginx's unprivileged worker must read it
    (work / "www").mkdir(mode=0o755)
    try:
        for mode, extra in (("cached", {}), ("uncached", {"PAGE_CACHE": "false"})):
            port = free_port()
            server = gunicorn(port, **extra)
            try:
                wait_for(f"http://127.0.0.1:{port}/")
                for i, (name, path) in enumerate(PAGES.items()):
                    url = f"http://127.0.0.1:{port}{path}"
                    if mode == "cached":
                        body = fetch(url)
                        (work / "www" / f"page{i}.html").write_bytes(body)
                        figures[name]["bytes"] = len(body)
                    figures[name][mode] = wrk(url, args)
                    print(f"  {mode:<8} {name:<8} {figures[name][mode]}")
            finally:
                stop(server)
        measure_nginx(work, figures, args)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return figures


def publish_is_seen_at_once() -> str:
    """Publish from another process; every one of the next 20 requests must show it."""
    port = free_port()
    server = gunicorn(port)
    try:
        url = f"http://127.0.0.1:{port}{PAGES['article']}"
        wait_for(url)
        for _ in range(20):  # both workers hold the page now
            fetch(url)
        title = f"Xiaomi EV output passes a milestone ({time.time_ns()})"
        started = time.perf_counter()
        manage("shell", "-c", _PUBLISH.format(title=title))
        published = time.perf_counter() - started
        stale = sum(title.encode() not in fetch(url) for _ in range(20))
        return f"publish from another process: {published:.1f} s; stale after it: {stale}/20"
    finally:
        stop(server)


def main() -> None:
    sys.stdout.reconfigure(line_buffering=True)
    args = parse_args()
    prepare()
    figures = measure(args)
    print(
        f"\nmake demo's setup (SQLite, no Redis, file cache), gunicorn 2 workers; "
        f"wrk -t{args.threads} -c{args.connections} -d{args.duration}s\n"
    )
    print("| page | bytes | uncached req/s | cached req/s | nginx req/s | nginx / cached |")
    print("|---|---|---|---|---|---|")
    for name, f in figures.items():
        ratio = f["nginx"]["rps"] / f["cached"]["rps"] if f["cached"]["rps"] else float("inf")
        print(
            f"| {name} | {f['bytes']:,} | {f['uncached']['rps']:,} | {f['cached']['rps']:,} "
            f"| {f['nginx']['rps']:,} | {ratio:.1f}x |"
        )
    print("\n" + publish_is_seen_at_once())


if __name__ == "__main__":
    main()
