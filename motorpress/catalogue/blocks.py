from wagtail.snippets.blocks import SnippetChooserBlock


class VehicleModelChooserBlock(SnippetChooserBlock):
    """Chooses a vehicle model; a body's choices resolve in one query, make included."""

    def __init__(self, **kwargs):
        super().__init__("catalogue.VehicleModel", **kwargs)

    def bulk_to_python(self, values):
        ids = [value for value in values if value is not None]
        found = self.model_class.objects.select_related("make").in_bulk(ids)
        return [found.get(value) for value in values]
