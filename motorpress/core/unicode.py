"""Unicode normal form for stored text: NFC, as the web and search expect."""

import json
import unicodedata


def nfc(text: str | None) -> str | None:
    return unicodedata.normalize("NFC", text) if text else text


def nfc_stream(value):
    """A StreamField value in NFC: the same object when it already is, else its JSON
    normalised (a StreamField turns assigned JSON back into blocks)."""
    if not hasattr(value, "get_prep_value"):
        return value
    raw = json.dumps(value.get_prep_value(), ensure_ascii=False)
    if unicodedata.is_normalized("NFC", raw):
        return value
    return unicodedata.normalize("NFC", raw)
