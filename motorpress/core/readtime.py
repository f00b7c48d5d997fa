"""Reading time for Latin-script and Devanagari (Hindi) text.

A word is a run of letters or digits together with the combining marks that belong to them.
Python's `\\w` excludes Devanagari vowel signs and the virama, so a plain `\\w+` would cut
"हिन्दी" into pieces and over-count Hindi text; this pattern keeps them inside the word.
"""

import math
import re

from django.utils.translation import ngettext

LATIN_WORDS_PER_MINUTE = 200
# Hindi readers cover fewer words a minute than English readers of the same text length.
DEVANAGARI_WORDS_PER_MINUTE = 180

_MARKS = "\u0300-\u036f\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963\u200c\u200d"
# Letters, digits and marks, with apostrophes and hyphens inside a word and decimal points or
# thousands separators inside a number ("1.88", "18,001").
_WORD = re.compile(rf"[^\W_](?:[\w{_MARKS}'\u2019-]|[.,](?=\d))*|[\u0900-\u097f][\w{_MARKS}]*")
_DEVANAGARI = re.compile(r"[\u0900-\u097f]")


def count_words(text: str) -> tuple[int, int]:
    """Return (latin_words, devanagari_words) in `text`."""
    latin = devanagari = 0
    for word in _WORD.findall(text or ""):
        if _DEVANAGARI.search(word):
            devanagari += 1
        else:
            latin += 1
    return latin, devanagari


def read_time_minutes(text: str) -> int:
    """Whole minutes to read `text`, never below 1 (half a minute rounds up)."""
    latin, devanagari = count_words(text)
    minutes = latin / LATIN_WORDS_PER_MINUTE + devanagari / DEVANAGARI_WORDS_PER_MINUTE
    return max(1, math.floor(minutes + 0.5))


def read_time_label(minutes: int) -> str:
    """'1 min read' / 'N mins read', as on the reference rail; in Hindi 'N मिनट में पढ़ें'."""
    minutes = max(1, minutes)
    return ngettext("%(minutes)d min read", "%(minutes)d mins read", minutes) % {"minutes": minutes}
