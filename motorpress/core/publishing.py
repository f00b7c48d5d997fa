"""Scheduled publishing that happens exactly once, however many runs overlap.

Wagtail's own `publish_scheduled` reads the due revisions and publishes each one without a
lock, so two overlapping runs (a cron job that outlasts its minute, the demo loop next to a
manual run) can both publish the same revision. Here every item is re-read inside its own
transaction under a row lock (PostgreSQL) or the database write lock (SQLite in IMMEDIATE
mode) and is only acted on if it is still due.
"""

import logging
from dataclasses import dataclass

from django.apps import apps
from django.db import transaction
from django.utils import timezone
from wagtail.models import DraftStateMixin, Page, Revision

logger = logging.getLogger(__name__)


@dataclass
class ScheduledRunResult:
    published: int = 0
    unpublished: int = 0


def _draft_state_models():
    return [Page] + [
        model
        for model in apps.get_models()
        if issubclass(model, DraftStateMixin) and not issubclass(model, Page)
    ]


def due_revision_ids() -> list[int]:
    """Revisions whose approved go-live time has passed, oldest first."""
    now = timezone.now()
    return list(
        Revision.objects.filter(approved_go_live_at__lte=now)
        .order_by("approved_go_live_at", "pk")
        .values_list("pk", flat=True)
    )


def expired_object_keys() -> list[tuple[type, int]]:
    """Live pages and snippets whose expiry time has passed."""
    now = timezone.now()
    keys = []
    for model in _draft_state_models():
        ids = model.objects.filter(live=True, expire_at__lte=now).values_list("pk", flat=True)
        keys.extend((model, pk) for pk in ids)
    return keys


def revision_publish_if_due(*, revision_id: int) -> bool:
    """Publish one scheduled revision unless another run already did. True if published."""
    now = timezone.now()
    with transaction.atomic():
        revision = (
            Revision.objects.select_for_update()
            .filter(pk=revision_id, approved_go_live_at__lte=now)
            .first()
        )
        if revision is None:
            return False
        # Revision.publish clears approved_go_live_at, so a later run finds nothing to do.
        revision.publish(log_action="wagtail.publish.scheduled")
        return True


def object_unpublish_if_expired(*, model, pk: int) -> bool:
    """Take one expired page or snippet offline unless another run already did."""
    now = timezone.now()
    with transaction.atomic():
        obj = model.objects.select_for_update().filter(pk=pk, live=True, expire_at__lte=now).first()
        if obj is None:
            return False
        if isinstance(obj, Page):
            obj = obj.specific
        obj.unpublish(set_expired=True, log_action="wagtail.unpublish.scheduled")
        return True


def scheduled_run() -> ScheduledRunResult:
    """One pass of the scheduler: unpublish what expired, publish what fell due."""
    result = ScheduledRunResult()
    for model, pk in expired_object_keys():
        result.unpublished += object_unpublish_if_expired(model=model, pk=pk)
    for revision_id in due_revision_ids():
        result.published += revision_publish_if_due(revision_id=revision_id)
    if result.published or result.unpublished:
        logger.info("scheduled publishing: %s", result)
    return result
