"""extract_article on small pages: where the byline, date, highlights and links come from."""

from datetime import UTC, datetime

import pytest

from motorpress.importing.html_extract import ExtractionError, decode_html, extract_article
from motorpress.importing.html_metadata import split_names

PARAGRAPHS = (
    "<p>The updated compact SUV gets a larger touchscreen, ventilated front seats and six "
    "airbags as standard across the range, the company said at the launch in Chennai.</p>"
    "<p>Prices start at Rs 8.49 lakh (ex-showroom) for the manual petrol and go up to "
    "Rs 13.2 lakh for the diesel automatic, a rise of about Rs 20,000 over the outgoing car.</p>"
    "<p>Bookings are open at dealers for Rs 21,000, and deliveries begin next week in the "
    "southern states before the rest of the country follows by the end of the month.</p>"
)


def page(head: str = "", article: str = PARAGRAPHS, before: str = "") -> bytes:
    return (
        f"<html><head><title>Compact SUV updated</title>{head}</head><body>"
        "<nav><a href='/'>Home</a> <a href='/news/'>News</a></nav>"
        f"<article><h1>Compact SUV updated with more features</h1>{before}{article}</article>"
        "<footer>Copyright RoadPulse</footer></body></html>"
    ).encode()


def test_json_ld_in_a_graph_gives_the_date_and_every_author():
    head = (
        '<script type="application/ld+json">{not json at all</script>'
        '<script type="application/ld+json">{"@graph": [{"@type": "WebPage"},'
        '{"@type": ["NewsArticle"], "datePublished": "2026-01-05T09:00:00Z",'
        '"author": [{"@type": "Person", "name": "Ritu Sharma"}, {"name": "Dev Anand Rao"}]}]}'
        "</script>"
    )
    article = extract_article(page(head))
    assert article.published_at == datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
    assert article.date_source == "JSON-LD datePublished"
    assert article.authors == ["Ritu Sharma", "Dev Anand Rao"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-01-05", datetime(2026, 1, 4, 18, 30, tzinfo=UTC)),  # midnight in India
        ("2026-01-05T10:00:00", datetime(2026, 1, 5, 4, 30, tzinfo=UTC)),  # naive: India time
        ("2026-01-05T10:00:00+00:00", datetime(2026, 1, 5, 10, 0, tzinfo=UTC)),
    ],
)
def test_dates_without_a_zone_are_read_as_india_time(value, expected):
    head = f'<meta property="article:published_time" content="{value}">'
    assert extract_article(page(head)).published_at == expected


def test_a_page_with_no_date_anywhere_has_none():
    assert extract_article(page()).published_at is None


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("By Farhan Qureshi and Meera Iyer", ["Farhan Qureshi", "Meera Iyer"]),
        ("Written by Ritu Sharma, Dev Rao & Sana Khan", ["Ritu Sharma", "Dev Rao", "Sana Khan"]),
        ("Ritu Sharma | https://example.com/ritu", ["Ritu Sharma"]),
        ("Updated 12 March 2026", []),
        ("", []),
    ],
)
def test_bylines_are_split_into_names(byline, names):
    assert split_names(byline) == names


def test_a_list_later_in_the_story_stays_in_the_body_and_highlights_come_from_sentences():
    listing = "<ul><li>Ventilated front seats</li><li>Six airbags as standard</li></ul>"
    article = extract_article(page(article=PARAGRAPHS + listing))
    assert article.highlights_source == "the article's first sentences"
    assert article.highlights[1].startswith("Prices start at Rs 8.49 lakh (ex-showroom)")
    assert "<li>Six airbags as standard</li>" in article.body[-1]["value"]


def test_a_labelled_list_at_the_top_becomes_the_highlights_and_leaves_the_body():
    top = "<p>Highlights</p><ul><li>Larger 10.25-inch touchscreen</li><li>Six airbags</li></ul>"
    article = extract_article(page(before=top))
    assert article.highlights == ["Larger 10.25-inch touchscreen", "Six airbags"]
    assert "touchscreen</li>" not in str(article.body)
    assert "Highlights" not in str(article.body)


def test_links_point_at_the_original_site_or_lose_only_their_tag():
    links = (
        '<p>Read our <a href="/reviews/compact-suv-road-test/">full road test</a>, write to '
        '<a href="mailto:desk@roadpulse.example">the desk</a> or <a href="#top">go up</a>, '
        "and ignore <a href=\"javascript:alert('x')\">this offer</a> completely.</p>"
    )
    canonical = '<link rel="canonical" href="https://www.roadpulse.example/news/suv/">'
    body = str(extract_article(page(canonical, PARAGRAPHS + links)).body)
    assert 'href="https://www.roadpulse.example/reviews/compact-suv-road-test/"' in body
    assert 'href="mailto:desk@roadpulse.example"' in body
    assert "go up" in body
    assert "#top" not in body
    assert "this offer" in body
    assert "javascript" not in body

    without_canonical = str(extract_article(page(article=PARAGRAPHS + links)).body)
    assert "full road test" in without_canonical
    assert "/reviews/" not in without_canonical


def test_the_same_article_in_a_different_page_gives_the_same_fingerprint():
    first = extract_article(page())
    second = extract_article(page().replace(b"Copyright RoadPulse", b"Other footer entirely"))
    assert first.fingerprint == second.fingerprint
    changed = extract_article(page().replace(b"Rs 21,000", b"Rs 25,000"))
    assert changed.fingerprint != first.fingerprint


def test_windows_1252_pages_are_decoded():
    words = "Chennai\u2019s showroom caf\u00e9"  # both characters differ in cp1252 and UTF-8
    raw = page(article=PARAGRAPHS.replace("Chennai", words)).decode()
    article = extract_article(raw.encode("cp1252"))
    assert words in str(article.body)


@pytest.mark.parametrize(
    ("raw", "message"),
    [(b"", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"), (b"x" * (11 * 2**20), "10 MB")],
)
def test_unusable_files_are_refused_with_a_reason(raw, message):
    with pytest.raises(ExtractionError, match=message):
        decode_html(raw)
