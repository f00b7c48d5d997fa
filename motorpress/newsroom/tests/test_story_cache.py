"""The per-generation story cache: warm stories need no SQL, previews never see it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from motorpress.newsroom.tests.factories import create_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(site):
    return create_article(
        site.sections["news"],
        title="Honda Activa e deliveries begin",
        body=[{"type": "paragraph", "value": "<p>Deliveries begin in Bengaluru first.</p>"}],
    )


def test_a_warm_story_is_served_without_sql(client, story):
    client.get(story.url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(story.url)
    assert response.status_code == 200
    assert b"Deliveries begin in Bengaluru first." in response.content
    assert len(queries) == 0, [q["sql"] for q in queries]


def test_a_preview_shows_the_draft_not_the_cached_live_story(admin_client, client, story):
    client.get(story.url)  # the live story is now cached
    story.body = story.body.stream_block.to_python(
        [{"type": "paragraph", "value": "<p>Draft: deliveries move to Pune.</p>"}]
    )
    story.title = "Honda Activa e deliveries move"
    story.save_revision()
    preview = admin_client.get(f"/admin/pages/{story.pk}/view_draft/")
    assert b"Draft: deliveries move to Pune." in preview.content
    assert b"Honda Activa e deliveries move" in preview.content
    live = client.get(story.url)
    assert b"Deliveries begin in Bengaluru first." in live.content
    assert b"Draft: deliveries move to Pune." not in live.content


def test_publishing_replaces_the_cached_story_at_once(
    client, story, django_capture_on_commit_callbacks
):
    client.get(story.url)
    story.body = story.body.stream_block.to_python(
        [{"type": "paragraph", "value": "<p>Updated: Pune deliveries start next week.</p>"}]
    )
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()
    assert b"Updated: Pune deliveries start next week." in client.get(story.url).content


def test_a_view_restriction_added_later_applies_once_committed(
    client, story, django_capture_on_commit_callbacks
):
    from wagtail.models import PageViewRestriction

    client.get(story.url)
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=story, restriction_type="login")
    response = client.get(story.url)
    assert response.status_code == 302
    assert "/login" in response["Location"] or "login" in response["Location"]
