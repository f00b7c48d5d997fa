"""An editor writes a story in Wagtail's admin and readers see it at once."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from motorpress.newsroom.models import ArticlePage
from motorpress.newsroom.tests.factories import AuthorFactory, create_article

PASSWORD = "correct horse battery staple"


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("editor", "editor@example.com", PASSWORD)


def _article_form(authors, **overrides):
    data = {
        "title": "Suzuki e-Access launched at Rs 1.88 lakh",
        "slug": "suzuki-e-access-launched",
        "kind": "launch",
        "teaser": "Suzuki's first electric scooter for India arrives with an LFP battery.",
        "highlights": streamfield([("highlight", "Rs 1.88 lakh"), ("highlight", "95 km")]),
        "article_authors": inline_formset([{"author": author.pk} for author in authors]),
        "tests": inline_formset([]),
        "hero_image": "",
        "body": streamfield(
            [
                ("paragraph", rich_text("<p>" + "Launch story words. " * 120 + "</p>")),
                ("heading", "Battery and range"),
                ("quote", {"text": "A careful first step.", "attribution": "Our reviewer"}),
            ]
        ),
        "tags": "suzuki, electric-scooters",
        "first_published_at": "",
        "go_live_at": "",
        "expire_at": "",
        "action-publish": "action-publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def test_editor_logs_in_writes_a_two_author_story_and_it_tops_the_latest_rail(
    client, site, editor, django_capture_on_commit_callbacks
):
    create_article(site.sections["news"], title="Yesterday's story")
    client.get("/")  # the rail is now cached, as on a live site
    writers = [AuthorFactory(name="Ritu Sen"), AuthorFactory(name="Omar Baig")]

    response = client.post("/admin/login/", {"username": "editor", "password": PASSWORD})
    assert response.status_code == 302
    add_url = f"/admin/pages/add/newsroom/articlepage/{site.sections['news'].pk}/"
    assert client.get(add_url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(add_url, _article_form(writers))
    assert response.status_code == 302, response.content[:2000]

    article = ArticlePage.objects.get(slug="suzuki-e-access-launched")
    assert article.live
    assert [author.name for author in article.authors] == ["Ritu Sen", "Omar Baig"]
    assert article.read_time_minutes == 2

    client.logout()
    page = BeautifulSoup(client.get("/").content, "html.parser")
    first = page.select("aside.rail li.rail-item")[0]
    assert first.select_one("h3").get_text(strip=True) == "Suzuki e-Access launched at Rs 1.88 lakh"
    assert first.select_one(".byline").get_text(strip=True) == "Ritu Sen, Omar Baig"
    assert first.select_one(".read-time").get_text(strip=True) == "2 mins read"
    latest = BeautifulSoup(client.get("/latest/").content, "html.parser")
    assert latest.select_one(".card__title").get_text(strip=True).startswith("Suzuki e-Access")


def test_a_story_without_an_author_is_refused_with_a_form_error(client, site, editor):
    client.post("/admin/login/", {"username": "editor", "password": PASSWORD})
    add_url = f"/admin/pages/add/newsroom/articlepage/{site.sections['news'].pk}/"
    response = client.post(add_url, _article_form([]))
    assert response.status_code == 200  # the form again, with errors
    assert not ArticlePage.objects.filter(slug="suzuki-e-access-launched").exists()


def test_more_than_five_highlights_are_refused(client, site, editor):
    client.post("/admin/login/", {"username": "editor", "password": PASSWORD})
    add_url = f"/admin/pages/add/newsroom/articlepage/{site.sections['news'].pk}/"
    six = streamfield([("highlight", f"Point {n}") for n in range(6)])
    response = client.post(add_url, _article_form([AuthorFactory()], highlights=six))
    assert response.status_code == 200
    assert not ArticlePage.objects.filter(slug="suzuki-e-access-launched").exists()


def test_editors_can_preview_a_draft(client, site, editor):
    draft = create_article(site.sections["news"], title="Draft for preview", publish=False)
    client.post("/admin/login/", {"username": "editor", "password": PASSWORD})
    response = client.get(f"/admin/pages/{draft.pk}/view_draft/")
    assert response.status_code == 200
    assert b"Draft for preview" in response.content


@pytest.fixture
def catalogue_models(db):
    from motorpress.catalogue.models import Make, VehicleModel

    suzuki = Make.objects.create(name="Suzuki", slug="suzuki")
    yamaha = Make.objects.create(name="Yamaha", slug="yamaha", aliases="India Yamaha Motor")
    return {
        "e-access": VehicleModel.objects.create(
            make=suzuki, name="e-Access", slug="e-access", segment="scooter"
        ),
        "r15": VehicleModel.objects.create(
            make=yamaha, name="R15", slug="r15", segment="motorcycle", aliases="YZF-R15"
        ),
        "access": VehicleModel.objects.create(
            make=suzuki, name="Access", slug="access", segment="scooter"
        ),
    }


def test_saving_a_story_that_names_a_vehicle_suggests_attaching_it(
    client, site, editor, catalogue_models
):
    client.post("/admin/login/", {"username": "editor", "password": PASSWORD})
    add_url = f"/admin/pages/add/newsroom/articlepage/{site.sections['news'].pk}/"
    body = streamfield(
        [("paragraph", rich_text("<p>We rode the Suzuki e-Access and a YZF-R15 back to back.</p>"))]
    )
    response = client.post(add_url, _article_form([AuthorFactory()], body=body), follow=True)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Suggested vehicles: Suzuki e-Access, Yamaha R15" in text


def test_suggestions_skip_attached_vehicles_and_plain_words(site, catalogue_models):
    from motorpress.newsroom.selectors import suggested_vehicles

    article = create_article(
        site.sections["news"],
        body=[
            {
                "type": "paragraph",
                "value": "<p>Suzuki e-Access prices; access to the city; the R15 returns.</p>",
            }
        ],
    )
    article.vehicles.set([catalogue_models["e-access"]])
    # "access" the word is not the Suzuki Access; "R15" alone is distinctive (it has a digit).
    assert suggested_vehicles(article=article) == [catalogue_models["r15"]]
