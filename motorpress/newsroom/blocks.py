"""StreamField blocks for article bodies."""

from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock

from motorpress.compare.blocks import CompareTableBlock
from motorpress.core.blocks import in_bulk_ordered
from motorpress.core.sanitizing import sanitize_rich_text
from motorpress.ledger.blocks import ClaimBlock

BODY_IMAGE_SPECS = ("width-480", "width-800", "width-1200")


class BulkImageChooserBlock(ImageChooserBlock):
    """Fetches a body's images with their renditions in two queries, not two per image."""

    def bulk_to_python(self, values):
        return in_bulk_ordered(get_image_model().objects.prefetch_renditions(), values)


class SanitizedRichTextBlock(blocks.RichTextBlock):
    """Rich text that is sanitised whenever it is stored: editor, API, import or a script.

    get_prep_value is the one path every save takes (page saves and revisions alike), so
    nothing outside the allowlist in motorpress.core.sanitizing reaches the database.
    """

    def get_prep_value(self, value):
        return sanitize_rich_text(super().get_prep_value(value))

    def deconstruct(self):
        # Stored data is plain RichTextBlock data; keeping the base path in migrations means
        # swapping the block in needs no migration.
        _path, args, kwargs = super().deconstruct()
        return "wagtail.blocks.RichTextBlock", args, kwargs


class FigureBlock(blocks.StructBlock):
    image = BulkImageChooserBlock()
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "newsroom/blocks/figure.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(max_length=1000)
    attribution = blocks.CharBlock(required=False, max_length=150)

    class Meta:
        icon = "openquote"
        template = "newsroom/blocks/quote.html"


class StandingPageBodyBlock(blocks.StreamBlock):
    """A standing page's body: words, images and embeds; no vehicle tables or claims."""

    paragraph = SanitizedRichTextBlock(
        features=["bold", "italic", "link", "ol", "ul", "superscript", "subscript"]
    )
    heading = blocks.CharBlock(
        max_length=150, form_classname="title", template="newsroom/blocks/heading.html"
    )
    image = FigureBlock()
    quote = QuoteBlock()
    embed = EmbedBlock(max_width=800, icon="media")


class ArticleBodyBlock(StandingPageBodyBlock):
    """A story's body: a standing page's blocks, plus live compare tables and claims."""

    compare_table = CompareTableBlock()
    claim = ClaimBlock()


class HighlightsBlock(blocks.StreamBlock):
    """The one to five bullet points shown under the headline."""

    highlight = blocks.CharBlock(max_length=220, icon="list-ul")
