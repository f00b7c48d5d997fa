"""The tracker and a make's page make the same few queries with 3 claims as with 40.

As in the newsroom's budgets, each page is rendered once to warm what a real site has warm
(Wagtail's site-root cache), the content generation is bumped as after a publish, and the next
render is counted.
"""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from motorpress.catalogue.tests.factories import MakeFactory, VehicleModelFactory
from motorpress.core.cache import bump_content_generation
from motorpress.ledger.models import Metric
from motorpress.ledger.tests.factories import OutcomeFactory, dated_claim, figure_claim
from motorpress.newsroom.tests.factories import create_article

BUDGET = 10
PERIODS = ["2024 H1", "June 2025", "2023 Q3", "2025", "2030 H2"]


def _fill(site, makes, count, *, offset=0):
    """`count` claims spread over the makes: dated and figures, half with outcomes, models
    and source stories, as the tracker shows them."""
    source = create_article(site.sections["news"])
    for n in range(offset, offset + count):
        make = makes[n % len(makes)]
        extra = {
            "make": make,
            "statement": f"Promise {n}",
            "claimed_on": date(2022, 1, 1) + timedelta(days=n),
        }
        if n % 2:
            extra["vehicle_model"] = VehicleModelFactory(make=make)
            extra["source_page"] = source
        if n % 3 == 2:
            claim = figure_claim(150 + n, **extra)
            if n % 2:
                OutcomeFactory(claim=claim, number=Decimal(100 + n), source_page=source)
        else:
            claim = dated_claim(PERIODS[n % len(PERIODS)], metric=Metric.LAUNCH, **extra)
            if n % 2:
                OutcomeFactory(claim=claim, happened_on=date(2024, 9, 1) + timedelta(days=n))


def _queries(client, url, django_capture_on_commit_callbacks):
    def publish_happened():  # as after a publish: cached fragments are rebuilt
        with django_capture_on_commit_callbacks(execute=True):
            bump_content_generation()

    publish_happened()
    client.get(url)  # warm Wagtail's site-root cache
    publish_happened()
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return context.captured_queries


@pytest.mark.parametrize("url", ["/tracker/", "/tracker/?status=late", "/tracker/suzuki/"])
def test_tracker_page_stays_within_its_query_budget_as_claims_grow(
    client, site, url, django_capture_on_commit_callbacks
):
    makes = [MakeFactory(name=name) for name in ("Suzuki", "TVS", "Xiaomi", "Ola Electric")]
    _fill(site, makes[:1] + makes[1:3], 3)
    few = _queries(client, url, django_capture_on_commit_callbacks)
    _fill(site, makes, 37, offset=3)
    many = _queries(client, url, django_capture_on_commit_callbacks)
    shown = client.get(url).content.decode().count("Promise ")
    assert shown >= 10, f"{url} shows only {shown} claims: the budget would prove nothing"
    listing = "\n".join(query["sql"][:200] for query in many)
    assert len(many) <= BUDGET, f"{url}: {len(many)} queries:\n{listing}"
    assert len(many) == len(few), f"{url}: {len(few)} queries with 3 claims, {len(many)} with 40"
