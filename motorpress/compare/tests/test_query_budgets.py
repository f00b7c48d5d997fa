"""Query budgets for comparisons that hold however many variants and prices a model has.

As in the newsroom budgets, each page is rendered once to warm what a real site has warm, then
the content generation is moved on (as after a publish) so no cached fragment hides a query.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from motorpress.compare.tests.conftest import (
    model_named,
    shown_table,
    soup,
    vehicle_with_variants,
)
from motorpress.newsroom.tests.factories import AuthorFactory, create_article

COMPARE_BUDGET = 10
BLOCK_COST = 2  # queries a compare table adds to an article page


def _listing(queries) -> str:
    return "\n".join(query["sql"][:200] for query in queries)


def _four(prefix: str, *, variants: int, prices_each: int) -> str:
    names = [f"{prefix}{n}" for n in range(4)]
    for name in names:
        vehicle_with_variants("budget", name, variants=variants, prices_each=prices_each)
    return "/compare/" + "-vs-".join(f"budget-{name}" for name in names) + "/"


def test_comparing_four_vehicles_costs_the_same_few_queries_however_many_variants_they_have(
    client, db, queries_after_publish
):
    simple = _four("simple", variants=1, prices_each=1)
    rich = _four("rich", variants=8, prices_each=3)
    few, _ = queries_after_publish(client, simple)
    many, response = queries_after_publish(client, rich)
    assert len(shown_table(response).vehicles) == 4
    # The cheapest variant's newest price: Trim 0, third price (2026) = Rs 1,01,000.
    assert shown_table(response).row("Ex-showroom price").values[0] == (
        "Rs 1.01 lakh to Rs 1.08 lakh"
    )
    assert len(many) <= COMPARE_BUDGET, f"{rich}: {len(many)} queries:\n{_listing(many)}"
    assert len(many) == len(few), (
        f"{len(few)} queries with 1 variant per model, {len(many)} with 8 variants of 3 prices"
    )


def test_comparing_four_demo_vehicles_stays_within_the_budget(
    client, catalogue, queries_after_publish
):
    url = (
        "/compare/ktm-rc-160-vs-maruti-suzuki-e-vitara"
        "-vs-toyota-urban-cruiser-hyryder-vs-yamaha-r15/"
    )
    queries, _ = queries_after_publish(client, url)
    assert len(queries) <= COMPARE_BUDGET, f"{len(queries)} queries:\n{_listing(queries)}"


@pytest.mark.parametrize("path", ["/compare/", "/compare/?v=ktm-rc-160&v=honda-activa"])
def test_picker_page_stays_within_the_budget(client, catalogue, path):
    with CaptureQueriesContext(connection) as context:
        client.get(path)
    assert len(context.captured_queries) <= COMPARE_BUDGET, _listing(context.captured_queries)


def _fill(site, count):
    """Other stories, sharing a tag with the comparisons so they have related stories and a
    full latest rail."""
    writers = [AuthorFactory(), AuthorFactory()]
    for n in range(count):
        create_article(
            site.sections["news" if n % 2 else "comparisons"],
            authors=writers if n % 2 else writers[:1],
            tags=("sportbikes", f"tag-{n}"),
        )


def _story(site, vehicles=()):
    body = [{"type": "paragraph", "value": "<p>Which one to buy?</p>"}]
    if vehicles:
        value = {"heading": "Side by side", "vehicles": [vehicle.pk for vehicle in vehicles]}
        body.append({"type": "compare_table", "value": value})
    return create_article(
        site.sections["comparisons"], kind="comparison", tags=("sportbikes",), body=body
    )


def test_a_compare_table_adds_two_queries_to_an_article_however_much_it_shows(
    client, site, catalogue, queries_after_publish
):
    """Its vehicles (resolved in bulk) and their variants with current prices: never a query
    per vehicle, variant or price."""
    _fill(site, 6)
    plain = _story(site)
    two = _story(site, [model_named("ktm/rc-160"), model_named("yamaha/r15")])
    rich = [
        vehicle_with_variants("budget", f"rich{n}", variants=8, prices_each=3) for n in range(4)
    ]
    four = _story(site, rich)

    def count(article):
        url = f"/comparisons/{article.slug}/"
        queries, response = queries_after_publish(client, url)
        return queries, soup(response).select_one("section.compare-block")

    without, _ = count(plain)
    with_two, block_two = count(two)
    with_four, block_four = count(four)
    table_two, table_four = shown_table(block_two), shown_table(block_four)
    assert table_two.vehicles == ["KTM RC 160", "Yamaha R15"]
    assert len(table_four.vehicles) == 4
    assert len(with_two) - len(without) <= BLOCK_COST, _listing(with_two)
    assert len(with_four) == len(with_two), (
        f"{len(with_two)} queries for 2 vehicles of 1-2 variants, "
        f"{len(with_four)} for 4 of 8 variants with 3 prices each"
    )
