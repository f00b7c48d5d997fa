"""Opaque keyset cursors for the article list: (first published, id) of the last item seen.

A cursor is URL-safe base64 of a short JSON array. Clients must treat it as opaque; decoding
refuses anything this module did not produce with `InvalidCursor` (the API answers 400).
"""

import base64
import binascii
import json
from datetime import UTC, datetime

MAX_CURSOR_LENGTH = 200
MAX_ID = 2**63 - 1


class InvalidCursor(ValueError):
    """The cursor was not produced by this API (edited, truncated or from elsewhere)."""


def encode_cursor(published: datetime, pk: int) -> str:
    raw = json.dumps([published.astimezone(UTC).isoformat(), pk], separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(value: str) -> tuple[datetime, int]:
    if not value or len(value) > MAX_CURSOR_LENGTH:
        raise InvalidCursor("The cursor is empty or too long.")
    try:
        raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
        published_text, pk = json.loads(raw)
        published = datetime.fromisoformat(published_text)
        if published.tzinfo is not None:
            published = published.astimezone(UTC)
    except (binascii.Error, ValueError, TypeError, OverflowError) as error:
        raise InvalidCursor("The cursor is not one this API produced.") from error
    if published.tzinfo is None or isinstance(pk, bool) or not isinstance(pk, int):
        raise InvalidCursor("The cursor is not one this API produced.")
    if not 1 <= pk <= MAX_ID:
        raise InvalidCursor("The cursor is not one this API produced.")
    return published, pk
