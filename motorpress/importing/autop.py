"""WordPress's auto-paragraphs for classic content, and block-editor content left as built.

WordPress stores classic-editor posts without paragraph markup: when it shows one, its
`wpautop` filter turns blank lines into paragraphs and single newlines into line breaks, but
never between block elements, inside lists and tables, or in `<pre>`, `<script>` and `<style>`.
Block-editor posts (`<!-- wp:paragraph -->` comments around finished markup) skip that filter;
their comments are only delimiters.

No maintained Python package does this: wagtail-wordpress-import ships a port but pins
lxml < 4.8 and bleach 4.1, far behind what this project runs, and has had no release since
2022; the npm `wpautop` port would put Node in the import path. So this follows WordPress's
documented rules, written here, and is tested against the shapes WordPress produces.
"""

import re

# Elements WordPress treats as blocks: no <p> around them and no <br> beside them.
BLOCK_TAGS = (
    "table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|"
    "area|blockquote|address|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|"
    "header|footer|nav|figure|figcaption|details|menu|summary|math|video|audio|iframe|object"
)
_OPEN_BLOCK = re.compile(rf"(<(?:{BLOCK_TAGS})[\s/>])", re.IGNORECASE)
_CLOSE_BLOCK = re.compile(rf"(</(?:{BLOCK_TAGS})>)", re.IGNORECASE)
_ANY_BLOCK_TAG = rf"</?(?:{BLOCK_TAGS})(?:\s[^>]*)?/?>"
_PRESERVED = re.compile(r"<(pre|script|style|svg|textarea)\b.*?</\1>", re.IGNORECASE | re.DOTALL)
# Containers whose loose text becomes paragraphs: WordPress leaves a stray </p> there.
_CONTAINER_OPEN = re.compile(
    r"(<(?:div|section|article|aside|header|footer|nav)(?:\s[^>]*)?>)", re.IGNORECASE
)
_CONTAINER_CLOSE = re.compile(
    r"(</(?:div|section|article|aside|header|footer|nav)>)", re.IGNORECASE
)
_BLOCK_COMMENT = re.compile(r"<!--\s*/?wp:[^>]*?-->\n?", re.DOTALL)
_DOUBLE_BR = re.compile(r"<br\s*/?>\s*<br\s*/?>", re.IGNORECASE)


def has_blocks(content: str) -> bool:
    """Whether the block editor wrote this post (WordPress's own test: a block comment)."""
    return "<!-- wp:" in content


def strip_block_comments(content: str) -> str:
    return _BLOCK_COMMENT.sub("", content)


def wpautop(text: str) -> str:
    """Paragraphs and line breaks for classic content, as WordPress shows it."""
    if not text.strip():
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")

    # Keep <pre>, <script>, <style>, <svg> and <textarea> as they are: their newlines matter.
    kept: list[str] = []

    def keep(match: re.Match) -> str:
        kept.append(match.group(0))
        marker = f"\x00{len(kept) - 1}\x00"
        # A <pre> stays a block in what follows: its stand-in is an empty <pre>.
        return f"<pre>{marker}</pre>" if match.group(1).lower() == "pre" else marker

    text = _PRESERVED.sub(keep, text.replace("\x00", ""))
    # Two line breaks in a row are a paragraph break the author typed as markup.
    text = _DOUBLE_BR.sub("\n\n", text + "\n")
    # A block element always stands alone: blank lines before it opens and after it closes.
    text = _OPEN_BLOCK.sub(r"\n\n\1", text)
    text = _CLOSE_BLOCK.sub(r"\1\n\n", text)
    text = _CONTAINER_OPEN.sub(r"\1\n\n", text)
    text = _CONTAINER_CLOSE.sub(r"\n\n\1", text)
    # <option>s and an <object>'s <param>s and <embed> are never broken apart.
    text = re.sub(r"\s*<option", "<option", text)
    text = re.sub(r"</option>\s*", "</option>", text)
    text = re.sub(r"(<object[^>]*>)\s*", r"\1", text)
    text = re.sub(r"\s*</object>", "</object>", text)
    text = re.sub(r"\s*(</?(?:param|embed)[^>]*>)\s*", r"\1", text)
    text = re.sub(r"\s*(<(?:source|track)[^>]*>)\s*", r"\1", text)
    text = re.sub(r"\n\s*\n+", "\n\n", text)

    paragraphs = [chunk.strip() for chunk in re.split(r"\n\s*\n", text) if chunk.strip()]
    text = "".join(f"<p>{chunk}</p>\n" for chunk in paragraphs)

    text = re.sub(r"<p>\s*</p>", "", text)
    # A paragraph wrapped round a lone block tag, or touching one, loses that side.
    text = re.sub(rf"<p>\s*({_ANY_BLOCK_TAG})\s*</p>", r"\1", text, flags=re.IGNORECASE)
    text = re.sub(r"<p>(<li.+?)</p>", r"\1", text, flags=re.IGNORECASE)
    text = re.sub(rf"<p>\s*({_ANY_BLOCK_TAG})", r"\1", text, flags=re.IGNORECASE)
    text = re.sub(rf"({_ANY_BLOCK_TAG})\s*</p>", r"\1", text, flags=re.IGNORECASE)
    # A single newline inside text is a line break, but never right after a block tag or
    # right before one (that is layout, not a break the author meant).
    text = re.sub(r"(?<!<br />)\s*\n", "<br />\n", text)
    text = re.sub(rf"({_ANY_BLOCK_TAG})\s*<br />", r"\1", text, flags=re.IGNORECASE)
    text = re.sub(
        r"<br />(\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol|table|thead|tbody|tfoot|tr)[\s>/])",
        r"\1",
        text,
        flags=re.IGNORECASE,
    )
    text = re.sub(r"(<br />\n?)+$", "", text.rstrip("\n"))
    for index, original in enumerate(kept):
        marker = f"\x00{index}\x00"
        text = text.replace(f"<pre>{marker}</pre>", original).replace(marker, original)
    return text + "\n"


def normalise_content(content: str) -> str:
    """A post's stored content as WordPress would show it: block markup without its comments,
    classic content with its paragraphs."""
    if has_blocks(content):
        return strip_block_comments(content)
    return wpautop(content)
