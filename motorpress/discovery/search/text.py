"""What a typed query becomes before it reaches a search backend, and how matches are marked.

Nothing here queries the database. `normalise_query` is what the reader typed, tidied;
`search_terms` is the part of it a backend is allowed to see; `highlight` and `snippet` mark
the terms in result text, escaping everything else.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

MAX_QUERY_LENGTH = 200  # characters after normalisation; longer is a 400, never truncated
MAX_RAW_LENGTH = 1000  # longer than this is refused before any normalisation work is done
MAX_TERMS = 12  # a query's first 12 words are searched; the rest only repeat or narrow it
_TERM_PUNCTUATION = "-'."  # kept inside a word: "e-Access", "1.88", "maker's"
_REPLACEMENT_CHARACTER = "\ufffd"  # what undecodable bytes in a URL (%ED%A0%80) arrive as


def _is_word_char(ch: str) -> bool:
    """Letters, digits and combining marks (Devanagari vowel signs are marks, not letters)."""
    return unicodedata.category(ch)[0] in "LNM"


def normalise_query(text: str) -> str:
    """The query as typed, in NFKC, without control or format characters, spaces collapsed.

    Format characters (zero-width joiners, right-to-left marks, byte-order marks), controls,
    surrogates and U+FFFD (from bytes that were not UTF-8) are dropped; every kind of space
    and line break becomes one ordinary space.
    """
    kept = []
    for ch in text:
        if ch.isspace():
            kept.append(" ")
        elif unicodedata.category(ch)[0] != "C" and ch != _REPLACEMENT_CHARACTER:
            kept.append(ch)
    return " ".join(unicodedata.normalize("NFKC", "".join(kept)).split())


def search_terms(query: str) -> tuple[str, ...]:
    """The words of a normalised query that a backend may see, at most MAX_TERMS.

    Only letters, digits, combining marks and a hyphen, apostrophe or full stop inside a
    word survive: quotes, brackets, `*`, `%`, `:` and the rest are query syntax to SQLite
    FTS5 or PostgreSQL's tsquery, so they become spaces. `NEAR(`, `AND`, `OR` and `NOT`
    reach the backends as plain quoted words.
    """
    cleaned = "".join(ch if _is_word_char(ch) or ch in _TERM_PUNCTUATION else " " for ch in query)
    terms, seen = [], set()
    for word in cleaned.split():
        word = word.strip(_TERM_PUNCTUATION)
        if word and word.casefold() not in seen:
            seen.add(word.casefold())
            terms.append(word)
    return tuple(terms[:MAX_TERMS])


def _term_pattern(terms) -> re.Pattern | None:
    if not terms:
        return None
    alternatives = sorted({re.escape(term) for term in terms}, key=len, reverse=True)
    return re.compile("|".join(alternatives), re.IGNORECASE)


def _match_spans(text: str, terms) -> list[tuple[int, int]]:
    """Where whole words starting with a term occur: "scooter" marks all of "scooters"."""
    pattern = _term_pattern(terms)
    if pattern is None:
        return []
    spans = []
    position = 0
    while match := pattern.search(text, position):
        start, end = match.span()
        if start > 0 and _is_word_char(text[start - 1]):
            position = start + 1  # inside a word: not a match
            continue
        while end < len(text) and _is_word_char(text[end]):
            end += 1
        spans.append((start, end))
        position = end
    return spans


def highlight(text: str, terms) -> SafeString:
    """`text` escaped, with each matched word wrapped in <mark>."""
    pieces = []
    position = 0
    for start, end in _match_spans(text, terms):
        pieces.append(escape(text[position:start]))
        pieces.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece of text is escaped above


def snippet(text: str, terms, *, width: int = 240) -> SafeString:
    """Up to `width` characters of `text` around its first match, highlighted."""
    text = " ".join((text or "").split())
    if len(text) <= width:
        return highlight(text, terms)
    spans = _match_spans(text, terms)
    first = spans[0][0] if spans else 0
    start = max(0, min(first - width // 3, len(text) - width))
    if start > 0:
        start = text.find(" ", start) + 1 or start  # begin on a word
    end = start + width
    if end < len(text):
        end = text.rfind(" ", start, end) if " " in text[start:end] else end
    excerpt = text[start:end].strip()
    marked = highlight(excerpt, terms)
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(f"{prefix}{marked}{suffix}")  # noqa: S308 - `marked` is escaped


@dataclass(frozen=True)
class Hit:
    """A result with its title and snippet highlighted for one query's terms."""

    item: object
    title: SafeString
    snippet: SafeString

    @classmethod
    def of(cls, item, *, title: str, text: str, terms) -> "Hit":
        return cls(item=item, title=highlight(title, terms), snippet=snippet(text, terms))
