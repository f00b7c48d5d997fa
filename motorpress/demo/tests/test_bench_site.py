"""The benchmark site generator writes a site readers can use: live pages, listings, search."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from motorpress.catalogue.models import VehicleModel
from motorpress.demo.bench_site import bench_counts
from motorpress.demo.bench_text import MARK
from motorpress.newsroom.models import ArticlePage


@pytest.fixture
def bench_site(db):
    call_command("load_demo_content", "--no-admin")
    call_command(
        "generate_bench_site", "--articles", "45", "--models", "8", "--chunk", "20", "--no-progress"
    )


def test_generated_stories_are_live_pages_in_a_sound_tree(bench_site, client):
    assert bench_counts() == (45, 8)
    assert Page.find_problems() == ([], [], [], [], [])  # paths, depths, numchild all agree
    story = ArticlePage.objects.filter(search_description=MARK).order_by("-pk").first()
    response = client.get(story.url)
    assert response.status_code == 200
    assert story.title in response.text
    assert MARK in response.text  # readers are told the copy is generated
    assert story.authors  # a byline
    assert story.vehicles.count() == 1


def test_generated_stories_fill_listings_and_vehicle_pages(bench_site, client):
    newest = ArticlePage.objects.live().order_by("-first_published_at").first()
    assert newest.search_description == MARK  # generated stories are the newest
    assert newest.title in client.get("/latest/").text
    assert client.get("/latest/?page=3").status_code == 200  # 45+ stories: three pages
    model = VehicleModel.objects.filter(summary__startswith=MARK).select_related("make").first()
    response = client.get(f"/vehicles/{model.make.slug}/{model.slug}/")
    assert response.status_code == 200
    assert model.articles.live().exists()


def test_generated_stories_are_found_by_search(bench_site):
    story = ArticlePage.objects.filter(search_description=MARK).first()
    results = get_search_backend().search(story.title, ArticlePage.objects.live())
    assert story.pk in [page.pk for page in results[:50]]


def test_a_second_run_refuses_instead_of_doubling_the_site(bench_site):
    with pytest.raises(CommandError, match="already holds 45 generated stories"):
        call_command("generate_bench_site", "--articles", "5", "--no-progress")
    assert bench_counts() == (45, 8)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's own index rows")
def test_postgres_index_rows_match_what_the_search_backend_writes(bench_site):
    from wagtail.search.models import IndexEntry

    from motorpress.demo import bench_search

    pages = list(ArticlePage.objects.filter(search_description=MARK)[:3])
    ours = IndexEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(ArticlePage),
        object_id__in=[str(p.pk) for p in pages],
    )
    columns = ["title", "autocomplete", "body", "title_text", "body_text"]

    def rows():
        return sorted(
            tuple(str(value) for value in row) for row in ours.values_list("object_id", *columns)
        )

    with transaction.atomic():
        ours.delete()
        get_search_backend().add_bulk(ArticlePage, pages)
        by_backend = rows()
        ours.delete()
        bench_search.index_articles_postgres(pages)
        assert rows() == by_backend
