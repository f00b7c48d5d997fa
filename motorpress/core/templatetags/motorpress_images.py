"""`{% srcset_image %}` as Wagtail's, but naming each width once (motorpress.core.images).
Load it after wagtailimages_tags: `{% load wagtailimages_tags motorpress_images %}`."""

from django import template
from wagtail.images.shortcuts import get_renditions_or_not_found
from wagtail.images.templatetags import wagtailimages_tags
from wagtail.images.templatetags.wagtailimages_tags import SrcsetImageNode

from motorpress.core.images import DistinctWidthsImage

register = template.Library()


class DistinctWidthsSrcsetNode(SrcsetImageNode):
    def render(self, context):
        image = self.validate_image(context)
        if not image:
            return ""
        renditions = get_renditions_or_not_found(image, self.get_filters())
        if self.output_var_name:
            context[self.output_var_name] = DistinctWidthsImage(renditions)
            return ""
        attrs = {key: value.resolve(context) for key, value in self.attrs.items()}
        return DistinctWidthsImage(renditions, attrs).__html__()


@register.tag("srcset_image")
def srcset_image(parser, token):
    node = wagtailimages_tags.image(parser, token)  # Wagtail's parsing, arguments and errors
    node.__class__ = DistinctWidthsSrcsetNode
    return node
