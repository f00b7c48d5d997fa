"""How a late promise and a maker's record read on the tracker and the make's page."""

from datetime import date

from bs4 import BeautifulSoup

from motorpress.catalogue.tests.factories import MakeFactory
from motorpress.ledger.tests.factories import OutcomeFactory, dated_claim


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def status_cell(client, statement):
    page = soup(client.get("/tracker/"))
    for tr in page.select('section[aria-labelledby="all-heading"] table.claims tbody tr'):
        cells = [td.get_text(" ", strip=True) for td in tr.select("td")]
        if cells[2] == statement:
            return cells[5]
    raise AssertionError(f"{statement!r} is not on the tracker")


def late_claim(period, happened_on, statement, make=None):
    claim = dated_claim(period, statement=statement, make=make or MakeFactory(name="Suzuki"))
    OutcomeFactory(claim=claim, happened_on=happened_on)
    return claim


def test_a_launch_promised_for_june_and_made_in_january_reads_7_months_after_the_month(
    client, site
):
    late_claim("June 2025", date(2026, 1, 9), "e-Access launch")
    assert status_cell(client, "e-Access launch") == (
        "Late by 193 days 7 months after the promised month"
    )


def test_a_make_page_lists_its_promises_in_the_order_they_were_made(client, site):
    suzuki = MakeFactory(name="Suzuki")
    late_claim("June 2025", date(2026, 1, 9), "Second promise", make=suzuki)
    dated_claim("2021 Q1", make=suzuki, statement="First promise", claimed_on=date(2020, 5, 1))
    page = soup(client.get("/tracker/suzuki/"))
    titles = [h2.get_text(strip=True) for h2 in page.select("ol.timeline h2")]
    assert titles == ["First promise", "Second promise"]
    statuses = [s.get_text(strip=True) for s in page.select("ol.timeline strong.status")]
    assert statuses[0].startswith("Overdue by ")
    assert statuses[1] == "Late by 193 days"
    assert page.select_one(".track-record").get_text(strip=True) == (
        "1 of 1 dated promises late, median delay 193 days; 1 overdue"
    )


def test_a_launch_one_month_late_reads_1_month_not_1_months(client, site):
    late_claim("June 2025", date(2025, 7, 5), "Scooter launch")
    assert status_cell(client, "Scooter launch") == (
        "Late by 5 days 1 month after the promised month"
    )


def test_a_half_year_promise_two_weeks_late_does_not_read_six_months_late(client, site):
    late_claim("2024 H1", date(2024, 7, 15), "Deliveries start")
    status = status_cell(client, "Deliveries start")
    assert status.startswith("Late by 15 days")
    assert "6 months" not in status


def test_a_makers_record_with_a_one_day_median_delay_reads_1_day(client, site):
    late_claim("June 2025", date(2025, 7, 1), "Launch a day late")
    page = soup(client.get("/tracker/suzuki/"))
    assert page.select_one(".track-record").get_text(strip=True) == (
        "1 of 1 dated promises late, median delay 1 day"
    )
