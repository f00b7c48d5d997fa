import pytest
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext

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


@pytest.mark.django_db
def test_a_cached_count_spares_the_count_query_until_something_is_published(
    django_capture_on_commit_callbacks,
):
    from django.contrib.auth.models import Group

    from motorpress.core.cache import bump_content_generation

    for number in range(3):
        Group.objects.create(name=f"desk {number}")
    groups = Group.objects.order_by("pk")
    with CaptureQueriesContext(connection) as first:
        page = paginate_or_404(groups, "1", per_page=2, count_key="groups")
        list(page)
    with CaptureQueriesContext(connection) as second:
        page = paginate_or_404(groups, "1", per_page=2, count_key="groups")
        list(page)
    assert page.paginator.num_pages == 2
    assert len(second) == len(first) - 1  # no COUNT(*) the second time

    Group.objects.create(name="desk 3")
    Group.objects.create(name="desk 4")
    with django_capture_on_commit_callbacks(execute=True):
        bump_content_generation()  # what every publish does after its commit
    assert paginate_or_404(groups, "3", per_page=2, count_key="groups").paginator.count == 5
