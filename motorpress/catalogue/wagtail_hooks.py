"""The catalogue in Wagtail's admin: one menu group, each list searchable and filterable."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from motorpress.catalogue.models import Make, Offer, PricePoint, SalesFigure, Variant, VehicleModel


class MakeViewSet(SnippetViewSet):
    model = Make
    icon = "tag"
    list_display = ["name", "slug", "country"]
    search_fields = ["name", "aliases"]


class VehicleModelViewSet(SnippetViewSet):
    model = VehicleModel
    icon = "pick"
    menu_label = "Models"
    list_display = ["__str__", "segment", "status", "launched_on"]
    list_filter = ["make", "segment", "status"]
    search_fields = ["name", "aliases"]


class VariantViewSet(SnippetViewSet):
    model = Variant
    icon = "cogs"
    list_display = ["__str__", "powertrain", "claimed_range_km", "is_demo"]
    list_filter = ["powertrain", "vehicle_model__segment", "is_demo"]
    search_fields = ["name"]


class PricePointViewSet(SnippetViewSet):
    model = PricePoint
    icon = "form"
    menu_label = "Prices"
    list_display = ["variant", "amount", "kind", "city", "effective_date", "is_demo"]
    list_filter = ["kind", "is_demo"]


class OfferViewSet(SnippetViewSet):
    model = Offer
    icon = "pick"
    list_display = ["title", "up_to_amount", "valid_from", "valid_until"]
    list_filter = ["is_demo"]
    search_fields = ["title"]


class SalesFigureViewSet(SnippetViewSet):
    model = SalesFigure
    icon = "table"
    menu_label = "Sales"
    list_display = ["__str__", "period", "market", "units"]
    list_filter = ["period", "market", "make"]


class CatalogueGroup(SnippetViewSetGroup):
    menu_label = "Catalogue"
    menu_icon = "list-ul"
    menu_order = 210
    items = (
        MakeViewSet,
        VehicleModelViewSet,
        VariantViewSet,
        PricePointViewSet,
        OfferViewSet,
        SalesFigureViewSet,
    )


register_snippet(CatalogueGroup)
