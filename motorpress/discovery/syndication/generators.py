"""Feed writers: Django's RSS 2.0 and Atom 1.0 generators with full item metadata, and JSON
Feed 1.1 as one more `SyndicationFeed`, so one Feed class serves all three formats.

Items carry three extras beyond Django's own keys: `authors` (every byline, as dicts with
name and url), `content_html` and `image` (a dict with url, type, width and height), plus
`summary_text` and `language` for JSON Feed.
"""

import json

from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, SyndicationFeed, rfc3339_date

from motorpress.discovery.syndication.text import xml_safe_deep

DC_NS = "http://purl.org/dc/elements/1.1/"
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
MEDIA_NS = "http://search.yahoo.com/mrss/"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"


class XmlSafeFeedMixin:
    """Drops the characters XML 1.0 cannot hold from every value before it is written.

    Django's XML writer refuses control characters with an exception (a 500 for one stray
    byte pasted into a title); a feed should rather lose the byte than the whole document.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*xml_safe_deep(args), **xml_safe_deep(kwargs))

    def add_item(self, *args, **kwargs):
        super().add_item(*xml_safe_deep(args), **xml_safe_deep(kwargs))


def _media_content(handler, image):
    attrs = {"url": image["url"], "medium": "image", "type": image["type"]}
    attrs.update({key: str(image[key]) for key in ("width", "height") if image.get(key)})
    handler.addQuickElement("media:content", None, attrs)


class StoryRssFeed(XmlSafeFeedMixin, Rss201rev2Feed):
    """RSS 2.0 with every byline (dc:creator), content:encoded and the hero as media:content."""

    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:dc": DC_NS,
            "xmlns:content": CONTENT_NS,
            "xmlns:media": MEDIA_NS,
        }

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item["updateddate"] is not None:  # RSS has no element of its own for it
            handler.addQuickElement("atom:updated", rfc3339_date(item["updateddate"]))
        for author in item.get("authors", ()):
            handler.addQuickElement("dc:creator", author["name"])
        if item.get("content_html"):
            handler.addQuickElement("content:encoded", item["content_html"])
        if item.get("image"):
            _media_content(handler, item["image"])


class StoryAtomFeed(XmlSafeFeedMixin, Atom1Feed):
    """Atom 1.0 with an <author> per byline, HTML <content>, the hero and the entry language."""

    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:media": MEDIA_NS}

    def item_attributes(self, item):
        return {"xml:lang": item["language"]} if item.get("language") else {}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for author in item.get("authors", ()):
            handler.startElement("author", {})
            handler.addQuickElement("name", author["name"])
            if author.get("url"):
                handler.addQuickElement("uri", author["url"])
            handler.endElement("author")
        if item.get("content_html"):
            handler.addQuickElement("content", item["content_html"], {"type": "html"})
        if item.get("image"):
            _media_content(handler, item["image"])


def _date(value):
    return value.isoformat() if value else None


class JsonFeed(XmlSafeFeedMixin, SyndicationFeed):
    """JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/).

    JSON could carry control characters escaped, but they are dropped here too, so every
    format shows the same text.
    """

    content_type = "application/feed+json; charset=utf-8"

    def item_dict(self, item) -> dict:
        data = {
            "id": item["unique_id"] or item["link"],
            "url": item["link"],
            "title": item["title"],
            "content_html": item.get("content_html") or item["description"] or "",
            "summary": item.get("summary_text"),
            "image": (item.get("image") or {}).get("url"),
            "date_published": _date(item["pubdate"]),
            "date_modified": _date(item["updateddate"]),
            "authors": [
                {key: value for key, value in author.items() if value}
                for author in item.get("authors", ())
            ]
            or None,
            "tags": list(item["categories"]) or None,
            "language": item.get("language"),
        }
        return {key: value for key, value in data.items() if value is not None}

    def feed_dict(self) -> dict:
        data = {
            "version": JSON_FEED_VERSION,
            "title": self.feed["title"],
            "home_page_url": self.feed["link"],
            "feed_url": self.feed["feed_url"],
            "description": self.feed["description"],
            "language": self.feed["language"],
            "items": [self.item_dict(item) for item in self.items],
        }
        return {key: value for key, value in data.items() if value is not None}

    def write(self, outfile, encoding):
        text = json.dumps(self.feed_dict(), ensure_ascii=False, indent=1)
        # As Django's json_script does: no "<", ">" or "&" survives literally, so the document
        # stays inert even if something renders it as HTML.
        for char, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e")):
            text = text.replace(char, escaped)
        outfile.write(text)


FEED_TYPES = {"rss": StoryRssFeed, "atom": StoryAtomFeed, "json": JsonFeed}
