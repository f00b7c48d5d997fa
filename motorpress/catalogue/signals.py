"""A catalogue change alters what pages show (prices in compare blocks, vehicle cards)."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from motorpress.catalogue.models import Make, Offer, PricePoint, SalesFigure, Variant, VehicleModel
from motorpress.core.cache import bump_content_generation


def _catalogue_changed(sender, **kwargs):
    bump_content_generation()


for _model in (Make, VehicleModel, Variant, PricePoint, Offer, SalesFigure):
    post_save.connect(_catalogue_changed, sender=_model, dispatch_uid=f"catalogue-save-{_model}")
    post_delete.connect(_catalogue_changed, sender=_model, dispatch_uid=f"catalogue-del-{_model}")
m2m_changed.connect(_catalogue_changed, sender=Offer.vehicle_models.through)
