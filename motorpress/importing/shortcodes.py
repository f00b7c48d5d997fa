"""WordPress shortcodes in post content: the ones with a motorpress equivalent are converted.

`[caption …]<img …> text[/caption]` becomes an image with its caption (so does the block
editor's `<figure><img><figcaption>`), `[embed]URL[/embed]`
(and a URL alone on its own line, which WordPress also embeds) becomes an embed; every other
shortcode is dropped, keeping the text an enclosing one wrapped. Each conversion and drop is
noted so the import report can list it.
"""

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ImageRef:
    """An image the post shows: its WordPress attachment ID when known, and its URL."""

    attachment_id: str
    url: str
    alt: str
    caption: str = ""


@dataclass(frozen=True)
class EmbedRef:
    url: str


@dataclass
class Segments:
    """Post content cut into HTML runs, images and embeds, in reading order."""

    parts: list = field(default_factory=list)  # str (HTML) | ImageRef | EmbedRef
    notes: list[str] = field(default_factory=list)


_CAPTION = re.compile(r"\[caption\b([^\]]*)\](.*?)\[/caption\]", re.IGNORECASE | re.DOTALL)
_EMBED = re.compile(r"\[embed\b[^\]]*\](.*?)\[/embed\]", re.IGNORECASE | re.DOTALL)
_LONE_URL = re.compile(r"^[ \t]*(https?://[^\s<>\"]+)[ \t]*$", re.MULTILINE)
_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
# The block editor's captioned image: <figure …><img …><figcaption>…</figcaption></figure>,
# the image possibly inside a link. (Gallery items are figures of the same shape.)
_FIGURE_IMAGE = re.compile(
    r"<figure\b[^>]*>\s*(?:<a\b[^>]*>\s*)?(<img\b[^>]*>)\s*(?:</a>\s*)?"
    r"<figcaption\b[^>]*>(.*?)</figcaption>\s*</figure>",
    re.IGNORECASE | re.DOTALL,
)
# A shortcode tag, opening or closing: [name attrs] or [/name]; [[escaped]] is left alone.
_ANY_SHORTCODE = re.compile(r"(?<!\[)\[(/?)([a-zA-Z][\w-]*)\b[^\]\[]*\](?!\])")
_ATTR = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_WP_IMAGE_CLASS = re.compile(r"\bwp-image-(\d+)\b")


def _attributes(tag: str) -> dict[str, str]:
    return {
        m.group(1).lower(): next(g for g in m.groups()[1:] if g is not None)
        for m in _ATTR.finditer(tag)
    }


def image_ref_from_tag(tag: str, caption: str = "") -> ImageRef:
    """An <img> tag's attachment ID (from WordPress's wp-image-N class), URL and alt text."""
    attrs = _attributes(tag[4:])
    match = _WP_IMAGE_CLASS.search(attrs.get("class", ""))
    return ImageRef(
        attachment_id=match.group(1) if match else "",
        url=attrs.get("src", ""),
        alt=attrs.get("alt", ""),
        caption=caption,
    )


def _strip_tags(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html).strip()


def split_content(content: str) -> Segments:
    """Cut `content` into HTML, ImageRef and EmbedRef parts and note every shortcode handled."""
    segments = Segments()
    tokens: list = []

    def caption(match: re.Match) -> str:
        inner = match.group(2)
        img = _IMG.search(inner)
        if img is None:
            segments.notes.append("[caption] without an image: kept its text")
            return _strip_tags(inner)
        text = _strip_tags(_IMG.sub("", inner))
        if not text:
            text = _attributes(match.group(1)).get("caption", "")
        tokens.append(image_ref_from_tag(img.group(0), caption=text[:250]))
        segments.notes.append("[caption] converted to an image with its caption")
        return f"\x00{len(tokens) - 1}\x00"

    def embed(match: re.Match) -> str:
        url = match.group(1).strip()
        tokens.append(EmbedRef(url=url))
        segments.notes.append(f"[embed] converted to an embed: {url}")
        return f"\x00{len(tokens) - 1}\x00"

    def lone_url(match: re.Match) -> str:
        tokens.append(EmbedRef(url=match.group(1)))
        segments.notes.append(f"URL on its own line converted to an embed: {match.group(1)}")
        return f"\x00{len(tokens) - 1}\x00"

    def figure(match: re.Match) -> str:
        caption = " ".join(_strip_tags(match.group(2)).split())
        tokens.append(image_ref_from_tag(match.group(1), caption=caption[:250]))
        return f"\x00{len(tokens) - 1}\x00"

    def image(match: re.Match) -> str:
        tokens.append(image_ref_from_tag(match.group(0)))
        return f"\x00{len(tokens) - 1}\x00"

    def other(match: re.Match) -> str:
        if not match.group(1):
            segments.notes.append(f"[{match.group(2)}] shortcode dropped")
        return ""

    text = content.replace("\x00", "")
    text = _CAPTION.sub(caption, text)
    text = _EMBED.sub(embed, text)
    text = _LONE_URL.sub(lone_url, text)
    text = _FIGURE_IMAGE.sub(figure, text)
    text = _IMG.sub(image, text)
    text = _ANY_SHORTCODE.sub(other, text)
    for index, piece in enumerate(text.split("\x00")):
        if index % 2:
            segments.parts.append(tokens[int(piece)])
        elif piece.strip():
            segments.parts.append(piece)
    return segments
