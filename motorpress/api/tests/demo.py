"""The shipped demo newsroom (25 stories, 15 models, 26 variants, claims) for the API tests."""

from django.conf import settings
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


def section(slug: str, language_code: str = settings.LANGUAGE_CODE):
    """A demo section of one edition (each edition has its own /news/, /reviews/, …)."""
    from motorpress.newsroom.models import SectionPage

    return SectionPage.objects.get(slug=slug, locale__language_code=language_code)


def home(language_code: str = settings.LANGUAGE_CODE):
    """An edition's home page."""
    from motorpress.newsroom.models import HomePage

    return HomePage.objects.get(locale__language_code=language_code)
