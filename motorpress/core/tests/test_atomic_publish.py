"""An error inside publishing leaves the live page, its revision, the search index and the
content generation exactly as they were.

These tests run outside a test transaction (`transaction=True`), as a real request or
scheduler run does, so anything written before the error would really be committed.
"""

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import timezone
from wagtail.signals import page_published

from motorpress.core.cache import content_generation
from motorpress.core.publishing import revision_publish_if_due
from motorpress.newsroom.models import ArticlePage
from motorpress.newsroom.services import site_structure_ensure
from motorpress.newsroom.tests.factories import create_article
from motorpress.newsroom.tests.test_editor import _article_form

OLD_TITLE = "Carmaker confirms hatchback launch"
NEW_TITLE = "Carmaker confirms kumquat hatchback launch"


class PublishingBroke(Exception):
    pass


def _fail(sender, **kwargs):
    raise PublishingBroke("a receiver failed half-way through publishing")


@pytest.fixture
def failing_publish():
    """A page_published receiver that raises, connected only for this test."""
    page_published.connect(_fail, dispatch_uid="test-atomic-publish")
    yield
    page_published.disconnect(dispatch_uid="test-atomic-publish")


@pytest.fixture
def live_article(transactional_db):
    site = site_structure_ensure()
    article = create_article(site.sections["news"], title=OLD_TITLE, slug="hatchback-launch")
    content_generation()  # the generation exists before anything fails
    return ArticlePage.objects.get(pk=article.pk)


def _search(words):
    return [page.pk for page in ArticlePage.objects.live().search(words)]


def _snapshot(client, article):
    article = ArticlePage.objects.get(pk=article.pk)
    response = client.get(article.url)
    assert response.status_code == 200
    return {
        "html_has_old_title": OLD_TITLE.encode() in response.content,
        "html_has_new_title": NEW_TITLE.encode() in response.content,
        "title": article.title,
        "live_revision": article.live_revision_id,
        "found_new_word": _search("kumquat"),
        "found_old_word": _search("hatchback"),
        "generation": content_generation(),
    }


def _expected_unchanged(before):
    assert before["html_has_old_title"]
    assert not before["html_has_new_title"]
    assert before["found_old_word"]
    assert before["found_new_word"] == []


def test_an_error_while_publishing_an_edit_leaves_the_live_site_alone(
    live_article, failing_publish, client
):
    before = _snapshot(client, live_article)
    _expected_unchanged(before)
    live_article.title = NEW_TITLE
    revision = live_article.save_revision()

    with pytest.raises(PublishingBroke):
        revision.publish()

    assert _snapshot(client, live_article) == before


def test_an_error_during_scheduled_publishing_leaves_the_live_site_alone(
    live_article, failing_publish, client
):
    before = _snapshot(client, live_article)
    _expected_unchanged(before)
    live_article.title = NEW_TITLE
    live_article.go_live_at = timezone.now() + timedelta(minutes=5)
    revision = live_article.save_revision()
    revision.publish()  # with go_live_at ahead Wagtail only schedules it: no signal yet
    assert _snapshot(client, live_article) == before

    with time_machine.travel(timezone.now() + timedelta(minutes=6)):
        with pytest.raises(PublishingBroke):
            revision_publish_if_due(revision_id=revision.pk)
        assert _snapshot(client, live_article) == before

    revision.refresh_from_db()
    assert revision.approved_go_live_at is not None, "the next scheduler run should retry it"


def test_an_error_behind_the_admins_publish_button_leaves_the_live_site_alone(
    live_article, failing_publish, client, django_user_model
):
    before = _snapshot(client, live_article)
    _expected_unchanged(before)
    editor = django_user_model.objects.create_superuser("chief", "chief@example.com", "pw")
    editor_client = Client(raise_request_exception=False)
    editor_client.force_login(editor)
    form = _article_form(live_article.authors, title=NEW_TITLE, slug="hatchback-launch")
    response = editor_client.post(f"/admin/pages/{live_article.pk}/edit/", form)
    assert response.status_code == 500
    assert _snapshot(client, live_article) == before
