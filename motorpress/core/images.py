"""Responsive images whose srcset names each width once.

Wagtail never enlarges an image, so an upload narrower than the largest rendition gives
several renditions of the same width, and its `srcset_image` tag then writes "a.webp 64w,
b.webp 64w": a srcset with a width twice is invalid HTML (the Nu checker's error) and leaves
the browser to guess. Ours keeps the first rendition of each width.
"""

from wagtail.images.models import ResponsiveImage


def distinct_widths(renditions: list) -> list:
    seen, kept = set(), []
    for rendition in renditions:
        if rendition.width not in seen:
            seen.add(rendition.width)
            kept.append(rendition)
    return kept


class DistinctWidthsImage(ResponsiveImage):
    def __init__(self, renditions, attrs=None):
        super().__init__(renditions, attrs)
        self.renditions = distinct_widths(self.renditions)

    def __html__(self):
        if len(self.renditions) == 1 and self.attrs:
            # No srcset for a single image, so no sizes either: one without the other is invalid.
            self.attrs = {key: value for key, value in self.attrs.items() if key != "sizes"}
        return super().__html__()
