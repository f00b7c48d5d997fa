"""Only published, public stories leave the building: drafts, unpublished changes and stories
in a private section are absent from every list and 404 by id."""

import pytest
from wagtail.models import PageViewRestriction

from motorpress.api.tests.demo import home, section
from motorpress.ledger.tests.factories import ClaimFactory
from motorpress.newsroom.models import ArticlePage, Author, SectionPage
from motorpress.newsroom.tests.factories import create_article

LISTS = ["/articles?limit=100", "/latest", "/articles?section={section}&limit=100"]


@pytest.fixture
def writer(demo):
    return Author.objects.get(slug="meera-kulkarni")


@pytest.fixture
def draft(demo, writer):
    news = section("news")
    return create_article(news, title="Embargoed launch story", authors=[writer], publish=False)


@pytest.fixture
def private_story(demo, writer):
    members = home().add_child(instance=SectionPage(title="Members", slug="members"))
    PageViewRestriction.objects.create(
        page=members, restriction_type=PageViewRestriction.PASSWORD, password="letmein"
    )
    return create_article(members, title="Members-only story", authors=[writer])


def _ids(api, path):
    response = api(path)
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["items"]}


def test_a_draft_is_in_no_list_and_404_by_id(api, draft, writer):
    assert not draft.live
    for path in [*LISTS, f"/articles?author={writer.slug}"]:
        assert draft.pk not in _ids(api, path.format(section="news")), path
    assert draft.pk not in {i["id"] for i in api(f"/authors/{writer.slug}").json()["latest"]}
    response = api(f"/articles/{draft.pk}")
    assert response.status_code == 404
    assert response.json()["detail"] == f"No published story has the id {draft.pk}."


def test_a_story_in_a_private_section_is_in_no_list_and_404_by_id(api, private_story, writer):
    assert private_story.live
    for path in [*LISTS, f"/articles?author={writer.slug}"]:
        assert private_story.pk not in _ids(api, path.format(section="members")), path
    assert private_story.pk not in {
        i["id"] for i in api(f"/authors/{writer.slug}").json()["latest"]
    }
    assert api(f"/articles/{private_story.pk}").status_code == 404
    assert "members" not in {s["slug"] for s in api("/sections").json()["items"]}


def test_unpublished_changes_to_a_live_story_stay_unseen(api, demo):
    story = ArticlePage.objects.in_edition("en-gb").get(slug="suzuki-e-access-launched-price-range")
    published_title = story.title
    story.title = "DRAFT: a headline still being argued over"
    story.teaser = "Not for readers yet."
    story.save_revision()  # saved, not published
    detail = api(f"/articles/{story.pk}").json()
    listed = next(i for i in api("/articles?limit=100").json()["items"] if i["id"] == story.pk)
    for seen in (detail, listed):
        assert seen["title"] == published_title
        assert "Not for readers" not in seen["teaser"]


def test_an_unpublished_story_disappears(api, demo):
    story = ArticlePage.objects.in_edition("en-gb").get(slug="suzuki-e-access-launched-price-range")
    assert story.pk in _ids(api, "/articles?limit=100")
    story.unpublish()
    assert story.pk not in _ids(api, "/articles?limit=100")
    assert api(f"/articles/{story.pk}").status_code == 404


def test_a_claim_sourced_to_a_draft_does_not_link_it(api, draft):
    claim = ClaimFactory(source_label="", source_page=draft, statement="Sourced to a draft")
    row = next(c for c in api("/claims").json()["items"] if c["id"] == claim.pk)
    assert row["source"] == {"label": "", "url": None, "is_demo": False}
    draft.save_revision().publish()
    row = next(c for c in api("/claims").json()["items"] if c["id"] == claim.pk)
    assert row["source"]["url"] == f"http://testserver{draft.url}"
