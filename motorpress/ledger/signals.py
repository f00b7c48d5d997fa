"""A recorded claim or outcome changes what stories citing it show: move the generation on."""

from django.db.models.signals import post_delete, post_save

from motorpress.core.cache import bump_content_generation
from motorpress.ledger.models import Claim, Outcome


def _ledger_changed(sender, **kwargs):
    bump_content_generation()


for _model in (Claim, Outcome):
    post_save.connect(_ledger_changed, sender=_model, dispatch_uid=f"ledger-save-{_model}")
    post_delete.connect(_ledger_changed, sender=_model, dispatch_uid=f"ledger-del-{_model}")
