import pytest
from django.core.management import call_command

from motorpress.newsroom.services import site_structure_ensure


@pytest.fixture
def site(db):
    """Home page, the four sections and the default Site (pages render inside it)."""
    return site_structure_ensure()


@pytest.fixture
def demo(db):
    """The whole shipped demo: catalogue, stories, and the claims ledger with its outcomes."""
    call_command("load_demo_content", "--no-admin")


def _rows_of(page, section: str) -> list[dict[str, str]]:
    """The claims table in the tracker section labelled by `section`, one dict per row."""
    columns = ["claimed", "who", "promise", "value", "happened", "status"]
    rows = page.select(f'section[aria-labelledby="{section}"] table.claims tbody tr')
    return [
        dict(zip(columns, (td.get_text(" ", strip=True) for td in tr.select("td")), strict=True))
        for tr in rows
        if len(tr.select("td")) == len(columns)
    ]


@pytest.fixture
def claims_table():
    """Reads a tracker claims table: claims_table(soup, "all-heading") -> rows as dicts."""
    return _rows_of
