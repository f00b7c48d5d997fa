"""The endpoint tests share one copy of the demo newsroom.

Loading it takes seconds, so it is loaded once for this package inside an outer transaction
(as Django's `setUpTestData` does); each test runs in a savepoint within it (`db`), and the
whole lot is rolled back when the package is done. The schemathesis test sits outside this
package on purpose: its requests cannot run inside a transaction.
"""

import pytest
from django.db import transaction

from motorpress.api.tests.demo import load_demo


@pytest.fixture(scope="package")
def demo_content(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        load_demo()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_content, db):
    """The demo, shared; what a test adds is rolled back with its savepoint."""


@pytest.fixture
def api(client, demo):
    """GET an API path ("/articles?limit=5") with the Django test client."""

    def get(path, **headers):
        return client.get(f"/api/v1{path}", headers=headers)

    return get
