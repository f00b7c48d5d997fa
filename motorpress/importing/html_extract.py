"""Turn a saved article page into the parts of an article: title, byline, date, body, image.

The main text comes from trafilatura, which drops navigation, "Latest News" rails, footers and
cookie banners; the metadata (published time, byline, canonical URL, lead image) comes from
html_metadata. Nothing here touches the database or the network; the body blocks are
sanitised with the same allowlist as the editor's rich text.
"""

import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urljoin, urlsplit

import charset_normalizer
import lxml.etree
import lxml.html
import trafilatura
from django.utils.html import escape

from motorpress.core.sanitizing import sanitize_rich_text
from motorpress.importing import html_metadata as metadata
from motorpress.importing.html_metadata import ImageRef, squash

MAX_HTML_BYTES = 10 * 1024 * 1024
MIN_BODY_WORDS = 40
MAX_HIGHLIGHTS = 3
HIGHLIGHT_MAX_CHARS = 220
TEASER_MAX_CHARS = 300
HEADING_MAX_CHARS = 150
QUOTE_MAX_CHARS = 1000

_HIGHLIGHTS_LABEL = re.compile(
    r"^\s*(key\s+)?(highlights?|takeaways|facts|points)|at a glance|quick take", re.I
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])")
_SLUG_LIKE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class ExtractionError(ValueError):
    """The file is not an article page we can import; the message says why."""


@dataclass
class ExtractedArticle:
    title: str
    authors: list[str]
    published_at: datetime | None
    date_source: str
    teaser: str
    highlights: list[str]
    highlights_source: str
    body: list[dict]  # raw StreamField blocks for ArticleBodyBlock
    canonical_url: str
    fingerprint: str
    images: list[ImageRef] = field(default_factory=list)  # lead image candidates, best first
    notes: list[str] = field(default_factory=list)

    @property
    def slug_hint(self) -> str:
        """The last path segment of the canonical URL when it is already a good slug."""
        segment = urlsplit(self.canonical_url).path.rstrip("/").rsplit("/", 1)[-1].lower()
        return segment if _SLUG_LIKE.match(segment) and len(segment) <= 120 else ""


def decode_html(raw: bytes) -> str:
    """The page's text, or ExtractionError for an empty, binary or oversize file."""
    if len(raw) > MAX_HTML_BYTES:
        raise ExtractionError(f"The file is larger than {MAX_HTML_BYTES // (1024 * 1024)} MB.")
    if not raw.strip():
        raise ExtractionError("The file is empty.")
    if b"\x00" in raw[:8192]:
        raise ExtractionError("The file is binary, not an HTML page.")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        best = charset_normalizer.from_bytes(raw).best()
        if best is None:
            raise ExtractionError("The file's text encoding cannot be recognised.") from None
        return str(best)


def extract_article(raw: bytes) -> ExtractedArticle:
    """The article in a saved page; ExtractionError when there is none."""
    text = decode_html(raw)
    try:
        document = lxml.html.document_fromstring(
            text.encode("utf-8"),
            parser=lxml.html.HTMLParser(encoding="utf-8", no_network=True, remove_comments=True),
        )
    except (lxml.etree.ParserError, ValueError) as exc:
        raise ExtractionError(f"The file could not be parsed as HTML ({exc}).") from exc
    meta = metadata.meta_tags(document)
    linked_data = metadata.json_ld_articles(document)
    guessed = trafilatura.extract_metadata(text)
    body_html = trafilatura.extract(
        text,
        output_format="html",
        include_links=True,
        include_images=True,
        include_formatting=True,
        include_tables=True,
        include_comments=False,
        favor_precision=True,
    )
    if not body_html:
        raise ExtractionError("No article text was found in the page.")

    title = (
        meta.get("og:title")
        or metadata.first_value(linked_data, "headline")
        or (guessed.title if guessed else "")
        or metadata.text_of(document.find(".//h1"))
    )
    title = squash(title)[:255]
    if not title:
        raise ExtractionError("The page has no title (no og:title, headline, <title> or <h1>).")
    canonical = metadata.canonical_url(document, meta, linked_data)
    blocks, images, highlights, notes = _body_blocks(body_html, title=title, base_url=canonical)
    words = sum(len(_block_text(block).split()) for block in blocks)
    if words < MIN_BODY_WORDS:
        raise ExtractionError(
            f"Only {words} words of article text were found; this does not look like an article."
        )
    published_at, date_source = metadata.published_at(document, meta, linked_data, guessed)
    highlights_source = "a bullet list at the top of the article"
    if not highlights:
        highlights = _first_sentences(blocks, MAX_HIGHLIGHTS)
        highlights_source = "the article's first sentences"
    teaser = squash(meta.get("description") or meta.get("og:description") or "")
    if not teaser:
        teaser = " ".join(_first_sentences(blocks, 2))
    return ExtractedArticle(
        title=title,
        authors=metadata.authors(meta, linked_data, guessed),
        published_at=published_at,
        date_source=date_source,
        teaser=_shorten(teaser, TEASER_MAX_CHARS),
        highlights=highlights,
        highlights_source=highlights_source,
        body=blocks,
        canonical_url=canonical,
        fingerprint=_fingerprint(title, blocks),
        images=metadata.lead_image_candidates(meta, linked_data, images),
        notes=notes,
    )


# --- body -----------------------------------------------------------------------------------


def _body_blocks(body_html: str, *, title: str, base_url: str):
    """StreamField blocks from trafilatura's HTML, the inline images, a highlights list, notes."""
    root = lxml.html.fromstring(body_html)
    body = root.find("body") if root.tag == "html" else root
    blocks, pending, images, notes = [], [], [], []
    highlights: list[str] = []
    seen_paragraph = False
    previous_text = ""

    def flush():
        if pending:
            html = sanitize_rich_text("".join(pending))
            if squash(lxml.html.fromstring(f"<div>{html}</div>").text_content()):
                blocks.append({"type": "paragraph", "value": html})
            pending.clear()

    for element in _flatten(body):
        tag = element.tag if isinstance(element.tag, str) else ""
        text = squash(element.text_content())
        for image in [element] if tag == "img" else list(element.iter("img")):
            if image.get("src"):
                images.append(ImageRef(image.get("src"), image.get("alt", ""), "article's image"))
            if image is not element:
                image.drop_tree()  # keeps the text that follows the image
        if tag == "img":
            continue
        if tag == "h1" and text == title:
            continue
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            if text and not _HIGHLIGHTS_LABEL.search(text):
                flush()
                blocks.append({"type": "heading", "value": text[:HEADING_MAX_CHARS]})
        elif (
            tag in ("ul", "ol")
            and not highlights
            and _is_highlights_list(element, seen_paragraph, previous_text)
        ):
            items = [squash(li.text_content()) for li in element.iter("li")]
            highlights = [_shorten(item, HIGHLIGHT_MAX_CHARS) for item in items][:5]
        elif tag == "blockquote":
            if text:
                flush()
                blocks.append(
                    {"type": "quote", "value": {"text": text[:QUOTE_MAX_CHARS], "attribution": ""}}
                )
        elif tag == "table":
            pending.append(_table_as_list(element))
            notes.append("A table was turned into a bulleted list.")
        elif text:
            if tag == "p" and _HIGHLIGHTS_LABEL.search(text) and len(text) < 40:
                previous_text = text
                continue
            _fix_links(element, base_url)
            if tag in ("p", "ul", "ol"):
                pending.append(lxml.html.tostring(element, encoding="unicode", with_tail=False))
            else:
                pending.append(f"<p>{escape(text)}</p>")
            seen_paragraph = seen_paragraph or tag == "p"
        previous_text = text
    flush()
    if len(images) > 1:
        notes.append(f"{len(images) - 1} image(s) inside the article were not imported.")
    return blocks, images, highlights, notes


def _flatten(element):
    """Block-level children, descending into wrappers (div, section) trafilatura may leave."""
    for child in element:
        if isinstance(child.tag, str) and child.tag in ("div", "section", "main", "article"):
            yield from _flatten(child)
        else:
            yield child


def _is_highlights_list(element, seen_paragraph: bool, previous_text: str) -> bool:
    items = [squash(li.text_content()) for li in element.iter("li")]
    if not 1 <= len(items) <= 5 or not all(10 <= len(item) <= 300 for item in items):
        return False
    return not seen_paragraph or bool(_HIGHLIGHTS_LABEL.search(previous_text))


def _table_as_list(table) -> str:
    rows = []
    for row in table.iter("tr"):
        cells = [squash(cell.text_content()) for cell in row if cell.tag in ("td", "th")]
        if any(cells):
            rows.append(f"<li>{escape(': '.join(cell for cell in cells if cell))}</li>")
    return f"<ul>{''.join(rows)}</ul>" if rows else ""


def _fix_links(element, base_url: str) -> None:
    """Relative links point at the old site: make them absolute, or keep only their text."""
    for link in list(element.iter("a")):
        href = (link.get("href") or "").strip()
        if href.startswith("#"):
            href = ""  # a jump within the old page means nothing in the new one
        if href and not urlsplit(href).scheme and base_url:
            href = urljoin(base_url, href)
            link.set("href", href)
        # The sanitiser would strip a javascript: href too, but leave an empty <a> behind.
        if urlsplit(href).scheme.lower() not in ("http", "https", "mailto"):
            link.drop_tag()


def _paragraph_texts(html: str) -> list[str]:
    """The text of each paragraph and list item in a rich-text value, separately."""
    root = lxml.html.fromstring(f"<div>{html}</div>")
    return [squash(el.text_content()) for el in root.iter("p", "li")] or [
        squash(root.text_content())
    ]


def _block_text(block: dict) -> str:
    value = block["value"]
    if block["type"] == "paragraph":
        return " ".join(_paragraph_texts(value))
    if block["type"] == "quote":
        return value["text"]
    return str(value)


def _first_sentences(blocks: list[dict], count: int) -> list[str]:
    sentences = []
    for block in blocks:
        if block["type"] != "paragraph":
            continue
        for paragraph in _paragraph_texts(block["value"]):
            for sentence in _SENTENCE_END.split(paragraph):
                if len(sentence) >= 20:
                    sentences.append(_shorten(sentence, HIGHLIGHT_MAX_CHARS))
                if len(sentences) == count:
                    return sentences
    return sentences


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _fingerprint(title: str, blocks: list[dict]) -> str:
    """A hash of what a reader reads: the same article saved twice gives the same value."""
    words = " ".join([title, *(_block_text(block) for block in blocks)]).split()
    return hashlib.sha256(" ".join(words).lower().encode("utf-8")).hexdigest()
