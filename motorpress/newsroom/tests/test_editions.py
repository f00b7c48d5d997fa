"""Two editions, one newsroom: English at /, Hindi at /hi/, each with its own stories."""

import re

import pytest

from motorpress.newsroom.tests.factories import AuthorFactory, ImageFactory, create_article

pytestmark = pytest.mark.django_db

HINDI_TITLE = "सुज़ुकी ई-एक्सेस लॉन्च"


def _alternates(html: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def _story_links(html: str) -> set[str]:
    return set(re.findall(r'href="(?:http://testserver)?(/(?:hi/)?news/[^"/]+/)"', html))


@pytest.fixture
def pair(site, hindi):
    """An English story and its Hindi translation, by the same writer."""
    writer = AuthorFactory(name="Kavya Menon")
    english = create_article(
        site.sections["news"], title="Suzuki e-Access launched", authors=[writer]
    )
    translation = create_article(
        hindi.sections["news"],
        title=HINDI_TITLE,
        slug=english.slug,
        authors=[writer],
        translation_of=english,
    )
    return english, translation


def test_each_edition_serves_its_own_home_and_sections(client, site, hindi):
    english = client.get("/")
    hindi_home = client.get("/hi/")
    assert english.status_code == hindi_home.status_code == 200
    assert '<html lang="en-IN">' in english.content.decode()
    assert '<html lang="hi-IN">' in hindi_home.content.decode()
    assert hindi_home["Content-Language"] == "hi"
    assert "ख़बरें" in client.get("/hi/news/").content.decode()


def test_a_translation_links_to_its_original_both_ways(client, pair):
    english, translation = pair
    hindi_page = client.get(f"/hi/news/{translation.slug}/").content.decode()
    english_page = client.get(f"/news/{english.slug}/").content.decode()
    expected = {
        "en-IN": f"http://testserver/news/{english.slug}/",
        "hi-IN": f"http://testserver/hi/news/{translation.slug}/",
        "x-default": f"http://testserver/news/{english.slug}/",
    }
    assert _alternates(hindi_page) == expected, hindi_page[:3000]
    assert _alternates(english_page) == expected
    # The switcher names the other edition in its own language.
    assert f'href="http://testserver/news/{english.slug}/" lang="en-IN"' in hindi_page
    assert f'href="http://testserver/hi/news/{translation.slug}/" lang="hi-IN"' in english_page


def test_a_story_without_translation_has_no_alternates_and_switches_to_the_other_front_page(
    client, site, hindi
):
    only_hindi = create_article(hindi.sections["news"], title="केवल हिंदी में")
    page = client.get(f"/hi/news/{only_hindi.slug}/").content.decode()
    assert _alternates(page) == {}
    assert 'href="http://testserver/" lang="en-IN"' in page


def test_an_unpublished_original_leaves_no_broken_alternate(client, pair):
    english, translation = pair
    english.unpublish()
    page = client.get(f"/hi/news/{translation.slug}/").content.decode()
    assert _alternates(page) == {}
    assert client.get(f"/news/{english.slug}/").status_code == 404


def test_a_deleted_original_leaves_no_broken_alternate(client, pair):
    english, translation = pair
    english.delete()
    page = client.get(f"/hi/news/{translation.slug}/")
    assert page.status_code == 200
    assert _alternates(page.content.decode()) == {}


def test_listings_and_rails_hold_only_their_editions_stories(client, site, hindi, pair):
    english, translation = pair
    extra_english = create_article(
        site.sections["news"], title="Only in English", authors=english.authors
    )
    for path in ("/", "/latest/", "/news/", f"/authors/{english.authors[0].slug}/"):
        links = _story_links(client.get(path).content.decode())
        assert f"/news/{extra_english.slug}/" in links, path
        assert not any(link.startswith("/hi/") for link in links), path
    for path in ("/hi/", "/hi/latest/", "/hi/news/", f"/hi/authors/{english.authors[0].slug}/"):
        links = _story_links(client.get(path).content.decode())
        assert links == {f"/hi/news/{translation.slug}/"}, path


def test_an_article_page_rail_holds_its_editions_stories(client, site, hindi, pair):
    english, translation = pair
    other = create_article(hindi.sections["news"], title="दूसरी ख़बर", slug="doosri-khabar")
    page = client.get(f"/hi/news/{translation.slug}/").content.decode()
    assert f"/hi/news/{other.slug}/" in page
    assert f'"/news/{english.slug}/"' not in page


def test_non_page_routes_exist_in_both_editions_with_alternates(client, site, hindi):
    for path in ("/latest/", "/vehicles/", "/tracker/", "/compare/", "/search/?q=range"):
        response = client.get(f"/hi{path}")
        assert response.status_code == 200, path
        assert '<html lang="hi-IN">' in response.content.decode()
    alternates = _alternates(client.get("/hi/vehicles/").content.decode())
    assert alternates == {
        "en-IN": "http://testserver/vehicles/",
        "hi-IN": "http://testserver/hi/vehicles/",
        "x-default": "http://testserver/vehicles/",
    }


def test_unknown_hindi_paths_are_the_hindi_404(client, site, hindi):
    for path in ("/hi/nope/", "/hi/news/no-such-story/", "/hi/vehicles/nope/nope/"):
        response = client.get(path)
        assert response.status_code == 404, path
        html = response.content.decode()
        assert '<html lang="hi-IN">' in html
        assert '<link rel="alternate" hreflang' not in html


def test_without_a_hindi_home_the_hindi_prefix_serves_nothing(client, site):
    story = create_article(site.sections["news"])
    assert client.get(f"/news/{story.slug}/").status_code == 200
    assert client.get("/hi/").status_code == 404
    assert client.get(f"/hi/news/{story.slug}/").status_code == 404
    # No edition to switch to: no switcher, no alternates.
    page = client.get(f"/news/{story.slug}/").content.decode()
    assert 'class="editions"' not in page
    assert "hreflang" not in page


def test_hindi_story_json_ld_declares_its_language(client, pair):
    _english, translation = pair
    page = client.get(f"/hi/news/{translation.slug}/").content.decode()
    assert '"inLanguage":"hi-IN"' in page
    assert '"inLanguage":"hi-IN"' in client.get("/hi/").content.decode()


def test_typed_nukta_forms_are_stored_as_one_spelling(site, hindi):
    precomposed = "\u095b"  # ज़ as one code point
    story = create_article(hindi.sections["news"], title=f"{precomposed}रूरी ख़बर")
    story.refresh_from_db()
    assert story.title == "\u091c\u093cरूरी ख़बर"


HINDI_PAGES = [
    ("/hi/", 12),
    ("/hi/news/{article}/", 11),
    ("/hi/news/", 10),
    ("/hi/latest/", 10),
    ("/hi/authors/{author}/", 10),
]


@pytest.mark.parametrize(("url", "budget"), HINDI_PAGES)
def test_hindi_pages_keep_the_english_query_budgets(
    client, site, hindi, url, budget, queries_after_publish
):
    writer = AuthorFactory()
    image = ImageFactory()
    english = create_article(site.sections["news"], authors=[writer], hero_image=image)
    article = create_article(
        hindi.sections["news"],
        slug=english.slug,
        authors=[writer],
        hero_image=image,
        translation_of=english,
    )
    create_article(hindi.sections["news"], title="पहली ख़बर", slug="pehli", authors=[writer])
    target = url.format(article=article.slug, author=writer.slug)
    few, _ = queries_after_publish(client, target)
    for n in range(12):
        create_article(hindi.sections["news"], title=f"हिंदी ख़बर {n}", authors=[writer])
    many, _ = queries_after_publish(client, target)
    listing = "\n".join(query["sql"][:200] for query in many)
    assert len(many) <= budget, f"{target}: {len(many)} queries:\n{listing}"
    assert len(many) <= len(few), f"{target}: {len(few)} queries, then {len(many)}"


def test_translation_links_cost_one_query_then_none(client, pair, django_assert_num_queries):
    from django.test import RequestFactory

    from motorpress.core.editions import _page_alternates, page_alternates

    _english, translation = pair
    request = RequestFactory().get("/hi/")
    _page_alternates(translation, request)  # warm the cached site root paths
    with django_assert_num_queries(1):
        alternates = _page_alternates(translation, request)
    assert [a.edition.language_code for a in alternates] == ["en-gb", "hi"]
    page_alternates(translation, request)
    with django_assert_num_queries(0):  # cached until the next publish
        assert page_alternates(translation, request) == alternates


def test_a_standing_page_without_translation_claims_no_hindi_twin(client, site, hindi):
    from motorpress.newsroom.services import standing_page_create

    body = [{"type": "paragraph", "value": "<p>Who we are.</p>"}]
    standing_page_create(parent=site.home, title="About us", slug="about", body=body)
    page = client.get("/about/").content.decode()
    assert _alternates(page) == {}
    assert client.get("/hi/about/").status_code == 404


def test_shared_english_prose_on_a_hindi_page_is_marked_english(client, site, hindi):
    writer = AuthorFactory(role="Senior correspondent", bio="Covers electric two-wheelers.")
    create_article(hindi.sections["news"], title="ख़बर", slug="khabar", authors=[writer])
    hindi_page = client.get(f"/hi/authors/{writer.slug}/").content.decode()
    assert '<p lang="en-IN">Covers electric two-wheelers.</p>' in hindi_page
    english_page = client.get(f"/authors/{writer.slug}/").content.decode()
    assert "<p>Covers electric two-wheelers.</p>" in english_page
