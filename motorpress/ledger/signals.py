"""A recorded claim or outcome changes what stories citing it show: move the generation on, and
purge the tracker and the vehicle's pages from Varnish or the CDN after the commit."""

from django.db.models.signals import post_delete, post_save

from motorpress.catalogue.purging import purge_vehicles
from motorpress.core.cache import bump_content_generation
from motorpress.core.purging import purging_enabled
from motorpress.ledger.models import Claim, Outcome


def _ledger_changed(sender, instance, **kwargs):
    bump_content_generation()
    if not purging_enabled():
        return
    claims = Claim.objects.filter(pk=instance.claim_id) if isinstance(instance, Outcome) else None
    claim = instance if claims is None else claims.first()
    if claim is None:  # deleted with its claim: the claim's own signal purged
        return
    purge_vehicles(model_ids={claim.vehicle_model_id} - {None}, make_ids={claim.make_id})


for _model in (Claim, Outcome):
    post_save.connect(_ledger_changed, sender=_model, dispatch_uid=f"ledger-save-{_model}")
    post_delete.connect(_ledger_changed, sender=_model, dispatch_uid=f"ledger-del-{_model}")
