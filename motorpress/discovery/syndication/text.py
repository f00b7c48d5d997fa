"""Text hygiene for machine-read outputs: XML-safe characters and a story's language."""

import re

from motorpress.core.editions import edition_for, language_of_locale

# Characters XML 1.0 cannot carry at all, not even as character references: C0 controls other
# than tab, newline and carriage return, lone surrogates, and the two non-characters U+FFFE/F.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(value: str) -> str:
    """`value` without the characters that make an XML document ill-formed."""
    return _NOT_XML.sub("", value)


def xml_safe_deep(value):
    """`xml_safe` applied to every string inside lists, tuples and dicts."""
    if isinstance(value, str):
        return xml_safe(value)
    if isinstance(value, list | tuple):
        return type(value)(xml_safe_deep(item) for item in value)
    if isinstance(value, dict):
        return {key: xml_safe_deep(item) for key, item in value.items()}
    return value


def is_devanagari(char: str) -> bool:
    return "\u0900" <= char <= "\u097f" or "\ua8e0" <= char <= "\ua8ff"


def language_of(title: str) -> str:
    """'hi' when most of the title's letters are Devanagari, else 'en'.

    Devanagari vowel signs are combining marks, not letters, so they are counted too.
    """
    letters = [char for char in title if char.isalpha() or is_devanagari(char)]
    if not letters:
        return "en"
    devanagari = sum(1 for char in letters if is_devanagari(char))
    return "hi" if devanagari * 2 > len(letters) else "en"


def story_language(title: str, locale_id: int) -> str:
    """A story's two-letter language for feeds and the news sitemap: its edition's ("hi" for
    the Hindi edition). In the default edition the title's script decides, as it did before
    editions existed, so Hindi stories published there stay marked Hindi."""
    edition = edition_for(language_of_locale(locale_id))
    return language_of(title) if edition.is_default else edition.short_code
