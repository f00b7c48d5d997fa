"""Metadata of a saved article page: its byline, publication time, canonical URL, images.

Read from the page's own meta tags and JSON-LD first, because those carry a full timestamp and
clean names, with trafilatura's guesses as the fallback.
"""

import json
import re
from dataclasses import dataclass
from datetime import datetime, time

from django.utils import timezone

_ARTICLE_TYPES = {"article", "newsarticle", "blogposting", "reportagenews", "report", "review"}
_BYLINE_PREFIX = re.compile(r"^\s*(written\s+)?by\s+", re.I)
_NAME_SEPARATORS = re.compile(r"\s*(?:,|;|&|\band\b|\|)\s*", re.I)


@dataclass
class ImageRef:
    src: str  # as written in the page: a relative path or an absolute URL
    alt: str
    found_in: str  # "og:image", "JSON-LD image" or "article's image"


def meta_tags(document) -> dict[str, str]:
    """<meta property|name|itemprop=… content=…>, first occurrence wins, keys lower case."""
    found = {}
    for element in document.iter("meta"):
        key = element.get("property") or element.get("name") or element.get("itemprop") or ""
        content = element.get("content")
        if key and content and key.lower() not in found:
            found[key.lower()] = content.strip()
    return found


def json_ld_articles(document) -> list[dict]:
    """Article objects from the page's JSON-LD blocks, including those inside @graph."""
    articles = []
    for script in document.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue  # broken JSON-LD is common and harmless: fall back to other sources
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                kinds = item.get("@type", [])
                kinds = [kinds] if isinstance(kinds, str) else kinds
                if any(str(kind).lower() in _ARTICLE_TYPES for kind in kinds):
                    articles.append(item)
                stack.extend(item.get("@graph", []) if isinstance(item.get("@graph"), list) else [])
    return articles


def first_value(objects: list[dict], key: str):
    for item in objects:
        if item.get(key):
            return item[key]
    return None


def text_of(element) -> str:
    return element.text_content() if element is not None else ""


def squash(text) -> str:
    return " ".join(str(text or "").split())


def _http_url(value) -> str:
    url = str(value or "").strip()
    return url if re.match(r"https?://[^\s/]+", url, re.I) and len(url) <= 500 else ""


def canonical_url(document, meta, linked_data) -> str:
    canonical = document.xpath('//link[translate(@rel, "CANONICAL", "canonical")="canonical"]')
    entity = first_value(linked_data, "mainEntityOfPage")
    if isinstance(entity, dict):
        entity = entity.get("@id") or entity.get("url")
    for candidate in (
        canonical[0].get("href") if canonical else None,
        meta.get("og:url"),
        entity,
        first_value(linked_data, "url"),
    ):
        if url := _http_url(candidate):
            return url
    return ""


def _parse_when(value: str) -> datetime | None:
    """An aware datetime from ISO 8601; a date alone or a naive time is read as India time."""
    value = str(value or "").strip()
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if len(value) <= 10:  # a bare date: the start of that day
        parsed = datetime.combine(parsed.date(), time.min)
    if timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed, timezone.get_default_timezone())
    return parsed


def published_at(document, meta, linked_data, guessed) -> tuple[datetime | None, str]:
    # The byline's <time>: inside <article>, marked up as datePublished, or the first one after
    # the headline (rails of other stories come later in the page or carry no such mark).
    time_tags = (
        document.xpath("//article//time[@datetime]")
        or document.xpath('//time[@itemprop="datePublished"][@datetime]')
        or document.xpath("(//h1)[1]/following::time[@datetime][1]")
    )
    candidates = [
        (meta.get("article:published_time"), "meta article:published_time"),
        (meta.get("datepublished"), "meta datePublished"),
        (first_value(linked_data, "datePublished"), "JSON-LD datePublished"),
        (time_tags[0].get("datetime") if time_tags else None, "the article's <time> tag"),
        (guessed.date if guessed else None, "trafilatura's date guess"),
    ]
    for value, source in candidates:
        if parsed := _parse_when(value):
            return parsed, source
    return None, ""


def split_names(byline: str) -> list[str]:
    """'By Farhan Qureshi and Meera Iyer' → ['Farhan Qureshi', 'Meera Iyer']."""
    names = []
    for part in _NAME_SEPARATORS.split(_BYLINE_PREFIX.sub("", byline or "")):
        name = squash(part)
        # Links, e-mail addresses, dates and whole sentences are not names.
        if name and len(name) <= 80 and not re.search(r"[\d@/:]", name) and name not in names:
            names.append(name)
    return names


def authors(meta, linked_data, guessed) -> list[str]:
    from_json = first_value(linked_data, "author")
    if isinstance(from_json, dict | str):
        from_json = [from_json]
    json_names = [
        squash(item.get("name") if isinstance(item, dict) else item) for item in from_json or []
    ]
    for byline in (
        meta.get("author"),
        "; ".join(name for name in json_names if name),
        meta.get("article:author"),
        guessed.author if guessed else None,
    ):
        if names := split_names(byline or ""):
            return names
    return []


def lead_image_candidates(meta, linked_data, body_images: list[ImageRef]) -> list[ImageRef]:
    candidates = []
    if meta.get("og:image"):
        candidates.append(ImageRef(meta["og:image"], meta.get("og:image:alt", ""), "og:image"))
    image = first_value(linked_data, "image")
    if isinstance(image, list):
        image = image[0] if image else None
    if isinstance(image, dict):
        image = image.get("url")
    if isinstance(image, str) and image:
        candidates.append(ImageRef(image, "", "JSON-LD image"))
    return candidates + body_images
