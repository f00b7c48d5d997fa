"""Responsive images name each width once: an upload narrower than the largest rendition must
not give a srcset with one width twice (invalid HTML, and the browser left to guess)."""

import re

import pytest
from django.template import Context, Template

from motorpress.newsroom.tests.factories import ImageFactory

pytestmark = pytest.mark.django_db
TAG = Template(
    "{% load wagtailimages_tags motorpress_images %}"
    '{% srcset_image image width-{480,800,1200} sizes="100vw" alt="" %}'
)


def _widths(html: str) -> list[str]:
    srcset = re.search(r'srcset="([^"]*)"', html)
    return re.findall(r" (\d+)w", srcset.group(1)) if srcset else []


def test_a_wide_image_gets_every_width():
    html = TAG.render(Context({"image": ImageFactory(file__width=1600, file__height=900)}))
    assert _widths(html) == ["480", "800", "1200"]
    assert 'sizes="100vw"' in html


def test_a_mid_sized_image_names_its_own_width_once():
    html = TAG.render(Context({"image": ImageFactory(file__width=700, file__height=400)}))
    assert _widths(html) == ["480", "700"]


def test_a_small_image_is_one_plain_img_without_sizes():
    html = TAG.render(Context({"image": ImageFactory(file__width=64, file__height=40)}))
    assert "srcset" not in html
    assert "sizes" not in html
    assert 'width="64"' in html
