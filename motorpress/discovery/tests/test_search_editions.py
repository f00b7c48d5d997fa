"""Search in two editions: each finds its own stories, in either script, however it was typed."""

import pytest
from bs4 import BeautifulSoup

from motorpress.catalogue.tests.factories import MakeFactory, VehicleModelFactory
from motorpress.discovery.search.glossary import counterparts
from motorpress.discovery.search.selectors import SearchQuery
from motorpress.discovery.tests.test_search import SEARCH_BUDGET, story, story_links
from motorpress.newsroom.services import site_structure_ensure

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(db):
    return site_structure_ensure()


@pytest.fixture
def e_access(db):
    return VehicleModelFactory(make=MakeFactory(name="Suzuki", slug="suzuki"), name="e-Access")


def _links(client, path, q):
    response = client.get(path, {"q": q})
    assert response.status_code == 200
    return story_links(BeautifulSoup(response.content, "html.parser"))


def test_each_edition_searches_its_own_stories(client, site, hindi):
    english = story(site.sections["news"], "Electric scooter range tested")
    hindi_story = story(hindi.sections["news"], "इलेक्ट्रिक स्कूटर की रेंज का टेस्ट")
    assert _links(client, "/search/", "scooter") == [english.url]
    assert _links(client, "/hi/search/", "स्कूटर") == [hindi_story.url]
    assert hindi_story.url.startswith("/hi/news/")


def test_a_latin_word_finds_the_hindi_story_that_prints_it_in_devanagari(client, site, hindi):
    found = story(hindi.sections["news"], "नया स्कूटर बाज़ार में")
    story(hindi.sections["news"], "कार की बिक्री बढ़ी")
    assert _links(client, "/hi/search/", "scooter") == [found.url]


def test_a_vehicle_typed_in_latin_letters_finds_hindi_stories_attached_to_it(
    client, site, hindi, e_access
):
    about = story(hindi.sections["news"], "सुज़ुकी ई-एक्सेस लॉन्च", vehicles=[e_access])
    story(hindi.sections["news"], "दूसरी ख़बर")
    assert _links(client, "/hi/search/", "e-access") == [about.url]


def test_nukta_typed_either_way_finds_the_same_story(client, site, hindi):
    # ज़ as one code point (U+095B) in the story, as letter + nukta in the query, and back.
    precomposed = story(hindi.sections["news"], "\u095bरूरी बदलाव")
    decomposed_query = "\u091c\u093cरूरी"
    assert _links(client, "/hi/search/", decomposed_query) == [precomposed.url]
    assert _links(client, "/hi/search/", "\u095bरूरी") == [precomposed.url]


def test_a_mixed_script_query_finds_stories_in_both_scripts(client, site, hindi):
    latin = story(hindi.sections["news"], "Orbiter की नई कीमत")
    devanagari = story(hindi.sections["news"], "बैटरी की वारंटी")
    links = _links(client, "/hi/search/", "orbiter बैटरी")
    assert set(links) == {latin.url, devanagari.url}


def test_hindi_search_keeps_the_query_budget(client, site, hindi, django_assert_max_num_queries):
    for n in range(15):
        story(hindi.sections["news"], f"स्कूटर ख़बर {n}")
    client.get("/hi/search/", {"q": "स्कूटर"})  # warm the cached site lookup
    with django_assert_max_num_queries(SEARCH_BUDGET):
        assert client.get("/hi/search/", {"q": "स्कूटर scooter"}).status_code == 200


def test_the_glossary_works_both_ways_and_ignores_unknown_words():
    assert counterparts("Scooter") == ("स्कूटर",)
    assert counterparts("स्कूटर") == ("scooter",)
    assert counterparts("\u095bरूरी") == ()
    query = SearchQuery.parse("scooter range")
    assert query.terms == ("scooter", "range", "स्कूटर", "रेंज")


def test_section_filter_choices_are_the_editions_own_sections(client, site, hindi):
    page = BeautifulSoup(client.get("/hi/search/", {"q": "x"}).content, "html.parser")
    options = [option.get_text() for option in page.select("select[name=section] option")]
    assert options[1:] == ["ख़बरें", "रिव्यू", "तुलना", "फ़ीचर"]
    assert client.get("/hi/search/", {"q": "x", "section": "news"}).status_code == 200
