"""Import tests start from the site's structure: the home page, its sections, the Site."""

import pytest

from motorpress.newsroom.services import site_structure_ensure


@pytest.fixture
def site(db):
    return site_structure_ensure()
