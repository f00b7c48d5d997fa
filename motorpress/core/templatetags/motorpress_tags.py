"""Template helpers shared by every app. None of them query the database."""

import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from motorpress.core import editions
from motorpress.core.formatting import localise_digits
from motorpress.core.readtime import read_time_label

register = template.Library()

# Characters that could end a <script> element or open a comment inside JSON-LD.
_JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.filter
def jsonld(data) -> str:
    """Serialise `data` for a <script type="application/ld+json"> element, safely escaped."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)
    return mark_safe(text.translate(_JSON_SCRIPT_ESCAPES))  # noqa: S308 - escaped above


@register.filter
def read_time(minutes) -> str:
    return localise_digits(read_time_label(int(minutes or 1)))


@register.filter
def get_item(mapping, key):
    """`mapping[key]` in a template, or None."""
    return mapping.get(key) if mapping else None


@register.simple_tag(takes_context=True)
def edition_links(context) -> list:
    """The language switcher: every other live edition, at this page's translation (from the
    `alternates` in context) where there is one, else at that edition's front page."""
    request = context.get("request")
    if request is None:  # a template rendered outside a request has no page to switch
        return []
    by_language = {alt.edition.language_code: alt for alt in context.get("alternates") or []}
    current = editions.active_edition()
    return [
        by_language.get(home.edition.language_code, home)
        for home in editions.edition_homes(request)
        if home.edition != current
    ]


@register.simple_tag
def data_lang():
    """` lang="en-IN"` for an element holding shared data's prose (a vehicle's summary, a
    claim's statement, a source, an author's bio), which is written once, in the default
    edition's language, when the page is another edition's; nothing on the default edition."""
    if editions.active_edition().is_default:
        return ""
    return format_html(' lang="{}"', editions.edition_for(None).html_lang)
