import pytest
from django.http import Http404

from motorpress.core.pagination import paginate_or_404

ITEMS = list(range(45))


@pytest.mark.parametrize("raw", ["abc", "-1", "0", "1e9", "1" * 20, "", " 1", "1.0", "²", "٣", "4"])
def test_page_numbers_that_are_not_positive_integers_in_range_are_404(raw):
    with pytest.raises(Http404):
        paginate_or_404(ITEMS, raw, per_page=20)


def test_valid_pages_and_the_default():
    assert list(paginate_or_404(ITEMS, None, per_page=20)) == ITEMS[:20]
    assert list(paginate_or_404(ITEMS, "3", per_page=20)) == ITEMS[40:]


def test_an_empty_listing_still_has_a_first_page():
    assert list(paginate_or_404([], None)) == []
    assert list(paginate_or_404([], "1")) == []
