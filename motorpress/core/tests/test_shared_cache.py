"""Without Redis the cache is a folder every server process shares, so one publish moves all on.

`make demo` runs two gunicorn workers and a scheduler process. A per-process cache would let a
publish in one of them leave the others serving their old pages and fragments; these tests run
a second real Python process against the same folder to show it sees what this one did.
"""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings as django_settings
from django.test import Client

from motorpress.newsroom.services import site_structure_ensure
from motorpress.newsroom.tests.factories import create_article

pytestmark = pytest.mark.django_db

# What the other process does: read the content generation and whether a page is cached.
_OTHER_PROCESS = """
import json, sys
import django
django.setup()
from django.core.cache import cache
from django.test import RequestFactory
from motorpress.core.cache import content_generation
from motorpress.core.page_cache import page_cache_key
generation = content_generation()
request = RequestFactory().get(sys.argv[1], HTTP_HOST="127.0.0.1")
cached = cache.get(page_cache_key(request, generation)) is not None
print(json.dumps({"generation": generation, "cached": cached}))
"""


def _python(code: str, *args: str, **environ) -> dict:
    """Run code in a new Python process (no Redis in its environment); its last line as JSON."""
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "PAGE_CACHE")}
    env.update(environ)
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=django_settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.splitlines()[-1])


def _settings_of(module: str, **environ) -> dict:
    """CACHES and PAGE_CACHE as a fresh process with `module` and this environment sees them."""
    code = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps({'backend': s.CACHES['default']['BACKEND'], "
        "'location': str(s.CACHES['default'].get('LOCATION')), "
        "'page_cache': s.PAGE_CACHE['ENABLED']}))"
    )
    return _python(code, DJANGO_SETTINGS_MODULE=module, **environ)


@pytest.fixture
def shared_cache(settings, tmp_path):
    """This process uses the folder that a demo server process with CACHE_DIR=tmp_path uses."""
    location = _settings_of("motorpress.settings.demo", CACHE_DIR=str(tmp_path))["location"]
    settings.CACHES = {
        "default": {
            "BACKEND": "motorpress.core.file_cache.UncompressedFileBasedCache",
            "LOCATION": location,
        }
    }
    settings.PAGE_CACHE = {"ENABLED": True, "TIMEOUT": 600}
    return tmp_path


def _other_process(cache_dir, path: str) -> dict:
    return _python(
        _OTHER_PROCESS,
        path,
        DJANGO_SETTINGS_MODULE="motorpress.settings.demo",
        CACHE_DIR=str(cache_dir),
    )


def test_the_demo_without_redis_serves_readers_from_a_shared_page_cache():
    demo = _settings_of("motorpress.settings.demo")
    assert demo["backend"] == "motorpress.core.file_cache.UncompressedFileBasedCache"
    assert demo["page_cache"] is True
    with_redis = _settings_of("motorpress.settings.demo", REDIS_URL="redis://127.0.0.1:6379/3")
    assert with_redis["backend"] == "django_redis.cache.RedisCache"


def test_each_database_gets_its_own_cache_folder():
    demo = _settings_of("motorpress.settings.demo")
    other = _settings_of("motorpress.settings.demo", DATABASE_URL="sqlite:////tmp/other.sqlite3")
    assert demo["location"] != other["location"]


def test_a_publish_here_is_seen_by_another_server_process(
    shared_cache, django_capture_on_commit_callbacks
):
    structure = site_structure_ensure()
    story = create_article(structure.sections["news"], title="Ather Rizta gets a bigger battery")
    reader = Client(HTTP_HOST="127.0.0.1")
    assert reader.get("/latest/")["X-Page-Cache"] == "miss"
    assert reader.get("/latest/")["X-Page-Cache"] == "hit"
    before = _other_process(shared_cache, "/latest/")
    assert before["cached"], "the other worker would render the page again"

    with django_capture_on_commit_callbacks(execute=True):
        story.title = "Ather Rizta gets a 3.7 kWh battery"
        story.save_revision().publish()

    after = _other_process(shared_cache, "/latest/")
    assert after["generation"] > before["generation"]
    assert not after["cached"]
    response = reader.get("/latest/")
    assert response["X-Page-Cache"] == "miss"
    assert b"Ather Rizta gets a 3.7 kWh battery" in response.content
