"""Post content → ArticlePage body blocks (paragraph, heading, quote, image, embed).

Classic HTML runs are given paragraphs the way WordPress does when it shows a post
(motorpress.importing.autop); block-editor markup is already finished. Both are sanitised with
the site's one rich-text sanitiser, then cut at headings and block quotes, which the body has
blocks for.
"""

import html as html_lib
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import lxml.html
from wagtail.embeds.finders import get_finders

from motorpress.core.sanitizing import sanitize_rich_text
from motorpress.importing.autop import wpautop
from motorpress.importing.shortcodes import EmbedRef, ImageRef, Segments

_RICH_TAGS = {"p", "ul", "ol"}
_HEADING_TAGS = {"h2", "h3", "h4"}
_SENTENCE_END = re.compile(r"(?<=[.!?।])\s+")

HEADING_MAX = 150
QUOTE_MAX = 1000
CAPTION_MAX = 250


@dataclass
class Body:
    blocks: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)  # reading text, for highlights and vehicles


def embed_is_known(url: str) -> bool:
    """Only URLs an oEmbed finder recognises: an unknown URL is never fetched at render time."""
    if not re.match(r"https?://", url, re.IGNORECASE):
        return False
    return any(finder.accept(url) for finder in get_finders())


def _text(element) -> str:
    return " ".join(element.text_content().split())


_TABLE = re.compile(r"<table\b.*?</table>", re.IGNORECASE | re.DOTALL)


def _table_as_rows(match: re.Match) -> str:
    """A table as one paragraph per row, cells separated by " | ": the body has no table
    block, and flattened cells ("VariantPriceStandard…") would lose what belongs together."""
    table = lxml.html.fragment_fromstring(match.group(0))
    rows = []
    for row in table.iter("tr"):
        cells = [" ".join(cell.text_content().split()) for cell in row if cell.tag in ("td", "th")]
        if any(cells):
            rows.append("<p>" + html_lib.escape(" | ".join(cells)) + "</p>")
    return "\n".join(rows)


def _html_blocks(html: str, body: Body, classic: bool) -> None:
    html = wpautop(html) if classic else html
    if _TABLE.search(html):
        html = _TABLE.sub(_table_as_rows, html)
        body.notes.append("table converted to one paragraph per row (cells split by |)")
    clean = sanitize_rich_text(html)
    if not clean.strip():
        return
    root = lxml.html.fragment_fromstring(clean, create_parent="div")
    rich: list[str] = []
    inline: list[str] = [html_lib.escape(root.text)] if root.text and root.text.strip() else []

    def flush_inline():
        if inline and "".join(inline).strip():
            rich.append("<p>" + "".join(inline).strip() + "</p>")
        inline.clear()

    def flush():
        flush_inline()
        if rich:
            value = "".join(rich)
            body.blocks.append({"type": "paragraph", "value": value})
            body.texts.append(_text(lxml.html.fragment_fromstring(value, create_parent="div")))
        rich.clear()

    for child in root:
        tail = html_lib.escape(child.tail) if child.tail and child.tail.strip() else ""
        child.tail = None
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in _HEADING_TAGS:
            flush()
            text = _text(child)
            if text:
                body.blocks.append({"type": "heading", "value": text[:HEADING_MAX]})
                body.texts.append(text)
        elif tag == "blockquote":
            flush()
            text = _text(child)
            if text:
                body.blocks.append({"type": "quote", "value": {"text": text[:QUOTE_MAX]}})
                body.texts.append(text)
        elif tag in _RICH_TAGS:
            flush_inline()
            if _text(child):
                rich.append(lxml.html.tostring(child, encoding="unicode"))
        else:
            inline.append(lxml.html.tostring(child, encoding="unicode"))
        if tail:
            inline.append(tail)
    flush()


def build_body(
    segments: Segments, resolve_image: Callable[[ImageRef], int | None], *, classic: bool = True
) -> Body:
    """Body blocks for the segments; `resolve_image` gives an image's primary key or None.
    `classic`: the content came from the classic editor and needs WordPress's paragraphs."""
    body = Body(notes=list(segments.notes))
    for part in segments.parts:
        if isinstance(part, str):
            _html_blocks(part, body, classic)
        elif isinstance(part, ImageRef):
            image_id = resolve_image(part)
            if image_id is None:
                body.notes.append(
                    f"image dropped (not available): {part.url or part.attachment_id}"
                )
                continue
            caption = " ".join(part.caption.split())[:CAPTION_MAX]
            body.blocks.append({"type": "image", "value": {"image": image_id, "caption": caption}})
            if caption:
                body.texts.append(caption)
        elif isinstance(part, EmbedRef):
            if embed_is_known(part.url):
                body.blocks.append({"type": "embed", "value": part.url})
            else:
                body.notes.append(
                    f"embed dropped (not a known video or social provider): {part.url}"
                )
    return body


def sentences(text: str, limit: int) -> list[str]:
    """Up to `limit` sentences of `text` (Latin and Devanagari full stops)."""
    flat = " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", text)).split())
    return [s.strip() for s in _SENTENCE_END.split(flat) if s.strip()][:limit]
