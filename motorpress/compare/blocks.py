"""A live compare table inside an article: prices and specs come from the catalogue on render."""

from wagtail import blocks

from motorpress.catalogue.blocks import VehicleModelChooserBlock
from motorpress.compare.selectors import MAX_VEHICLES, MIN_VEHICLES, comparison_for


class CompareTableBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=150)
    vehicles = blocks.ListBlock(
        VehicleModelChooserBlock(), min_num=MIN_VEHICLES, max_num=MAX_VEHICLES
    )

    class Meta:
        icon = "table"
        template = "compare/blocks/compare_table.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        models = [model for model in value["vehicles"] if model is not None]
        distinct = list({model.pk: model for model in models}.values())
        context["comparison"] = comparison_for(distinct) if len(distinct) >= MIN_VEHICLES else None
        return context
