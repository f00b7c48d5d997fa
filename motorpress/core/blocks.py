"""Helpers for StreamField chooser blocks that resolve a whole body's choices in one query."""


def in_bulk_ordered(queryset, values):
    """The objects for `values` (primary keys, None allowed) in the same order, one query."""
    found = queryset.in_bulk([value for value in values if value is not None])
    return [found.get(value) for value in values]
