import pytest

from motorpress.newsroom.services import site_structure_ensure


@pytest.fixture
def site(db):
    """Home page, the four sections and the default Site."""
    return site_structure_ensure()
