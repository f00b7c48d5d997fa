"""Editors see claims falling due on the dashboard and find claims in the ledger snippets."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from motorpress.catalogue.tests.factories import MakeFactory
from motorpress.core.periods import Period
from motorpress.ledger.tests.factories import ClaimFactory, OutcomeFactory, dated_claim


@pytest.fixture
def editor(client, site, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.com", "pw")
    client.force_login(user)
    return client


def due_on(day, statement, **kwargs):
    period = Period(day, "day")
    return ClaimFactory(
        period_start=period.start, period_precision=period.precision, statement=statement, **kwargs
    )


def test_dashboard_lists_overdue_claims_and_those_due_within_30_days_but_not_later(editor):
    today = timezone.localdate()
    make = MakeFactory(name="Suzuki")
    overdue = dated_claim("2024 H1", make=make, statement="Scooter launch in 2024 H1")
    soon = due_on(today + timedelta(days=10), "Deliveries start in ten days", make=make)
    due_on(today + timedelta(days=90), "Price cut in three months", make=make)
    resolved = dated_claim("2023 Q1", make=make, statement="Factory opening in 2023 Q1")
    OutcomeFactory(claim=resolved, happened_on=resolved.due)

    response = editor.get("/admin/")
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    panel = page.select_one('section[aria-labelledby="claims-due-heading"]')
    assert panel is not None, "no 'Claims falling due' panel on the dashboard"
    assert panel.h2.get_text(strip=True) == "Claims falling due"
    overdue_list, soon_list = panel.select("ul")
    overdue_days = (today - overdue.due).days
    assert [li.get_text(" ", strip=True) for li in overdue_list.select("li")] == [
        f"Suzuki: Scooter launch in 2024 H1 : due 30 Jun 2024, overdue by {overdue_days} days"
    ]
    assert overdue_list.a["href"] == f"/admin/snippets/ledger/claim/edit/{overdue.pk}/"
    assert [li.a.get_text(strip=True) for li in soon_list.select("li")] == [str(soon)]
    text = panel.get_text(" ", strip=True)
    assert "Price cut in three months" not in text
    assert "Factory opening" not in text  # resolved: nothing to chase


def test_claims_ledger_snippet_list_shows_every_claim(editor):
    make = MakeFactory(name="Suzuki")
    dated_claim("2024 H1", make=make, statement="Launch of the electric scooter")
    dated_claim("2025 Q2", make=make, statement="Production start at the Gujarat plant")

    listing = editor.get("/admin/snippets/ledger/claim/")
    assert listing.status_code == 200
    text = BeautifulSoup(listing.content, "html.parser").get_text(" ", strip=True)
    assert "Suzuki: Launch of the electric scooter" in text
    assert "Suzuki: Production start at the Gujarat plant" in text


def test_claims_ledger_search_finds_a_claim_by_a_word_of_its_statement(db, editor):
    make = MakeFactory(name="Suzuki")
    dated_claim("2024 H1", make=make, statement="Launch of the electric scooter")
    dated_claim("2025 Q2", make=make, statement="Production start at the Gujarat plant")

    found = editor.get("/admin/snippets/ledger/claim/", {"q": "Gujarat"})
    assert found.status_code == 200
    text = BeautifulSoup(found.content, "html.parser").get_text(" ", strip=True)
    assert "Production start at the Gujarat plant" in text
    assert "Launch of the electric scooter" not in text


def test_an_editor_can_open_a_claim_with_its_outcome_inline(editor):
    claim = dated_claim("2024 H1", statement="Launch of the electric scooter")
    OutcomeFactory(claim=claim, happened_on=claim.due, note="Launched on the last day")
    response = editor.get(f"/admin/snippets/ledger/claim/edit/{claim.pk}/")
    assert response.status_code == 200
    assert b"Launched on the last day" in response.content
