import pytest

from motorpress.demo.loader import DemoLoadReport, load_catalogue
from motorpress.newsroom.services import site_structure_ensure


@pytest.fixture
def site(db):
    """Home page, the four sections and the default Site (stories need a page tree)."""
    return site_structure_ensure()


@pytest.fixture
def demo_catalogue(db):
    """The shipped demo catalogue, loaded through the importer editors use."""
    report = DemoLoadReport()
    load_catalogue(report)
    return report
