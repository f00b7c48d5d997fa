"""A streaming, hardened reader for WordPress export files (WXR).

Export files come from strangers, so the parser never resolves entities, never reads a DTD,
never touches the network and keeps lxml's size limits (huge_tree off). A file that declares
a DOCTYPE is refused outright: WordPress never writes one, and it is how entity attacks
(billion laughs, `file://` external entities) begin. Items are read one at a time and cleared
as soon as they are handed over, so memory stays flat however long the file is.
"""

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from lxml import etree

# "http://wordpress.org/export/1.2/" (1.0 and 1.1 too), or https as WordPress.com and current
# WordPress write it: WordPress's own importer takes whatever wp namespace the file declares.
# Not the ".../excerpt/" sibling, which is read from the file's own declaration.
WP_NAMESPACE = re.compile(r"https?://wordpress\.org/export/\d+\.\d+/")
EXCERPT_NAMESPACE = re.compile(r"https?://wordpress\.org/export/\d+\.\d+/excerpt/")
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
DC_NS = "http://purl.org/dc/elements/1.1/"


class WxrError(Exception):
    """The file cannot be imported safely; the message says why and, when known, where."""


@dataclass(frozen=True)
class WxrAuthor:
    login: str
    email: str
    display_name: str


@dataclass(frozen=True)
class WxrCategory:
    domain: str  # "category" or "post_tag"
    slug: str
    name: str


@dataclass
class WxrItem:
    """One `<item>`: a post, a page, an attachment or anything else WordPress exports."""

    post_id: str
    post_type: str
    title: str
    link: str
    guid: str
    creator: str
    content: str
    excerpt: str
    slug: str
    status: str
    date_local: str  # "2026-01-14 10:00:00", the site's local time
    date_gmt: str  # the same moment in UTC; "0000-00-00 00:00:00" for most drafts
    parent_id: str
    attachment_url: str
    line: int
    categories: list[WxrCategory] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    password: str = ""  # a password-protected post's password
    sticky: bool = False

    @property
    def published_at_utc(self) -> datetime | None:
        return parse_wp_datetime(self.date_gmt, UTC)

    def fingerprint(self) -> str:
        """A hash of what the import reads from the item, to spot later edits in WordPress."""
        parts = [
            self.title,
            self.content,
            self.excerpt,
            self.slug,
            self.status,
            self.date_gmt,
            self.creator,
            *(f"{c.domain}:{c.slug}" for c in self.categories),
            self.meta.get("_thumbnail_id", ""),
        ]
        if self.password:  # only when set, so hashes of earlier imports stay the same
            parts.append(f"password:{self.password}")
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def parse_wp_datetime(value: str, tz) -> datetime | None:
    """A WordPress "Y-m-d H:i:s" time in `tz`, or None for WordPress's all-zero "no date"."""
    value = (value or "").strip()
    if not value or value.startswith("0000-00-00"):
        return None
    try:
        naive = datetime.strptime(value, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None
    return naive.replace(tzinfo=tz)


def _parser_options() -> dict:
    return {
        "resolve_entities": False,
        "no_network": True,
        "load_dtd": False,
        "huge_tree": False,
        "remove_comments": True,
        "remove_pis": True,
        "dtd_validation": False,
    }


def _syntax_error(error: etree.XMLSyntaxError, path: Path) -> WxrError:
    line, message = error.lineno, error.msg or str(error)
    if not line:
        # With entity resolution off, lxml reports some errors (an undefined entity) at
        # "line 0"; its error log still holds the real line and message.
        logged = [entry for entry in error.error_log if entry.line]
        if logged:
            line, message = logged[0].line, f"{logged[0].message}, column {logged[0].column}"
    # One line, whatever lxml quoted from the file: an error is read in a terminal or a log.
    message = " ".join(message.split())[:200]
    if "UTF-8" in message or "encoding" in message.lower():
        return WxrError(f"{path.name}: invalid UTF-8 (or wrong encoding) at line {line}: {message}")
    return WxrError(f"{path.name}: broken XML at line {line or '?'}: {message}")


def _wp_namespaces(path: Path) -> tuple[str, str]:
    """Check the file's prolog and return the WordPress export namespace it uses, and its
    excerpt namespace (the wp one with "excerpt/" when the file declares none)."""
    try:
        events = etree.iterparse(str(path), events=("start",), **_parser_options())
        for _event, element in events:
            docinfo = element.getroottree().docinfo
            if docinfo.doctype or docinfo.internalDTD is not None:
                raise WxrError(
                    f"{path.name}: the file declares a DOCTYPE; WordPress exports never do, and "
                    "DOCTYPE entity declarations are how entity attacks work. Refused."
                )
            if etree.QName(element).localname != "rss":
                raise WxrError(f"{path.name}: not a WordPress export (no <rss> root element).")
            uris = [uri for uri in (element.nsmap or {}).values() if uri]
            wp = next((uri for uri in uris if WP_NAMESPACE.fullmatch(uri)), None)
            if wp is not None:
                excerpt = next((uri for uri in uris if EXCERPT_NAMESPACE.fullmatch(uri)), None)
                return wp, excerpt or f"{wp}excerpt/"
            raise WxrError(f"{path.name}: not a WordPress export (no WordPress namespace).")
    except etree.XMLSyntaxError as error:
        raise _syntax_error(error, path) from error
    raise WxrError(f"{path.name}: empty file.")


def _text(element, tag: str) -> str:
    child = element.find(tag)
    return (child.text or "").strip() if child is not None and child.text else ""


def _raw_text(element, tag: str) -> str:
    """Text without stripping: post content keeps its blank lines (they mark paragraphs)."""
    child = element.find(tag)
    return child.text or "" if child is not None else ""


class WxrReader:
    """Reads one export file. `authors()` and `items()` each make one streaming pass."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.wp, self.excerpt_ns = _wp_namespaces(self.path)
        self.base_site_url = ""

    def _elements(self, *local_names: str) -> Iterator:
        tags = [f"{{{self.wp}}}{name}" if name != "item" else "item" for name in local_names]
        tags.append(f"{{{self.wp}}}base_site_url")
        try:
            for _event, element in etree.iterparse(
                str(self.path), events=("end",), tag=tags, **_parser_options()
            ):
                if element.tag == f"{{{self.wp}}}base_site_url":
                    self.base_site_url = (element.text or "").strip().rstrip("/")
                    continue
                yield element
                # Free what was handed over, and the already-processed siblings before it.
                element.clear(keep_tail=True)
                parent = element.getparent()
                while parent is not None and element.getprevious() is not None:
                    del parent[0]
        except etree.XMLSyntaxError as error:
            raise _syntax_error(error, self.path) from error

    def records(self) -> Iterator["WxrAuthor | WxrItem"]:
        """Every author and item in file order, in one streaming pass."""
        wp = f"{{{self.wp}}}"
        for element in self._elements("author", "item"):
            if element.tag == "item":
                yield self._item(element)
            elif element.getparent() is not None and element.getparent().tag == "channel":
                yield WxrAuthor(
                    login=_text(element, f"{wp}author_login"),
                    email=_text(element, f"{wp}author_email"),
                    display_name=_text(element, f"{wp}author_display_name"),
                )

    def items(self) -> Iterator[WxrItem]:
        for record in self.records():
            if isinstance(record, WxrItem):
                yield record

    def _item(self, element) -> WxrItem:
        wp = f"{{{self.wp}}}"
        return WxrItem(
            post_id=_text(element, f"{wp}post_id"),
            post_type=_text(element, f"{wp}post_type") or "post",
            title=_text(element, "title"),
            link=_text(element, "link"),
            guid=_text(element, "guid"),
            creator=_text(element, f"{{{DC_NS}}}creator"),
            content=_raw_text(element, f"{{{CONTENT_NS}}}encoded"),
            excerpt=_raw_text(element, f"{{{self.excerpt_ns}}}encoded").strip(),
            slug=_text(element, f"{wp}post_name"),
            status=_text(element, f"{wp}status"),
            date_local=_text(element, f"{wp}post_date"),
            date_gmt=_text(element, f"{wp}post_date_gmt"),
            parent_id=_text(element, f"{wp}post_parent"),
            attachment_url=_text(element, f"{wp}attachment_url"),
            password=_raw_text(element, f"{wp}post_password"),
            sticky=_text(element, f"{wp}is_sticky") == "1",
            line=element.sourceline or 0,
            categories=[
                WxrCategory(
                    domain=category.get("domain", ""),
                    slug=category.get("nicename", ""),
                    name=(category.text or "").strip(),
                )
                for category in element.findall("category")
            ],
            meta={
                _text(meta, f"{wp}meta_key"): _raw_text(meta, f"{wp}meta_value")
                for meta in element.findall(f"{wp}postmeta")
            },
        )
