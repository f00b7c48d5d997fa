"""Editions through the API: `lang` picks the edition (English by default), each story says its
language and lists its published translations, read in one query for a whole list."""

import pytest
from django.conf import settings
from django.utils import timezone

from motorpress.api.tests.demo import section
from motorpress.api.tests.endpoints.test_query_budgets import _assert_flat, _queries
from motorpress.newsroom.models import ArticlePage, Author
from motorpress.newsroom.services import article_create
from motorpress.newsroom.tests.factories import ImageFactory, create_article

ORIGINAL = "auto-expo-2025-two-wheeler-highlights"  # a news story the demo has not translated


def published_ids(lang: str) -> list[int]:
    qs = ArticlePage.objects.live().filter(locale__language_code=lang)
    return list(qs.order_by("-first_published_at", "-pk").values_list("pk", flat=True))


def translate(original: ArticlePage, *, title: str | None = None) -> ArticlePage:
    """`original`'s Hindi translation, in the Hindi section of the same slug."""
    return article_create(
        section=section(original.get_parent().slug, "hi"),
        title=title or f"अनुवाद: {original.title}",
        slug=original.slug,
        kind=original.kind,
        teaser="हिन्दी में।",
        highlights=["पहली बात।"],
        body=[{"type": "paragraph", "value": "<p>हिन्दी पाठ।</p>"}],
        authors=list(original.authors),
        hero_image=original.hero_image,  # a translation shows its original's picture
        first_published_at=original.first_published_at,
        translation_of=original,
    )


@pytest.fixture
def original(demo):
    return ArticlePage.objects.get(slug=ORIGINAL, locale__language_code=settings.LANGUAGE_CODE)


@pytest.fixture
def translated(original):
    return translate(original, title="ऑटो एक्सपो 2025: दोपहिया की झलकियां")


def item(api, path: str, story_id: int) -> dict:
    response = api(path)
    assert response.status_code == 200, response.content
    return next(i for i in response.json()["items"] if i["id"] == story_id)


def test_lang_picks_the_edition_and_english_is_the_default(api, translated):
    english = api("/articles?limit=100").json()
    assert english == api("/articles?limit=100&lang=en").json()
    assert [i["id"] for i in english["items"]] == published_ids(settings.LANGUAGE_CODE)
    assert {i["lang"] for i in english["items"]} == {"en"}
    hindi = api("/articles?limit=100&lang=hi").json()["items"]
    assert [i["id"] for i in hindi] == published_ids("hi")
    assert translated.pk in {i["id"] for i in hindi}
    assert {i["lang"] for i in hindi} == {"hi"}
    assert all(i["url"].startswith("http://testserver/hi/") for i in hindi)
    assert [i["id"] for i in api("/latest?lang=hi").json()["items"]] == published_ids("hi")[:20]


def test_a_story_and_its_translation_list_each_other(api, original, translated):
    english = item(api, "/articles?limit=100", original.pk)
    assert english["translations"] == [
        {"lang": "hi", "id": translated.pk, "url": f"http://testserver/hi/news/{ORIGINAL}/"}
    ]
    hindi = item(api, "/latest?lang=hi", translated.pk)
    assert hindi["translations"] == [
        {"lang": "en", "id": original.pk, "url": f"http://testserver/news/{ORIGINAL}/"}
    ]
    # An untranslated story has none; /articles/{id} serves either edition's story.
    hindi_keys = set(
        ArticlePage.objects.live()
        .filter(locale__language_code="hi")
        .values("translation_key")
        .values_list("translation_key", flat=True)
    )
    untranslated = [
        i["id"]
        for i in api("/latest").json()["items"]
        if ArticlePage.objects.get(pk=i["id"]).translation_key not in hindi_keys
    ]
    assert untranslated
    by_id = {i["id"]: i for i in api("/latest").json()["items"]}
    assert all(by_id[pk]["translations"] == [] for pk in untranslated)
    detail = api(f"/articles/{translated.pk}").json()
    assert (detail["lang"], detail["translations"]) == ("hi", hindi["translations"])
    assert detail["section"]["url"] == "http://testserver/hi/news/"


def test_an_unpublished_or_deleted_translation_is_not_listed(api, original, translated):
    translated.unpublish()
    assert item(api, "/articles?limit=100", original.pk)["translations"] == []
    translated.save_revision().publish()
    assert item(api, "/articles?limit=100", original.pk)["translations"] != []
    translated.delete()
    assert api(f"/articles/{original.pk}").json()["translations"] == []


def test_a_translation_whose_original_is_unpublished_links_nothing(api, original, translated):
    original.unpublish()
    assert item(api, "/articles?lang=hi&limit=100", translated.pk)["translations"] == []
    assert api(f"/articles/{translated.pk}").json()["translations"] == []


def test_sections_and_an_authors_stories_per_edition(api, translated):
    sections = api("/sections?lang=hi").json()["items"]
    assert [s["slug"] for s in sections] == ["news", "reviews", "comparisons", "features"]
    assert sections[0]["title"] == "ख़बरें"
    assert sections[0]["url"] == "http://testserver/hi/news/"
    assert sections[0]["articles_url"] == "http://testserver/api/v1/articles?section=news&lang=hi"
    news = api("/articles?section=news&lang=hi").json()["items"]
    hindi_news = ArticlePage.objects.live().child_of(section("news", "hi"))
    assert translated.pk in [i["id"] for i in news]
    assert sorted(i["id"] for i in news) == sorted(hindi_news.values_list("pk", flat=True))
    writer = Author.objects.get(slug=translated.authors[0].slug)
    hindi = api(f"/authors/{writer.slug}?lang=hi").json()
    expected = published_ids("hi")
    by_writer = set(
        ArticlePage.objects.filter(article_authors__author=writer).values_list("pk", flat=True)
    )
    assert [i["id"] for i in hindi["latest"]] == [pk for pk in expected if pk in by_writer]
    assert translated.pk in by_writer
    assert hindi["url"] == f"http://testserver/hi/authors/{writer.slug}/"
    assert hindi["articles_url"].endswith(f"?author={writer.slug}&lang=hi")
    assert hindi["latest"][0]["authors"][0]["url"] == hindi["url"]
    english = api(f"/authors/{writer.slug}").json()
    assert translated.pk not in {i["id"] for i in english["latest"]}
    assert "lang=" not in english["articles_url"]
    assert english["url"] == f"http://testserver/authors/{writer.slug}/"


@pytest.mark.parametrize(
    "path",
    [
        "/articles?lang=fr",
        "/articles?lang=HI",
        "/latest?lang=",
        "/sections?lang=en-gb",
        "/authors/meera-kulkarni?lang=xx",
    ],
)
def test_an_unknown_lang_is_a_422_naming_the_field(api, path):
    response = api(path)
    assert response.status_code == 422
    body = response.json()
    assert [(e["location"], e["field"]) for e in body["errors"]] == [("query", "lang")]
    assert "'lang'" in body["detail"]


def test_lists_cost_the_same_queries_however_many_stories_and_translations(client, demo):
    writer = Author.objects.get(slug="meera-kulkarni")
    now = timezone.now()
    image = ImageFactory()

    def translated_stories(count):
        for _ in range(count):
            story = create_article(
                section("news"), authors=[writer], published_at=now, hero_image=image
            )
            translate(story)

    urls = [
        "/api/v1/articles?limit={n}",
        "/api/v1/articles?limit={n}&lang=hi",
        "/api/v1/latest?lang=hi",
        "/api/v1/latest",
        "/api/v1/authors/meera-kulkarni?lang=hi",
    ]
    translated_stories(3)
    few = {url: _queries(client, url.format(n=5)) for url in urls}
    translated_stories(30)
    many = {url: _queries(client, url.format(n=50)) for url in urls}
    for url in urls:
        _assert_flat(url, few[url], many[url])
        translation_lookups = [q for q in many[url] if '"translation_key" IN' in q["sql"]]
        assert len(translation_lookups) == 1, url
    items = client.get("/api/v1/articles?limit=50&lang=hi").json()["items"]
    assert sum(1 for i in items if i["translations"]) >= 30
