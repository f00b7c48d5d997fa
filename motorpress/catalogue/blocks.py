from wagtail.snippets.blocks import SnippetChooserBlock

from motorpress.core.blocks import in_bulk_ordered


class VehicleModelChooserBlock(SnippetChooserBlock):
    """Chooses a vehicle model; a body's choices resolve in one query, make included."""

    def __init__(self, **kwargs):
        super().__init__("catalogue.VehicleModel", **kwargs)

    def bulk_to_python(self, values):
        return in_bulk_ordered(self.model_class.objects.select_related("make"), values)
