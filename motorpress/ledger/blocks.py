"""A StreamField block that cites a ledger entry inside a story, with its live status."""

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from motorpress.core.blocks import in_bulk_ordered


class ClaimChooserBlock(SnippetChooserBlock):
    def __init__(self, **kwargs):
        super().__init__("ledger.Claim", **kwargs)

    def bulk_to_python(self, values):
        from motorpress.ledger.selectors import claims_queryset

        return in_bulk_ordered(claims_queryset(), values)


class ClaimBlock(blocks.StructBlock):
    claim = ClaimChooserBlock()
    comment = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "doc-full"
        template = "ledger/blocks/claim.html"

    def get_context(self, value, parent_context=None):
        from motorpress.ledger.selectors import claim_row

        context = super().get_context(value, parent_context=parent_context)
        context["row"] = claim_row(value["claim"]) if value["claim"] else None
        return context
