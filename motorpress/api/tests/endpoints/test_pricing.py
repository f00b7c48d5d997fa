"""The on-road and EMI endpoints answer with the page's figures, and refuse bad input by name."""

import pytest

pytestmark = pytest.mark.django_db


def test_on_road_lists_itemised_lines_with_sources(client, demo):
    response = client.get("/api/v1/models/suzuki/e-access/on-road", {"city": "pune"})
    assert response.status_code == 200
    body = response.json()
    assert body["state"] == "Maharashtra"
    quote = body["quotes"][0]
    assert [line["label"] for line in quote["lines"]][:2] == ["Ex-showroom", "Road tax"]
    assert quote["total"] == sum(line["amount"] for line in quote["lines"])
    assert quote["is_demo"] is True


def test_unknown_city_is_a_404(client, demo):
    response = client.get("/api/v1/models/suzuki/e-access/on-road", {"city": "atlantis"})
    assert response.status_code == 404
    assert "atlantis" in response.json()["detail"]


def test_emi_at_zero_rate_is_the_loan_over_the_months(client):
    response = client.get(
        "/api/v1/emi", {"price": 120000, "down_payment_percent": 0, "rate": 0, "tenure": 12}
    )
    assert response.status_code == 200
    assert response.json()["monthly_instalment"] == 10000


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"price": 100000, "rate": 31, "tenure": 12}, "rate"),
        ({"price": 100000, "rate": 9, "tenure": 120}, "tenure"),
        (
            {"price": 100000, "rate": 9, "tenure": 12, "down_payment_percent": 101},
            "down_payment_percent",
        ),
        ({"price": "lots", "rate": 9, "tenure": 12}, "price"),
    ],
)
def test_bad_emi_input_is_a_422_naming_the_field(client, params, field):
    response = client.get("/api/v1/emi", params)
    assert response.status_code == 422
    assert field in [error["field"] for error in response.json()["errors"]]
