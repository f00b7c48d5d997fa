"""A live compare table inside an article: prices and specs come from the catalogue on render."""

from wagtail import blocks

from motorpress.catalogue import onroad
from motorpress.catalogue.blocks import VehicleModelChooserBlock
from motorpress.compare.selectors import MAX_VEHICLES, MIN_VEHICLES, comparison_for


def city_choices() -> list[tuple[str, str]]:
    return [(city.slug, f"{city.name} ({city.state})") for city in onroad.cities()]


class CompareTableBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=150)
    vehicles = blocks.ListBlock(
        VehicleModelChooserBlock(), min_num=MIN_VEHICLES, max_num=MAX_VEHICLES
    )
    city = blocks.ChoiceBlock(
        choices=city_choices,
        required=False,
        help_text="Add on-road totals for this city (ex-showroom only when blank).",
    )

    class Meta:
        icon = "table"
        template = "compare/blocks/compare_table.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        models = [model for model in value["vehicles"] if model is not None]
        distinct = list({model.pk: model for model in models}.values())
        # A city since removed from the catalogue leaves the table ex-showroom only.
        city = onroad.city_by_slug(value.get("city") or "") if value.get("city") else None
        context["comparison"] = (
            comparison_for(distinct, city) if len(distinct) >= MIN_VEHICLES else None
        )
        return context
