"""A real-shaped WordPress archive of 20,000 posts imported in one run, again, and after a kill.

Writes an export of every shape motorpress.importing.wxr_samples knows, repeated to --posts
posts plus the page tree, then, each in a database of its own under var/bench-wxr/:
1. imports it and prints wall time, posts/s and the import process's peak memory (also for a
   twentieth of the file: streaming keeps memory flat, so the two peaks should be close);
2. imports it again into the same database: nothing may change;
3. starts the import in a fresh database, kills it (SIGKILL) half-way, runs it again, and
   compares the result with run 1: the same stories, pages, redirects and mappings.

    uv run python benchmarks/bench_wxr.py [--posts 20000] [--database-url postgres://…]

Without --database-url each run uses a SQLite file, as `make demo` does.
"""

import argparse
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var" / "bench-wxr"
sys.path.insert(0, str(ROOT))

# Prints, from inside a Django process, what an import left behind: counts and a digest of
# every story's and page's address, so two databases can be compared.
_STATE = """
import hashlib, json
from wagtail.contrib.redirects.models import Redirect
from motorpress.importing.models import ImportedItem
from motorpress.newsroom.models import ArticlePage, StandardPage
paths = sorted(ArticlePage.objects.values_list("url_path", "live"))
pages = sorted(StandardPage.objects.values_list("url_path", "live"))
print(json.dumps({
    "stories": len(paths),
    "live stories": sum(live for _, live in paths),
    "pages": len(pages),
    "redirects": Redirect.objects.count(),
    "mappings": ImportedItem.objects.count(),
    "digest": hashlib.sha256(repr((paths, pages)).encode()).hexdigest()[:16],
}))
"""


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--posts", type=int, default=20_000)
    parser.add_argument("--database-url", default="", help="a PostgreSQL server's URL")
    return parser.parse_args()


def environment(name: str, database_url: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL",)}
    if database_url:
        url = f"{database_url.rstrip('/')}/bench_wxr_{name}"
    else:
        url = f"sqlite:///{VAR / (name + '.sqlite3')}"
    env.update(
        DJANGO_SETTINGS_MODULE="motorpress.settings.demo",
        DATABASE_URL=url,
        MEDIA_ROOT=str(VAR / "media"),
        CACHE_DIR=str(VAR / "cache" / name),
    )
    return env


def manage(env: dict, *args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - fixed arguments, no shell
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, **kwargs
    )


def fresh_database(name: str, database_url: str) -> dict:
    env = environment(name, database_url)
    if database_url:
        import psycopg

        with psycopg.connect(database_url, autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS bench_wxr_{name}")
            connection.execute(f"CREATE DATABASE bench_wxr_{name}")
    else:
        for suffix in ("", "-wal", "-shm", "-journal"):
            (VAR / f"{name}.sqlite3{suffix}").unlink(missing_ok=True)
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    manage(
        env,
        "shell",
        "-c",
        "from motorpress.newsroom.services import site_structure_ensure; site_structure_ensure()",
    )
    return env


def timed_import(env: dict, export: Path) -> tuple[float, int, str]:
    """Wall seconds, the import process's peak RSS in MiB, and its report."""
    command = [
        sys.executable,
        "-c",
        "import resource, sys, django, os\n"
        "django.setup()\n"
        "from django.core.management import call_command\n"
        "call_command('import_wordpress', sys.argv[1])\n"
        "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "print(f'PEAK_KIB={peak}', file=sys.stderr)\n",
        str(export),
    ]
    start = time.perf_counter()
    done = subprocess.run(  # noqa: S603
        command, cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    seconds = time.perf_counter() - start
    peak = next(
        int(line.split("=")[1]) for line in done.stderr.splitlines() if line.startswith("PEAK")
    )
    return seconds, peak // 1024, done.stdout


def state(env: dict) -> dict:
    out = manage(env, "shell", "-c", _STATE, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main():
    args = parse_args()
    from motorpress.importing.wxr_samples import POST_SHAPES, write_export

    VAR.mkdir(parents=True, exist_ok=True)
    rounds = -(-args.posts // len(POST_SHAPES))
    export, small = VAR / f"archive-{args.posts}.xml", VAR / "archive-twentieth.xml"
    posts = write_export(export, copies=rounds)
    small_posts = write_export(small, copies=max(1, rounds // 20))
    print(f"export: {posts:,} posts, {export.stat().st_size / 2**20:.1f} MiB")

    env = fresh_database("twentieth", args.database_url)
    seconds, peak_small, _ = timed_import(env, small)
    print(f"a twentieth ({small_posts:,} posts): {seconds:.0f} s, peak {peak_small} MiB")

    env = fresh_database("full", args.database_url)
    seconds, peak, report = timed_import(env, export)
    first_seconds = seconds
    first = state(env)
    print(
        f"run 1: {seconds:.0f} s, {posts / seconds:.1f} posts/s, peak {peak} MiB "
        f"(a twentieth of the file: {peak_small} MiB)"
    )
    counts = [line for line in report.splitlines() if line.startswith("  ") and ": " in line]
    print("  " + "\n  ".join(line.strip() for line in counts if line.strip()[0] != "-"))
    print(f"  state: {first}")

    seconds, _, report = timed_import(env, export)
    second = state(env)
    unchanged = next((line for line in report.splitlines() if "unchanged:" in line), "")
    print(f"run 2 (same file again): {seconds:.0f} s, {unchanged.strip()}")
    print(f"  state unchanged: {second == first}")

    env = fresh_database("killed", args.database_url)
    process = subprocess.Popen(  # noqa: S603
        [sys.executable, "manage.py", "import_wordpress", str(export)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(first_seconds / 2)  # half-way through the posts, mid-transaction or between
    process.send_signal(signal.SIGKILL)
    process.wait()
    interrupted = state(env)
    print(f"run 3: killed with {interrupted['stories']:,} of {first['stories']:,} stories in")
    seconds, _, _ = timed_import(env, export)
    resumed = state(env)
    print(f"  resumed in {seconds:.0f} s; same result as run 1: {resumed == first}")
    if resumed != first or second != first:
        print(f"  MISMATCH: run 1 {first}, run 2 {second}, resumed {resumed}")
        sys.exit(1)


if __name__ == "__main__":
    main()
