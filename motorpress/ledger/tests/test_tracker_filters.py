"""A reader narrows the tracker by status, promise and make; bad input is a 400 or 404."""

from datetime import date
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup

from motorpress.catalogue.tests.factories import MakeFactory
from motorpress.ledger.models import Metric
from motorpress.ledger.tests.factories import OutcomeFactory, dated_claim, figure_claim

PAYLOAD = "<script>alert(1)</script>"


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def ledger(site):
    """Five claims from four makes: kept, two late, a range shortfall and an open figure."""
    xiaomi, suzuki, ola, tvs = (
        MakeFactory(name=name) for name in ("Xiaomi", "Suzuki", "Ola Electric", "TVS")
    )
    kept = dated_claim(
        "2024 H1", make=xiaomi, metric=Metric.PRODUCTION_START, statement="Xiaomi mass production"
    )
    OutcomeFactory(claim=kept, happened_on=date(2024, 3, 28))
    late = dated_claim("June 2025", make=suzuki, statement="Suzuki e-Access launch")
    OutcomeFactory(claim=late, happened_on=date(2026, 1, 9))
    also_late = dated_claim("2024 Q1", make=ola, statement="Ola roadster deliveries")
    OutcomeFactory(claim=also_late, happened_on=date(2024, 5, 10))
    short = figure_claim(158, make=tvs, statement="TVS Orbiter range 158 km")
    OutcomeFactory(claim=short, number=Decimal(112))
    figure_claim(95, make=suzuki, statement="Suzuki e-Access range 95 km")


def promises(client, query=""):
    page = soup(client.get(f"/tracker/{query}"))
    rows = page.select('section[aria-labelledby="all-heading"] table.claims tbody tr')
    return {
        tr.select("td")[2].get_text(" ", strip=True): tr.select("td")[5].get_text(" ", strip=True)
        for tr in rows
    }


def test_unfiltered_tracker_lists_every_claim_with_its_status(client, ledger):
    shown = promises(client)
    assert shown.keys() == {
        "Xiaomi mass production",
        "Suzuki e-Access launch",
        "Ola roadster deliveries",
        "TVS Orbiter range 158 km",
        "Suzuki e-Access range 95 km",
    }
    assert shown["Xiaomi mass production"] == "Kept"
    assert shown["Suzuki e-Access launch"] == "Late by 193 days 7 months after the promised month"
    assert shown["Ola roadster deliveries"].startswith("Late by 40 days")
    assert shown["TVS Orbiter range 158 km"] == "Worse by 29.1%"
    assert shown["Suzuki e-Access range 95 km"] == "Pending"


def test_filtering_by_late_shows_only_the_late_promises(client, ledger):
    shown = promises(client, "?status=late")
    assert set(shown) == {"Suzuki e-Access launch", "Ola roadster deliveries"}
    assert all(status.startswith("Late by ") for status in shown.values())


def test_filtering_by_range_shows_only_range_claims(client, ledger):
    assert set(promises(client, "?metric=range")) == {
        "TVS Orbiter range 158 km",
        "Suzuki e-Access range 95 km",
    }


def test_filtering_by_make_shows_only_that_makers_claims_and_keeps_the_choice_selected(
    client, ledger
):
    assert set(promises(client, "?make=suzuki")) == {
        "Suzuki e-Access launch",
        "Suzuki e-Access range 95 km",
    }
    page = soup(client.get("/tracker/?make=xiaomi&status=kept"))
    assert page.select_one("#f-make option[selected]")["value"] == "xiaomi"
    assert page.select_one("#f-status option[selected]")["value"] == "kept"
    assert set(promises(client, "?make=xiaomi&status=kept")) == {"Xiaomi mass production"}


def test_filters_that_match_nothing_say_so(client, ledger):
    page = soup(client.get("/tracker/?make=xiaomi&metric=price"))
    body = page.select_one('section[aria-labelledby="all-heading"] tbody')
    assert body.get_text(strip=True) == "No claims match."


@pytest.mark.parametrize(
    "query",
    [
        pytest.param({"status": "bogus"}, id="unknown-status"),
        pytest.param({"metric": PAYLOAD}, id="script-metric"),
        pytest.param({"status": PAYLOAD}, id="script-status"),
        pytest.param({"make": PAYLOAD}, id="script-make"),
        pytest.param({"make": "\x00"}, id="nul-make"),
        pytest.param({"make": "' OR 1=1 --"}, id="sql-make"),
        pytest.param({"make": "a" * 5000}, id="long-make"),
        pytest.param({"metric": "x" * 5000 + PAYLOAD}, id="long-metric"),
        pytest.param({"status": "late", "metric": ["range", PAYLOAD]}, id="repeated-metric"),
    ],
)
def test_hostile_filter_values_get_a_400_page_that_echoes_nothing_raw(client, ledger, query):
    response = client.get("/tracker/", query)
    assert response.status_code == 400
    html = response.content.decode()
    assert "<script" not in html  # the page itself has no scripts, so any is an echo
    assert "' OR 1=1" not in html
    assert "\x00" not in html
    page = BeautifulSoup(html, "html.parser")
    assert page.h1.get_text(strip=True) == "Promise tracker: these filters are not valid"
    assert page.select("ul.errors li"), "the reader is not told which filter is wrong"
    assert page.select_one('a[href="/tracker/"]') is not None


@pytest.mark.parametrize("path", ["/tracker/nope/", "/tracker/%3Cscript%3E/", "/tracker/x%00/"])
def test_an_unknown_make_is_a_404(client, ledger, path):
    response = client.get(path)
    assert response.status_code == 404
    assert b"<script" not in response.content
