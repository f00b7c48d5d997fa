"""Purge on publish: which URLs, and only after the commit (a real HTTP peer records them)."""

import pytest
from django.db import transaction
from wagtail.models import Site

from motorpress.catalogue.tests.factories import VehicleModelFactory
from motorpress.core.tests.purge_servers import purge_recorder
from motorpress.newsroom.services import (
    article_create,
    edition_structure_ensure,
    site_structure_ensure,
)
from motorpress.newsroom.tests.factories import AuthorFactory, create_article

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def recorder(settings):
    with purge_recorder() as (location, received):
        settings.WAGTAILFRONTENDCACHE = {
            "varnish": {
                "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                "LOCATION": location,
            }
        }
        yield received


@pytest.fixture
def structure(db):
    structure = site_structure_ensure(hostname="news.example.in", port=443)
    return structure


def test_publishing_a_story_purges_everything_that_shows_it(structure, recorder):
    scooter = VehicleModelFactory(make__slug="ather", slug="rizta")
    author = AuthorFactory(slug="meera-iyer")
    story = create_article(structure.sections["reviews"], title="Rizta road test", authors=[author])
    story.vehicles.add(scooter)
    recorder.clear()

    story.save_revision().publish()

    assert {host for host, _ in recorder} == {"news.example.in"}
    purged = {path for _, path in recorder}
    expected = {
        story.url,
        "/",
        "/reviews/",
        "/latest/",
        "/search/",
        "/feeds/latest.rss",
        "/feeds/latest.atom",
        "/feeds/latest.json",
        "/feeds/reviews.rss",
        "/authors/meera-iyer/",
        "/feeds/authors/meera-iyer.rss",
        "/vehicles/",
        "/vehicles/ather/",
        "/vehicles/ather/rizta/",
        "/feeds/makes/ather.json",
        "/sitemap.xml",
        "/news-sitemap.xml",
        "/api/v1/articles",
        f"/api/v1/articles/{story.pk}",
        "/api/v1/latest",
        "/api/v1/authors/meera-iyer",
    }
    assert expected <= purged, expected - purged


def test_unpublishing_purges_the_story_and_its_listings(structure, recorder):
    story = create_article(structure.sections["news"], title="Recalled story")
    recorder.clear()
    story.unpublish()
    purged = {path for _, path in recorder}
    assert {story.url, "/", "/news/", "/latest/", "/feeds/latest.rss"} <= purged


def test_nothing_is_purged_until_the_publish_commits(structure, recorder):
    story = create_article(structure.sections["news"], title="Draft in progress")
    recorder.clear()
    with transaction.atomic():
        story.title = "Retitled"
        story.save_revision().publish()
        assert recorder == [], "purged before the commit"
    assert ("news.example.in", story.url) in recorder


def test_a_publish_that_rolls_back_purges_nothing(structure, recorder):
    story = create_article(structure.sections["news"], title="Steady story")
    recorder.clear()
    with pytest.raises(RuntimeError):
        publish_then_fail(story, "Half-done")
    assert recorder == []


def test_an_unreachable_cache_never_fails_the_publish(structure, settings):
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://127.0.0.1:1",  # nothing listens there
        }
    }
    story = create_article(structure.sections["news"], title="Published anyway")
    story.title = "Published anyway, again"
    story.save_revision().publish()
    story.refresh_from_db()
    assert story.live
    assert story.title == "Published anyway, again"


def test_purging_is_off_without_configured_caches(structure, settings):
    settings.WAGTAILFRONTENDCACHE = {}
    story = create_article(structure.sections["news"], title="No CDN here")
    assert story.live
    assert Site.objects.get(is_default_site=True).hostname == "news.example.in"


@pytest.fixture
def editions(structure):
    """The Hindi edition beside the English one, and a story in each: the Hindi one a
    translation of the English one, both by Meera Iyer about the Ather Rizta."""
    hindi = edition_structure_ensure(
        default=structure,
        language_code="hi",
        home_title="मोटरप्रेस हिन्दी",
        tagline="ऑटो ख़बरें",
        sections={slug: (slug, "") for slug in structure.sections},
    )
    scooter = VehicleModelFactory(make__slug="ather", slug="rizta")
    author = AuthorFactory(slug="meera-iyer")
    english = create_article(structure.sections["news"], title="Rizta launched", authors=[author])
    translated = article_create(
        section=hindi.sections["news"],
        title="रिज़्टा लॉन्च",
        slug=english.slug,
        kind="news",
        teaser="हिन्दी में।",
        highlights=["पहली बात।"],
        body=[],
        authors=[author],
        vehicles=[scooter],
        translation_of=english,
        first_published_at=english.first_published_at,
    )
    english.vehicles.add(scooter)
    return {"english": english, "hindi": translated}


ENGLISH_LISTINGS = {
    "/",
    "/news/",
    "/latest/",
    "/search/",
    "/feeds/latest.rss",
    "/feeds/news.atom",
    "/authors/meera-iyer/",
    "/feeds/authors/meera-iyer.json",
    "/vehicles/ather/rizta/",
    "/feeds/makes/ather.rss",
    "/sitemap-articles.xml",
    "/news-sitemap.xml",
    "/api/v1/articles",
    "/api/v1/latest",
    "/api/v1/sections",
    "/api/v1/authors/meera-iyer",
}
HINDI_LISTINGS = {
    "/hi/",
    "/hi/news/",
    "/hi/latest/",
    "/hi/search/",
    "/hi/feeds/latest.rss",
    "/hi/feeds/news.atom",
    "/hi/authors/meera-iyer/",
    "/hi/feeds/authors/meera-iyer.json",
    "/hi/vehicles/ather/rizta/",
    "/hi/feeds/makes/ather.rss",
    "/hi/sitemap-articles.xml",
    "/hi/news-sitemap.xml",
    "/api/v1/articles?lang=hi",
    "/api/v1/latest?lang=hi",
    "/api/v1/sections?lang=hi",
    "/api/v1/authors/meera-iyer?lang=hi",
}


@pytest.mark.parametrize("action", ["publish", "unpublish"])
def test_a_hindi_story_purges_the_hindi_edition_not_the_english_one(editions, recorder, action):
    hindi, english = editions["hindi"], editions["english"]
    recorder.clear()
    if action == "publish":
        hindi.save_revision().publish()
    else:
        hindi.unpublish()
    purged = {path for _, path in recorder}
    expected = {"/hi/news/rizta-launched/", f"/api/v1/articles/{hindi.pk}", "/sitemap.xml"}
    assert expected | HINDI_LISTINGS <= purged, (expected | HINDI_LISTINGS) - purged
    assert not purged & ENGLISH_LISTINGS, purged & ENGLISH_LISTINGS
    # The English original names its translation in its hreflang links and API item.
    assert {english.url, f"/api/v1/articles/{english.pk}"} <= purged


def test_an_english_story_purges_the_english_edition_not_the_hindi_one(editions, recorder):
    english = editions["english"]
    recorder.clear()
    english.save_revision().publish()
    purged = {path for _, path in recorder}
    expected = {english.url, "/api/v1/articles?lang=en", "/sitemap.xml", *ENGLISH_LISTINGS}
    assert expected <= purged, expected - purged
    assert not purged & HINDI_LISTINGS, purged & HINDI_LISTINGS
    assert "/hi/news/rizta-launched/" in purged  # its translation's page links to it


def test_a_hindi_section_purges_the_hindi_listings(editions, recorder):
    from motorpress.newsroom.models import SectionPage

    section = SectionPage.objects.get(slug="reviews", locale__language_code="hi")
    recorder.clear()
    section.save_revision().publish()
    purged = {path for _, path in recorder}
    assert {"/hi/reviews/", "/hi/", "/hi/latest/", "/api/v1/sections?lang=hi"} <= purged
    assert not purged & {"/", "/latest/", "/api/v1/sections"}


def publish_then_fail(story, title: str) -> None:
    """Publish inside a transaction that then fails, as an error late in a request would."""
    with transaction.atomic():
        story.title = title
        story.save_revision().publish()
        raise RuntimeError("publishing failed half-way")
