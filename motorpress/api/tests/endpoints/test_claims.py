"""The claims ledger through the API: promises with the status derived from what happened."""

import pytest

from motorpress.ledger.models import Claim


def test_the_late_e_access_launch_is_listed_as_late(api):
    items = api("/claims?status=late").json()["items"]
    launch = next(c for c in items if c["vehicle"] and c["vehicle"]["slug"] == "e-access")
    assert launch["metric"] == "launch"
    assert launch["make"]["slug"] == "suzuki"
    assert launch["period"]["label"] == "June 2025"
    assert launch["due"] == "2025-06-30"
    assert launch["status"]["code"] == "late"
    assert launch["status"]["days"] > 0
    assert launch["status"]["label"] == f"Late by {launch['status']['days']} days"
    assert launch["status"]["resolved"] is True
    assert launch["outcome"]["happened"] is True
    assert all(c["status"]["code"] == "late" for c in items)


def test_a_figure_claim_carries_its_number_and_percent_gap(api):
    items = api("/claims?metric=range&status=worse").json()["items"]
    orbiter = next(c for c in items if c["make"]["slug"] == "tvs")
    assert orbiter["number"] > orbiter["outcome"]["number"]
    assert orbiter["status"]["percent"] == pytest.approx(
        (orbiter["number"] - orbiter["outcome"]["number"]) / orbiter["number"] * 100, abs=0.05
    )
    assert orbiter["status"]["label"] == f"Worse by {orbiter['status']['percent']}%"


@pytest.mark.parametrize(
    ("query", "lookups"),
    [("make=suzuki", {"make__slug": "suzuki"}), ("metric=launch", {"metric": "launch"})],
)
def test_claim_filters_list_exactly_the_matching_claims(api, query, lookups):
    expected = list(
        Claim.objects.filter(**lookups).order_by("-claimed_on", "-pk").values_list("pk", flat=True)
    )
    assert 0 < len(expected) < Claim.objects.count()
    assert [c["id"] for c in api(f"/claims?{query}").json()["items"]] == expected


def test_every_claim_is_listed_newest_claim_first(api):
    items = api("/claims").json()["items"]
    assert [c["id"] for c in items] == list(
        Claim.objects.order_by("-claimed_on", "-pk").values_list("pk", flat=True)
    )
    assert {c["status"]["code"] for c in items} >= {"late", "pending", "worse", "kept"}


@pytest.mark.parametrize("query", ["status=eventually", "metric=vibes", "make=a%20b"])
def test_a_bad_claim_filter_is_a_422(api, query):
    response = api(f"/claims?{query}")
    assert response.status_code == 422
    assert f"'{query.split('=')[0]}'" in response.json()["detail"]


def test_an_unknown_make_has_no_claims(api):
    assert api("/claims?make=nomake").json() == {"items": []}
