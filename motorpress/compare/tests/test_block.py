"""A compare table inside an article is live: it reads prices and specs from the catalogue each
time the article is shown, so a story written last year still shows today's prices."""

import pytest
from django.utils import timezone

from motorpress.catalogue.models import PricePoint, Variant, VehicleModel
from motorpress.compare.tests.conftest import model_named, shown_table, soup
from motorpress.newsroom.tests.factories import create_article

HEADING = "How the two entry sportbikes stack up"


def _comparison_story(site, *vehicles: VehicleModel, heading: str = HEADING):
    return create_article(
        site.sections["comparisons"],
        title="KTM RC 160 vs Yamaha R15: which to buy",
        slug="rc-160-vs-r15",
        kind="comparison",
        body=[
            {"type": "paragraph", "value": "<p>Two sportbikes, one budget.</p>"},
            {
                "type": "compare_table",
                "value": {"heading": heading, "vehicles": [model.pk for model in vehicles]},
            },
        ],
    )


@pytest.fixture
def rc_and_r15(catalogue):
    return model_named("ktm/rc-160"), model_named("yamaha/r15")


def _block(response):
    section = soup(response).select_one(".story__body section.compare-block")
    assert section is not None, "the article shows no compare table"
    return section


def test_article_compare_table_shows_both_vehicles_their_current_prices_and_a_full_link(
    client, site, rc_and_r15
):
    _comparison_story(site, *rc_and_r15)
    response = client.get("/comparisons/rc-160-vs-r15/")
    assert response.status_code == 200
    block = _block(response)
    assert block.select_one("h2").get_text(strip=True) == HEADING
    table = shown_table(block)
    assert table.vehicles == ["KTM RC 160", "Yamaha R15"]
    assert table.row("Ex-showroom price").values == [
        "Rs 1.85 lakh",
        "Rs 1.83 lakh to Rs 1.97 lakh",
    ]
    assert table.row("Power").best == [True, False]
    link = block.find("a", string="Full comparison: KTM RC 160 vs Yamaha R15")
    assert link["href"] == "/compare/ktm-rc-160-vs-yamaha-r15/"


def test_article_compare_table_shows_a_new_price_without_the_article_being_republished(
    client, site, rc_and_r15, django_capture_on_commit_callbacks
):
    _comparison_story(site, *rc_and_r15)
    before = shown_table(_block(client.get("/comparisons/rc-160-vs-r15/")))
    assert before.row("Ex-showroom price").values[0] == "Rs 1.85 lakh"

    # As in production, whatever runs when the new price is committed runs here too (such as
    # moving the content cache generation on, should a cached fragment hold the table).
    with django_capture_on_commit_callbacks(execute=True):
        PricePoint.objects.create(
            variant=Variant.objects.get(vehicle_model__slug="rc-160", slug="standard"),
            amount=192_500,
            effective_date=timezone.localdate(),
            source_label="KTM price list",
        )

    after = shown_table(_block(client.get("/comparisons/rc-160-vs-r15/")))
    assert after.row("Ex-showroom price").values == [
        "Rs 1.93 lakh",
        "Rs 1.83 lakh to Rs 1.97 lakh",
    ]


def test_article_compare_table_lists_vehicles_in_the_canonical_order_whatever_the_editor_chose(
    client, site, rc_and_r15
):
    rc, r15 = rc_and_r15
    _comparison_story(site, r15, rc)
    block = _block(client.get("/comparisons/rc-160-vs-r15/"))
    assert shown_table(block).vehicles == ["KTM RC 160", "Yamaha R15"]


def test_article_compare_table_always_shows_every_row_not_just_differences(
    client, site, rc_and_r15
):
    _comparison_story(site, *rc_and_r15)
    table = shown_table(_block(client.get("/comparisons/rc-160-vs-r15/")))
    assert "Powertrain" in table.labels  # the same for both, still shown
    assert any(row.differs for row in table.rows)


def test_article_still_reads_when_a_compared_vehicle_is_later_deleted(client, site, rc_and_r15):
    rc, r15 = rc_and_r15
    _comparison_story(site, rc, r15)
    r15.delete()
    response = client.get("/comparisons/rc-160-vs-r15/")
    assert response.status_code == 200
    assert "Two sportbikes, one budget." in response.content.decode()
    assert soup(response).select_one("section.compare-block") is None  # one vehicle: no table
