"""A catalogue change alters what pages show (prices in compare blocks, vehicle cards).

Every write moves the content generation on (the page cache and fragments) and, where Varnish
or a CDN is configured, purges the URLs that show the changed vehicles after the commit.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from motorpress.catalogue.models import (
    City,
    Make,
    Offer,
    PricePoint,
    RoadTaxRule,
    SalesFigure,
    StateCharges,
    Variant,
    VehicleModel,
)
from motorpress.catalogue.purging import purge_vehicles
from motorpress.core.cache import (
    bump_catalogue_generation,
    bump_content_generation,
    bump_onroad_rules_generation,
)
from motorpress.core.purging import purging_enabled


def _vehicles_of(instance) -> tuple[set[int], set[int]]:
    """(model ids, make ids) whose pages show this row."""
    if isinstance(instance, Make):
        models = VehicleModel.objects.filter(make_id=instance.pk).values_list("pk", flat=True)
        return set(models), {instance.pk}
    if isinstance(instance, VehicleModel):
        return {instance.pk}, {instance.make_id}
    if isinstance(instance, Variant):
        return {instance.vehicle_model_id}, set()
    if isinstance(instance, PricePoint):
        # Deleted with its variant, the variant is gone: the variant's own signal purged.
        models = Variant.objects.filter(pk=instance.variant_id).values_list("vehicle_model_id")
        return {pk for (pk,) in models}, set()
    if isinstance(instance, SalesFigure):
        return {instance.vehicle_model_id} - {None}, {instance.make_id}
    if isinstance(instance, Offer):
        return set(instance.vehicle_models.values_list("pk", flat=True)), set()
    return set(), set()


# The tables behind every on-road breakdown (motorpress.catalogue.onroad.pricing_tables).
ONROAD_RULE_MODELS = (City, RoadTaxRule, StateCharges)


def _catalogue_changed(sender, instance, **kwargs):
    bump_catalogue_generation()
    if sender in ONROAD_RULE_MODELS:
        bump_onroad_rules_generation()
    bump_content_generation()
    if not purging_enabled():
        return  # the lookups below cost queries on every save, import rows included
    model_ids, make_ids = _vehicles_of(instance)
    purge_vehicles(model_ids=model_ids, make_ids=make_ids)


def _offer_vehicles_changed(sender, instance, action, pk_set, **kwargs):
    if not action.startswith("post_"):
        return
    bump_catalogue_generation()
    bump_content_generation()
    if not purging_enabled():
        return
    if isinstance(instance, Offer):
        model_ids = set(pk_set or ()) | _vehicles_of(instance)[0]
    else:  # changed from the vehicle's side: instance is the model
        model_ids = {instance.pk}
    purge_vehicles(model_ids=model_ids)


# On-road rules and cities change every vehicle page's breakdown: the generation moves on (the
# page cache), and the purge covers the listings; vehicle pages wait for s-maxage.
for _model in (
    Make,
    VehicleModel,
    Variant,
    PricePoint,
    SalesFigure,
    City,
    RoadTaxRule,
    StateCharges,
):
    post_save.connect(_catalogue_changed, sender=_model, dispatch_uid=f"catalogue-save-{_model}")
    post_delete.connect(_catalogue_changed, sender=_model, dispatch_uid=f"catalogue-del-{_model}")
post_save.connect(_catalogue_changed, sender=Offer, dispatch_uid="catalogue-save-offer")
# Before the delete: afterwards the offer's vehicle links are gone.
pre_delete.connect(_catalogue_changed, sender=Offer, dispatch_uid="catalogue-del-offer")
m2m_changed.connect(_offer_vehicles_changed, sender=Offer.vehicle_models.through)
