"""With Redis gone (killed or frozen) the site keeps serving the same pages and editors can publish.

Each test starts its own throwaway redis-server on a free loopback port, so the shared
Redis is never touched, and points the default cache at it with the production OPTIONS.
"""

import shutil
import signal
import socket
import subprocess
import time

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.test import override_settings
from redis.exceptions import ConnectionError as RedisConnectionError

from motorpress.core.redis_breaker import breaker
from motorpress.newsroom.models import ArticlePage

PAGES = [
    "/",
    "/news/xiaomi-ev-mass-production-2024/",
    "/vehicles/suzuki/e-access/",
    "/api/v1/articles?limit=20",
]
# The same OPTIONS as motorpress/settings/base.py uses when REDIS_URL is set.

pytestmark = pytest.mark.skipif(not shutil.which("redis-server"), reason="needs redis-server")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def redis_server():
    port = _free_port()
    process = subprocess.Popen(
        [
            shutil.which("redis-server"),
            "--port", str(port),
            "--bind", "127.0.0.1",
            "--save", "",
            "--appendonly", "no",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 10
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                pytest.fail("redis-server did not start")
            time.sleep(0.05)
    caches = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": settings.REDIS_CACHE_OPTIONS,
        }
    }
    breaker.reset()
    with override_settings(CACHES=caches):  # setting_changed resets the cache connections
        yield process
    breaker.reset()
    if process.poll() is None:
        process.send_signal(signal.SIGCONT)
        process.kill()
    process.wait(timeout=10)


@pytest.fixture
def demo_site(db):
    call_command("load_demo_content", "--no-admin")


def _serve(client) -> tuple[dict[str, bytes], dict[str, float]]:
    pages, seconds = {}, {}
    for url in PAGES:
        started = time.perf_counter()
        response = client.get(url)
        seconds[url] = time.perf_counter() - started
        assert response.status_code == 200, url
        pages[url] = response.content
    return pages, seconds


def _report(label, seconds):
    # Figures for the record (pytest -s shows them); no assertion on wall-clock time.
    print(label, {url: f"{value * 1000:.0f} ms" for url, value in seconds.items()})


def _publish_new_title(title: str) -> ArticlePage:
    article = ArticlePage.objects.in_edition("en-gb").get(slug="xiaomi-ev-mass-production-2024")
    article.title = title
    article.save_revision().publish()
    return article


@pytest.mark.parametrize("outage", ["killed", "frozen"])
def test_the_site_serves_the_same_pages_and_publishes_with_redis_down(
    redis_server, demo_site, client, django_capture_on_commit_callbacks, outage
):
    _serve(client)  # fill the cache
    assert cache.client.get_client().dbsize() > 0, "the pages should be using this Redis"
    before, seconds = _serve(client)
    _report("redis up", seconds)

    if outage == "killed":
        redis_server.kill()
        redis_server.wait(timeout=10)
    else:  # accepts connections but never answers: the socket timeouts must cut it short
        redis_server.send_signal(signal.SIGSTOP)

    during, seconds = _serve(client)
    _report(f"redis {outage}", seconds)
    assert during == before
    if outage == "frozen":
        # One timeout opened the breaker: the calls after it skip Redis instead of waiting.
        with pytest.raises(RedisConnectionError, match="circuit open"):
            breaker.check()

    with django_capture_on_commit_callbacks(execute=True):
        _publish_new_title("Xiaomi starts building its electric car")
    response = client.get("/news/xiaomi-ev-mass-production-2024/")
    assert response.status_code == 200
    assert b"Xiaomi starts building its electric car" in response.content
