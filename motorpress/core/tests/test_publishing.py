"""Scheduled publishing: go-live and expiry are honoured, and overlapping runs publish once."""

import threading
from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageLogEntry

from motorpress.core.publishing import (
    due_revision_ids,
    revision_publish_if_due,
    scheduled_run,
)
from motorpress.newsroom.models import ArticlePage
from motorpress.newsroom.services import site_structure_ensure
from motorpress.newsroom.tests.factories import create_article


@pytest.fixture
def scheduled_article(db):
    """A draft whose editor chose 'publish' with a go-live time in the near future."""
    site = site_structure_ensure()
    article = create_article(site.sections["news"], title="Embargoed launch", publish=False)
    article.go_live_at = timezone.now() + timedelta(minutes=5)
    article.save_revision().publish()  # with go_live_at ahead, Wagtail schedules it instead
    article.refresh_from_db()
    assert not article.live
    return article


def _publish_log_count(article):
    return PageLogEntry.objects.filter(page=article, action="wagtail.publish.scheduled").count()


def test_nothing_is_published_before_its_go_live_time(scheduled_article):
    result = scheduled_run()
    assert result.published == 0
    scheduled_article.refresh_from_db()
    assert not scheduled_article.live


def test_a_due_article_goes_live_once(scheduled_article):
    with time_machine.travel(timezone.now() + timedelta(minutes=6)):
        assert scheduled_run().published == 1
        scheduled_article.refresh_from_db()
        assert scheduled_article.live
        assert scheduled_run().published == 0
    assert _publish_log_count(scheduled_article) == 1


def test_overlapping_runs_publish_exactly_once(scheduled_article):
    """Two runs that both listed the revision as due before either acted on it."""
    with time_machine.travel(timezone.now() + timedelta(minutes=6)):
        first_run_sees = due_revision_ids()
        second_run_sees = due_revision_ids()
        assert first_run_sees == second_run_sees != []
        published = [revision_publish_if_due(revision_id=pk) for pk in first_run_sees]
        published += [revision_publish_if_due(revision_id=pk) for pk in second_run_sees]
    assert published == [True, False]
    assert _publish_log_count(scheduled_article) == 1
    assert ArticlePage.objects.get(pk=scheduled_article.pk).live


def test_an_expired_article_is_taken_offline(db):
    site = site_structure_ensure()
    article = create_article(site.sections["news"], title="Offer valid this week")
    article.expire_at = timezone.now() + timedelta(hours=1)
    article.save_revision().publish()
    assert scheduled_run().unpublished == 0
    with time_machine.travel(timezone.now() + timedelta(hours=2)):
        assert scheduled_run().unpublished == 1
    article.refresh_from_db()
    assert not article.live
    assert article.expired


def test_the_management_command_replaces_wagtails(scheduled_article, capsys):
    call_command("publish_scheduled")
    assert "Published 0" in capsys.readouterr().out


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_scheduler_runs_publish_exactly_once():
    """Real concurrency: two threads, two connections, started together (PostgreSQL)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("an in-memory SQLite test database cannot be shared by threads")
    site = site_structure_ensure()
    article = create_article(site.sections["news"], title="Race", publish=False)
    article.go_live_at = timezone.now() + timedelta(minutes=5)
    article.save_revision().publish()
    barrier = threading.Barrier(2)
    results = []

    def run():
        from django.db import connections

        barrier.wait()
        try:
            results.append(scheduled_run().published)
        finally:
            connections.close_all()

    with time_machine.travel(timezone.now() + timedelta(minutes=6)):
        threads = [threading.Thread(target=run) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    assert sorted(results) == [0, 1]
    assert _publish_log_count(article) == 1
