"""Catalogue reads other apps rely on: naming vehicles in a story, resolving compare URLs."""

from motorpress.catalogue import selectors


def named(text: str) -> list[str]:
    return sorted(str(model) for model in selectors.vehicle_models_named_in(text))


def test_a_story_that_names_a_vehicle_suggests_it(demo_catalogue):
    text = "Suzuki's e-Access is late; Maruti's eVitara and the RC160 are not."
    assert named(text) == ["KTM RC 160", "Maruti Suzuki e-Vitara", "Suzuki e-Access"]


def test_a_name_inside_another_word_suggests_nothing(demo_catalogue):
    assert named("An SU75 and a pre-e-Access prototype and the R150.") == []


def test_ordinary_words_in_a_story_suggest_no_vehicle(demo_catalogue):
    assert named("Riders get access to one of the best charging networks.") == []


def test_compare_slugs_resolve_makes_whose_slugs_contain_hyphens(demo_catalogue):
    found = selectors.models_by_compare_slugs(
        ["maruti-suzuki-e-vitara", "suzuki-e-access", "no-such-car", "", "suzuki"]
    )
    assert {slug: str(model) for slug, model in found.items()} == {
        "maruti-suzuki-e-vitara": "Maruti Suzuki e-Vitara",
        "suzuki-e-access": "Suzuki e-Access",
    }
