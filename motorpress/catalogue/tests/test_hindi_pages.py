"""A vehicle page in Hindi: words and figures in Hindi, and no part of it served from the
English page's caches (or the other way round)."""

import pytest

pytestmark = pytest.mark.django_db

PAGE = "/vehicles/suzuki/e-access/"


def test_a_vehicle_page_reads_in_hindi_after_the_english_one_was_cached(client, demo_catalogue):
    english = client.get(PAGE, {"city": "pune"}).content.decode()
    hindi = client.get("/hi" + PAGE, {"city": "pune"}).content.decode()
    english_again = client.get(PAGE, {"city": "pune"}).content.decode()

    assert "Variants and prices" in english
    assert "Rs 1.88 lakh" in english
    assert "95 km" in english
    assert "वेरिएंट और कीमतें" in hindi
    assert "₹1.88 लाख" in hindi
    assert "95 किमी" in hindi
    assert "ऑन-रोड कीमत और EMI" in hindi
    assert "रोड टैक्स" in hindi
    assert "Variants and prices" not in hindi
    assert "कीमत, स्पेसिफिकेशन, स्कूटर" in hindi.split("</title>")[0]  # the cached page head
    assert english_again == english
