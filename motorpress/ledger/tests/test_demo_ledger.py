"""The shipped demo ledger reads right on the tracker, the make pages, vehicle pages and reviews."""

from bs4 import BeautifulSoup

XIAOMI_PROMISE = "Mass production of Xiaomi's first electric car in the first half of 2024"
E_ACCESS_LAUNCH = "India launch of the e-Access"


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def row_about(rows, words):
    (row,) = [row for row in rows if words in row["promise"]]
    return row


def test_tracker_shows_xiaomis_2024_h1_promise_kept_and_the_e_access_launch_late(
    client, demo, claims_table
):
    rows = claims_table(soup(client.get("/tracker/")), "all-heading")
    xiaomi = row_about(rows, XIAOMI_PROMISE)
    assert xiaomi["value"] == "2024 H1"
    assert xiaomi["happened"] == "28 Mar 2024"
    assert xiaomi["status"] == "Kept"

    e_access = row_about(rows, E_ACCESS_LAUNCH)
    assert e_access["value"] == "June 2025"
    assert e_access["happened"] == "9 Jan 2026"
    assert e_access["status"] == "Late by 193 days 7 months after the promised month"


def test_tracker_summarises_each_makers_record_on_dated_promises(client, demo):
    page = soup(client.get("/tracker/"))
    records = {
        li.a.get_text(strip=True): li.get_text(" ", strip=True)
        for li in page.select('section[aria-labelledby="records-heading"] li')
    }
    assert "1 of 1 dated promises late, median delay 193 days" in records["Suzuki"]
    assert "0 of 1 dated promises late" in records["Xiaomi"]
    assert "Simple Energy" not in records  # a range claim only: no dated promise to judge


def test_xiaomi_tracker_page_shows_the_2024_promise_and_how_it_turned_out(client, demo):
    page = soup(client.get("/tracker/xiaomi/"))
    assert page.h1.get_text(strip=True) == "Xiaomi: promises and outcomes"
    (item,) = page.select("ol.timeline li.timeline__item")
    assert item.h2.get_text(strip=True) == XIAOMI_PROMISE
    text = item.get_text(" ", strip=True)
    assert "Promised: 2024 H1." in text
    assert "What happened: 28 Mar 2024" in text
    assert item.select_one("strong.status").get_text(strip=True) == "Kept"
    source = item.select_one(".source a")
    assert source["href"] == "/news/xiaomi-ev-mass-production-2024/"


def test_e_access_vehicle_page_shows_its_launch_came_193_days_late(client, demo, claims_table):
    page = soup(client.get("/vehicles/suzuki/e-access/"))
    section = page.select_one('section[aria-labelledby="claims-heading"]')
    assert section.h2.get_text(strip=True) == "Promises about the Suzuki e-Access"
    launch = row_about(claims_table(page, "claims-heading"), E_ACCESS_LAUNCH)
    assert launch["happened"] == "9 Jan 2026"
    assert launch["status"] == "Late by 193 days 7 months after the promised month"
    record = section.select_one(".track-record").get_text(" ", strip=True)
    assert "1 of 1 dated promises late, median delay 193 days" in record


def test_orbiter_vehicle_page_puts_claimed_and_tested_range_side_by_side_with_the_gap(client, demo):
    page = soup(client.get("/vehicles/tvs/orbiter/"))
    box = page.select_one(".claimed-vs-tested")
    assert box is not None, "no claimed-vs-tested box on the vehicle page"
    assert box.select_one(".demo-flag").get_text(strip=True) == "demo figures"
    ranges = {
        tr.th.get_text(strip=True): [td.get_text(strip=True) for td in tr.select("td")]
        for tr in box.select("tbody tr")
    }
    assert ranges["Range"] == ["158 km (IDC)", "112 km", "-29.1%"]

    promises = page.select_one('section[aria-labelledby="claims-heading"]')
    statuses = [strong.get_text(strip=True) for strong in promises.select("strong.status")]
    assert statuses == ["Worse by 29.1%"]


def test_orbiter_road_test_article_shows_claimed_vs_tested_with_pros_and_cons(client, demo):
    page = soup(client.get("/reviews/tvs-orbiter-road-test-range/"))
    verdict = page.select_one("section.review-verdict")
    assert verdict.h2.get_text(strip=True) == "Claimed vs tested"
    range_row = [td.get_text(strip=True) for td in verdict.select(".claimed-vs-tested tr td")][:3]
    assert range_row == ["158 km (IDC)", "112 km", "-29.1%"]
    assert verdict.select_one(".demo-flag") is not None
    lists = {div.h3.get_text(strip=True): div for div in verdict.select(".pros-cons > div")}
    assert [li.get_text() for li in lists["Pros"].select("li")] == [
        "Smooth, quiet power delivery",
        "Comfortable for city commuting",
    ]
    assert [li.get_text() for li in lists["Cons"].select("li")] == [
        "Real-world range well short of the claim",
        "Slow to charge from a home socket",
    ]


def _upcoming_card(client, name):
    page = soup(client.get("/vehicles/upcoming/"))
    (card,) = [li for li in page.select("li.vehicle-card") if li.h3.get_text(strip=True) == name]
    return card


def test_upcoming_list_shows_toyotas_track_record_beside_the_urban_cruiser_ev(client, demo):
    card = _upcoming_card(client, "Toyota Urban Cruiser EV")
    record = card.select_one(".track-record")
    assert record is not None, "no track record for Toyota on the upcoming list"
    text = record.get_text(" ", strip=True)
    # Its only dated promise (the Urban Cruiser EV in 2026 H1) has passed with no launch.
    assert text.startswith("Toyota's record: ")
    assert text.endswith("; 1 overdue")
    assert "0 of 0" not in text, "a record with nothing resolved must not read '0 of 0'"
