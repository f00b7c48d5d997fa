import pytest

from motorpress.newsroom.services import site_structure_ensure


@pytest.fixture
def site(db):
    """Home page, the four sections and the default Site."""
    return site_structure_ensure()


HINDI_SECTIONS = {
    "news": ("ख़बरें", "ताज़ा ख़बरें"),
    "reviews": ("रिव्यू", "रोड टेस्ट और रिव्यू"),
    "comparisons": ("तुलना", "गाड़ियां आमने-सामने"),
    "features": ("फ़ीचर", "समझाने वाले लेख"),
}


@pytest.fixture
def hindi(site):
    """The Hindi edition's home page and sections, as translations of the English ones."""
    from motorpress.newsroom.services import edition_structure_ensure

    return edition_structure_ensure(
        default=site,
        language_code="hi",
        home_title="मोटरप्रेस हिंदी",
        tagline="ऑटो ख़बरें",
        sections=HINDI_SECTIONS,
    )
