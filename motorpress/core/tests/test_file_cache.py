"""The default setup's shared cache: Django's file cache, values stored without compression."""

import time

import pytest

from motorpress.core.file_cache import UncompressedFileBasedCache


@pytest.fixture
def cache(tmp_path):
    return UncompressedFileBasedCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 50}})


def test_values_round_trip_and_a_missing_key_is_the_default(cache):
    page = (200, [("Content-Type", "text/html")], "<p>₹1.88 लाख</p>".encode() * 500)
    cache.set("page", page, timeout=60)
    assert cache.get("page") == page
    assert cache.get("absent", "fallback") == "fallback"


def test_the_page_is_stored_as_written_not_compressed(cache, tmp_path):
    body = b"x" * 20_000  # zlib would shrink this to a few dozen bytes
    cache.set("page", body, timeout=60)
    (stored,) = [path for path in tmp_path.iterdir() if path.suffix == ".djcache"]
    assert stored.stat().st_size > 20_000


def test_generations_count_up_and_add_keeps_what_is_there(cache):
    assert cache.add("generation", 7, timeout=None)
    assert not cache.add("generation", 1, timeout=None)
    assert cache.incr("generation") == 8
    assert cache.get("generation") == 8


def test_an_expired_entry_is_a_miss_and_touch_extends_a_live_one(cache):
    cache.set("short", "gone", timeout=1)
    cache.set("kept", "here", timeout=1)
    assert cache.touch("kept", timeout=60)
    time.sleep(1.1)
    assert cache.get("short") is None
    assert cache.get("kept") == "here"
    assert not cache.touch("short", timeout=60)
    assert not cache.touch("never-set", timeout=60)


def test_delete_removes_the_entry(cache):
    cache.set("page", "body", timeout=60)
    assert cache.delete("page")
    assert cache.get("page") is None
