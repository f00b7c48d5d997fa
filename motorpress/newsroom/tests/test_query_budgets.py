"""Query budgets per page type that hold however many stories a page lists.

Each page is rendered once to warm what a real site has warm (image renditions exist, the
site-root cache is filled), then the fragment cache is cleared so the rail and strips are
rebuilt from the database under the budget.
"""

import pytest

from motorpress.newsroom.tests.factories import AuthorFactory, ImageFactory, create_article

HOME_BUDGET = 12
ARTICLE_BUDGET = 11  # one of them for its translations (hreflang links and the switcher)
LISTING_BUDGET = 10


def _fill(site, count):
    writers = [AuthorFactory(), AuthorFactory()]
    image = ImageFactory()
    for n in range(count):
        section = site.sections["reviews" if n % 3 == 0 else "news"]
        create_article(
            section,
            kind="review" if n % 3 == 0 else "news",
            authors=writers if n % 2 else writers[:1],
            hero_image=image,
            tags=("ev", f"tag-{n}"),
        )


PAGES = [
    ("/", HOME_BUDGET),
    ("/news/{article}/", ARTICLE_BUDGET),
    ("/news/", LISTING_BUDGET),
    ("/reviews/", LISTING_BUDGET),
    ("/latest/", LISTING_BUDGET),
    ("/authors/{author}/", LISTING_BUDGET),
]


@pytest.mark.parametrize(("url", "budget"), PAGES)
def test_page_stays_within_its_query_budget_as_stories_grow(
    client, site, url, budget, queries_after_publish
):
    _fill(site, 6)
    article = create_article(site.sections["news"], hero_image=ImageFactory())
    author = article.authors[0]
    target = url.format(article=article.slug, author=author.slug)
    few, _ = queries_after_publish(client, target)
    _fill(site, 30)
    many, _ = queries_after_publish(client, target)
    listing = "\n".join(query["sql"][:200] for query in many)
    assert len(many) <= budget, f"{target}: {len(many)} queries:\n{listing}"
    assert len(many) == len(few), (
        f"{target}: {len(few)} queries with 7 stories, {len(many)} with 37"
    )


STANDING_PAGE_BUDGET = 8


def test_a_standing_page_with_children_stays_within_its_budget(client, site, queries_after_publish):
    from motorpress.newsroom.services import standing_page_create

    body = [{"type": "paragraph", "value": "<p>Who we are and how we test.</p>"}]
    about = standing_page_create(parent=site.home, title="About us", slug="about", body=body)
    standing_page_create(parent=about, title="Our team", slug="team", body=body)
    few, _ = queries_after_publish(client, "/about/")
    for n in range(10):
        standing_page_create(parent=about, title=f"Policy {n}", slug=f"policy-{n}", body=body)
    many, response = queries_after_publish(client, "/about/")
    assert response.content.decode().count('href="/about/policy-') == 10
    listing = "\n".join(query["sql"][:200] for query in many)
    assert len(many) <= STANDING_PAGE_BUDGET, f"{len(many)} queries:\n{listing}"
    assert len(many) == len(few)
