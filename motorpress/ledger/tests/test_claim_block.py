"""A story citing a tracker claim shows the promise and where it stands today, live."""

from datetime import date

from bs4 import BeautifulSoup
from django.utils import timezone

from motorpress.catalogue.tests.factories import MakeFactory, VehicleModelFactory
from motorpress.ledger.services import outcome_record
from motorpress.ledger.tests.factories import dated_claim
from motorpress.newsroom.tests.factories import create_article

STATEMENT = "India launch of the e-Access in the first half of 2024"


def callout(client, article):
    response = client.get(article.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one("aside.claim-callout")


def test_story_citing_a_claim_shows_it_and_its_status_changes_once_the_outcome_is_recorded(
    django_capture_on_commit_callbacks, client, site
):
    suzuki = MakeFactory(name="Suzuki")
    claim = dated_claim(
        "2024 H1",
        make=suzuki,
        vehicle_model=VehicleModelFactory(make=suzuki, name="e-Access"),
        statement=STATEMENT,
        claimed_on=date(2023, 11, 2),
    )
    article = create_article(
        site.sections["news"],
        title="Suzuki's electric scooter is still not here",
        body=[
            {"type": "paragraph", "value": "<p>Suzuki promised a launch.</p>"},
            {"type": "claim", "value": {"claim": claim.pk, "comment": "We keep count."}},
        ],
    )

    box = callout(client, article)
    assert box is not None, "the claim block renders nothing"
    text = box.get_text(" ", strip=True)
    assert f"Suzuki e-Access: {STATEMENT}" in text
    assert "Promised 2024 H1 in Nov 2023." in text
    assert "We keep count." in text
    overdue_days = (timezone.localdate() - date(2024, 6, 30)).days
    assert box.select_one("strong.status").get_text() == f"Overdue by {overdue_days} days"
    assert box.select_one('a[href="/tracker/suzuki/"]') is not None

    # Recorded and committed, as in the admin: cached stories move on after the commit.
    with django_capture_on_commit_callbacks(execute=True):
        outcome_record(
            claim=claim,
            recorded_on=date(2024, 8, 15),
            happened_on=date(2024, 8, 15),
            source={"source_label": "Launch event"},
        )
    assert callout(client, article).select_one("strong.status").get_text() == "Late by 46 days"


def test_a_story_citing_a_deleted_claim_still_renders_without_the_callout(client, site):
    claim = dated_claim("2024 H1", statement=STATEMENT)
    article = create_article(
        site.sections["news"],
        body=[
            {"type": "paragraph", "value": "<p>Before.</p>"},
            {"type": "claim", "value": {"claim": claim.pk, "comment": ""}},
        ],
    )
    claim.delete()
    assert callout(client, article) is None
