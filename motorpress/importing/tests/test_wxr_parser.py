"""The export reader, shortcodes and body conversion, without the database; and a 100,000-item
export read with flat memory."""

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from motorpress.importing.body import sentences
from motorpress.importing.shortcodes import EmbedRef, ImageRef, split_content
from motorpress.importing.wxr import WxrAuthor, WxrError, WxrReader

FIXTURES = Path(__file__).parent / "fixtures" / "wxr"
REPO_ROOT = Path(__file__).resolve().parents[3]


def test_the_reader_yields_authors_posts_and_attachments_with_their_fields():
    reader = WxrReader(FIXTURES / "autowire-export.xml")
    records = list(reader.records())
    authors = [r for r in records if isinstance(r, WxrAuthor)]
    items = [r for r in records if not isinstance(r, WxrAuthor)]
    assert [a.login for a in authors] == ["priya", "arjun", "kavya", "rohit"]
    assert reader.base_site_url == "https://autowire.example"
    types = [item.post_type for item in items]
    assert (types.count("post"), types.count("attachment"), types.count("page")) == (30, 5, 1)
    nexon = next(item for item in items if item.post_id == "101")
    assert nexon.date_gmt == "2026-01-14 04:30:00"
    assert nexon.meta["_thumbnail_id"] == "201"
    assert [c.slug for c in nexon.categories if c.domain == "post_tag"] == ["ev", "suv", "tata"]
    # Blank lines in the content survive: they are what marks WordPress paragraphs.
    assert "\n\nPrices start" in nexon.content


def test_caption_embed_image_and_other_shortcodes():
    segments = split_content(
        'Intro\n[caption id="attachment_7" width="800"]<img class="wp-image-7" '
        'src="https://old.example/wp-content/uploads/a-300x200.jpg" alt="A car"> On the road'
        "[/caption]\n[embed]https://www.youtube.com/watch?v=abc[/embed]\n"
        "https://www.youtube.com/watch?v=def\n"
        '[gallery ids="1,2"] [button url="x"]Book now[/button] [[escaped]]'
    )
    assert segments.parts[0] == "Intro\n"
    assert segments.parts[1] == ImageRef(
        attachment_id="7",
        url="https://old.example/wp-content/uploads/a-300x200.jpg",
        alt="A car",
        caption="On the road",
    )
    assert EmbedRef("https://www.youtube.com/watch?v=abc") in segments.parts
    assert EmbedRef("https://www.youtube.com/watch?v=def") in segments.parts
    assert "Book now" in segments.parts[-1]
    assert "[[escaped]]" in segments.parts[-1]
    assert "[gallery] shortcode dropped" in segments.notes
    assert "[button] shortcode dropped" in segments.notes


def test_sentences_split_on_latin_and_devanagari_full_stops():
    assert sentences("पहला वाक्य। दूसरा वाक्य। तीसरा।", 2) == ["पहला वाक्य।", "दूसरा वाक्य।"]
    assert sentences("<p>Range is 489 km. Price is Rs 14 lakh!</p>", 5) == [
        "Range is 489 km.",
        "Price is Rs 14 lakh!",
    ]


def test_an_unresolved_entity_is_a_clear_error_not_an_expansion(tmp_path):
    export = tmp_path / "entity.xml"
    export.write_text(
        '<?xml version="1.0"?><rss xmlns:wp="http://wordpress.org/export/1.2/"><channel>'
        "<item><title>&nbsp;</title></item></channel></rss>"
    )
    with pytest.raises(WxrError, match=r"broken XML at line 1"):
        list(WxrReader(export).items())


ITEM = (
    "<item><title>Story {n}</title><link>https://big.example/2026/01/story-{n}/</link>"
    "<dc:creator>desk</dc:creator><content:encoded><![CDATA[<p>Body of story {n}, "
    "with a few words so the file is not trivially small.</p>]]></content:encoded>"
    "<wp:post_id>{n}</wp:post_id><wp:post_date_gmt>2026-01-01 00:00:00</wp:post_date_gmt>"
    "<wp:post_name>story-{n}</wp:post_name><wp:status>publish</wp:status>"
    "<wp:post_type>post</wp:post_type></item>\n"
)

MEASURE = textwrap.dedent(
    """
    import re, sys, time
    from pathlib import Path
    from motorpress.importing.wxr import WxrReader

    def peak_kb():
        # VmHWM is this process's own peak (ru_maxrss would include the forking parent's).
        status = Path("/proc/self/status").read_text()
        return int(re.search(r"VmHWM:\\s+(\\d+)", status).group(1))

    baseline = peak_kb()
    started = time.perf_counter()
    count = sum(1 for item in WxrReader(sys.argv[1]).items() if item.post_type == "post")
    seconds = time.perf_counter() - started
    print(count, baseline, peak_kb() - baseline, round(seconds, 1))
    """
)


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads peak RSS from /proc")
def test_a_100k_item_export_streams_with_bounded_memory(tmp_path):
    export = tmp_path / "big.xml"
    with export.open("w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel><title>Big</title>\n'
        )
        for start in range(0, 100_000, 1000):
            out.write("".join(ITEM.format(n=n) for n in range(start, start + 1000)))
        out.write("</channel></rss>\n")
    size_mb = export.stat().st_size / 1024 / 1024
    assert size_mb > 40
    # A fresh interpreter, so the peak is this parse's alone (lxml's C memory counts in RSS).
    result = subprocess.run(
        [sys.executable, "-c", MEASURE, str(export)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO_ROOT,
        check=True,
    )
    count, baseline_kb, rss_growth_kb, seconds = result.stdout.split()
    assert int(count) == 100_000
    # Holding the parsed tree would take several times the file's size (hundreds of MB);
    # streaming holds one item at a time. Peak RSS is counted by the kernel, lxml's C heap too.
    assert int(rss_growth_kb) < 30 * 1024, result.stdout
    print(
        f"100k items, {size_mb:.0f} MB: {seconds} s, peak RSS {baseline_kb} KiB after imports "
        f"+ {rss_growth_kb} KiB while parsing"
    )
