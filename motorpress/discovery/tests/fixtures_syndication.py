"""Fixtures and helpers for the feed and sitemap tests (loaded with `pytest_plugins`)."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import feedparser
import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page, PageViewRestriction

from motorpress.catalogue.tests.factories import MakeFactory, VehicleModelFactory
from motorpress.newsroom.models import ArticlePage
from motorpress.newsroom.services import (
    article_create,
    edition_structure_ensure,
    highlights_from_texts,
    site_structure_ensure,
)
from motorpress.newsroom.tests.factories import AuthorFactory, ImageFactory

FORMATS = ("rss", "atom", "json")
_numbers = iter(range(1, 10**9))


@pytest.fixture
def site(db):
    """Home page, the four sections and the default Site."""
    return site_structure_ensure()


@pytest.fixture
def demo(db):
    """The shipped demo: 25 stories, the catalogue and the claims ledger."""
    call_command("load_demo_content", "--no-admin")


def story(section, *, title=None, age=timedelta(hours=1), publish=True, **kwargs):
    """A story published `age` ago (a negative age dates it in the future)."""
    number = next(_numbers)
    title = title or f"Syndicated story {number}"
    defaults = {
        "kind": "news",
        "teaser": f"Teaser for {title}.",
        "highlights": ["First highlight.", "Second highlight."],
        "body": [{"type": "paragraph", "value": "<p>torque torque torque</p>"}],
        "authors": [AuthorFactory()],
        "tags": ["ev"],
    }
    return article_create(
        section=section,
        title=title,
        slug=kwargs.pop("slug", None) or slugify(title)[:60] or f"story-{number}",
        first_published_at=timezone.now() - age,
        publish=publish,
        **{**defaults, **kwargs},
    )


@pytest.fixture
def newsroom(site):
    """Twelve stories, six in News and six in Reviews, all by Asha Verma, four also by Kabir
    Shah; six about the make Voltra (three through its model Spark). Plus what no machine may
    see: a draft, a story dated tomorrow, and a story in a private section (Features)."""
    writer = AuthorFactory(name="Asha Verma")
    co_writer = AuthorFactory(name="Kabir Shah")
    make = MakeFactory(name="Voltra", slug="voltra")
    model = VehicleModelFactory(make=make, name="Spark", slug="spark")
    image = ImageFactory(file__width=1600, file__height=900)  # wider than every rendition
    stories = [
        story(
            site.sections["news" if n % 2 else "reviews"],
            kind="news" if n % 2 else "review",
            authors=[writer, co_writer] if n % 3 == 0 else [writer],
            makes=[make] if n % 4 == 0 else [],
            vehicles=[model] if n % 4 == 1 else [],
            hero_image=image,
            tags=["ev", f"tag-{n}"],
            age=timedelta(hours=n + 1),
        )
        for n in range(12)
    ]
    hidden = [
        story(site.sections["news"], title="Draft story", publish=False, authors=[writer]),
        story(site.sections["news"], title="Future story", age=-timedelta(days=1), makes=[make]),
        story(site.sections["features"], title="Private story", authors=[writer], makes=[make]),
    ]
    PageViewRestriction.objects.create(
        page=site.sections["features"], restriction_type="password", password="secret"
    )
    return {
        "site": site,
        "writer": writer,
        "co_writer": co_writer,
        "make": make,
        "model": model,
        "stories": stories,
        "hidden": hidden,
    }


HINDI_SECTIONS = {
    "news": ("ख़बरें", "लॉन्च और उद्योग की ख़बरें।"),
    "reviews": ("रिव्यू", "रोड टेस्ट और फ़र्स्ट राइड।"),
    "comparisons": ("तुलना", "गाड़ियां आमने-सामने।"),
    "features": ("फ़ीचर", "समझाने वाले लेख।"),
}


def hindi_structure(site):
    """The Hindi edition's home and sections: translations of the English ones, at /hi/."""
    return edition_structure_ensure(
        default=site,
        language_code="hi",
        home_title="मोटरप्रेस हिन्दी",
        tagline="ऑटो ख़बरें",
        sections=HINDI_SECTIONS,
    )


@pytest.fixture
def editions(site):
    """Both editions, with a story in each language and one translated:

    - `translated`: an English news story and its Hindi translation (same slug), by Meera Iyer,
      about the make Ather;
    - `english_only` (Reviews) and `hindi_only` (Hindi Reviews), by the same writer and make.
    """
    hindi = hindi_structure(site)
    writer = AuthorFactory(name="Meera Iyer", slug="meera-iyer")
    make = MakeFactory(name="Ather", slug="ather")
    common = {"authors": [writer], "makes": [make]}
    original = story(
        site.sections["news"],
        title="Ather Rizta launched at Rs 1.1 lakh",
        slug="ather-rizta-launched",
        age=timedelta(hours=3),
        **common,
    )
    translated = story(
        hindi.sections["news"],
        title="एथर रिज़्टा 1.1 लाख रुपये में लॉन्च",
        slug="ather-rizta-launched",
        translation_of=original,
        age=timedelta(hours=2),
        **common,
    )
    english_only = story(
        site.sections["reviews"], title="Rizta long-term review", age=timedelta(hours=4), **common
    )
    hindi_only = story(
        hindi.sections["reviews"],
        title="एथर रिज़्टा का लंबा टेस्ट",
        slug="rizta-lamba-test",
        age=timedelta(hours=1),
        **common,
    )
    return {
        "site": site,
        "hindi": hindi,
        "writer": writer,
        "make": make,
        "original": original,
        "translated": translated,
        "english_only": english_only,
        "hindi_only": hindi_only,
    }


def parse_feed(content: bytes):
    """The feed parsed by feedparser, after checking the XML is well-formed."""
    ET.fromstring(content)
    parsed = feedparser.parse(content)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    return parsed


def sitemap_locations(response, namespace="http://www.sitemaps.org/schemas/sitemap/0.9"):
    root = ET.fromstring(response.content)
    return [node.text for node in root.iter(f"{{{namespace}}}loc")]


def stories_in_bulk(section, count: int, *, newest, step=timedelta(minutes=1)):
    """`count` live stories in `section`, dated `step` apart going back from `newest`.

    Publishing through article_create costs about a hundred queries a story, too slow for a
    thousand. The sitemaps read only the page tree, titles and dates, so the rows are written
    directly: the pages in one bulk insert, then each story's own row (raw, as fixtures load).
    """
    depth = section.depth + 1
    last = section.get_last_child()
    first_step = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
    content_type = ContentType.objects.get_for_model(ArticlePage)
    pages = []
    for n in range(count):
        moment = newest - step * n
        slug = f"bulk-{first_step + n}"
        pages.append(
            Page(
                title=f"Bulk story {first_step + n}",
                draft_title=f"Bulk story {first_step + n}",
                slug=slug,
                content_type=content_type,
                path=Page._get_path(section.path, depth, first_step + n),
                depth=depth,
                numchild=0,
                url_path=f"{section.url_path}{slug}/",
                live=True,
                first_published_at=moment,
                last_published_at=moment,
                locale_id=section.locale_id,
            )
        )
    Page.objects.bulk_create(pages)
    highlights = highlights_from_texts(["A highlight."])
    for page in pages:
        ArticlePage(page_ptr_id=page.pk, teaser="Bulk.", highlights=highlights, body=[]).save_base(
            raw=True, force_insert=True
        )
    Page.objects.filter(pk=section.pk).update(numchild=F("numchild") + count)
    return pages
