"""The shipped demo newsroom (25 stories, 15 models, 26 variants, claims) for the API tests."""

from django.core.management import call_command
from django.db import connection
from django.test import Client

WARM_UP = ["/api/v1/articles?limit=100", "/api/v1/authors", "/api/v1/models"]


def assert_test_database():
    """Never load into (or flush, or roll back) anything but pytest-django's test database."""
    name = str(connection.settings_dict["NAME"])
    if not (name.startswith("test_") or "memorydb" in name or name == ":memory:"):
        raise RuntimeError(f"Refusing to load the demo into {name!r}: not a test database.")


def load_demo():
    assert_test_database()
    call_command("load_demo_content", "--no-admin")
    client = Client()
    for path in WARM_UP:  # image renditions, as a running site has them
        assert client.get(path).status_code == 200, path
