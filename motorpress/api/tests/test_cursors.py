"""Cursors: opaque, round-trip exactly, and anything else is an InvalidCursor, never a crash."""

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from motorpress.api.cursors import InvalidCursor, decode_cursor, encode_cursor


@given(
    published=st.datetimes(
        min_value=datetime(1900, 1, 1), max_value=datetime(2200, 1, 1), timezones=st.just(UTC)
    ),
    pk=st.integers(min_value=1, max_value=2**63 - 1),
)
def test_a_cursor_round_trips_to_the_same_position(published, pk):
    cursor = encode_cursor(published, pk)
    assert cursor.isascii()
    assert "=" not in cursor
    assert decode_cursor(cursor) == (published, pk)


@given(st.text(max_size=300))
def test_any_other_text_is_an_invalid_cursor_or_a_position(text):
    try:
        published, pk = decode_cursor(text)
    except InvalidCursor:
        return
    assert published.tzinfo is not None
    assert pk >= 1


@pytest.mark.parametrize("value", ["", "x" * 201, "!!!", "bnVsbA", "WzEsMl0", "WyJ4IiwxXQ"])
def test_garbage_is_an_invalid_cursor(value):
    with pytest.raises(InvalidCursor):
        decode_cursor(value)
