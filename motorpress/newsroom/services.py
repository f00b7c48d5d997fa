"""Writes for the newsroom: the site's page structure and articles. Each runs in a transaction."""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page, Site

from motorpress.newsroom.blocks import ArticleBodyBlock, HighlightsBlock, StandingPageBodyBlock
from motorpress.newsroom.models import (
    ArticleAuthor,
    ArticlePage,
    Author,
    HomePage,
    SectionPage,
    StandardPage,
)

SECTIONS = [
    ("news", "News", "Launches, offers, sales and the industry, as it happens."),
    ("reviews", "Reviews", "Road tests, first rides and drives, and long-term reports."),
    ("comparisons", "Comparisons", "Vehicles side by side: specifications, features, prices."),
    ("features", "Features", "Explainers and buying guides."),
]


@dataclass
class SiteStructure:
    home: HomePage
    sections: dict[str, SectionPage]


@transaction.atomic
def site_structure_ensure(*, hostname: str = "localhost", port: int = 80) -> SiteStructure:
    """Create the home page, the four sections and the default Site if they are missing."""
    Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
    default_locale = Locale.get_default()
    home = HomePage.objects.filter(locale=default_locale).first()
    if home is None:
        # Wagtail's migrations leave a placeholder welcome page; a fresh site replaces it.
        for placeholder in root.get_children().filter(slug="home"):
            if placeholder.specific_class is Page and not placeholder.get_children().exists():
                placeholder.delete()
        home = root.add_child(
            instance=HomePage(
                title=settings.WAGTAIL_SITE_NAME,
                slug="home",
                tagline="Automotive news, launches, reviews and road tests",
            )
        )
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname=hostname,
            port=port,
            root_page=home,
            is_default_site=True,
            site_name=settings.WAGTAIL_SITE_NAME,
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = settings.WAGTAIL_SITE_NAME
        site.save()
    sections = {}
    for slug, title, intro in SECTIONS:
        section = SectionPage.objects.child_of(home).filter(slug=slug).first()
        if section is None:
            section = home.add_child(instance=SectionPage(title=title, slug=slug, intro=intro))
        sections[slug] = section
    return SiteStructure(home=home, sections=sections)


@transaction.atomic
def edition_structure_ensure(
    *,
    default: SiteStructure,
    language_code: str,
    home_title: str,
    tagline: str,
    sections: dict[str, tuple[str, str]],
) -> SiteStructure:
    """Create another edition's home page and sections as translations of the default ones.

    `sections` maps a default section's slug to its (title, intro) in the edition. Slugs stay
    the same, so /news/ is /hi/news/ in Hindi. Existing pages are left as editors made them.
    """
    locale, _ = Locale.objects.get_or_create(language_code=language_code)
    home = _translation(default.home, locale, title=home_title, tagline=tagline)
    edition_sections = {}
    for slug, (title, intro) in sections.items():
        edition_sections[slug] = _translation(
            default.sections[slug], locale, title=title, intro=intro
        )
    return SiteStructure(home=home, sections=edition_sections)


def _translation(page, locale: Locale, **fields):
    """`page`'s live translation into `locale`, created and published with `fields` if missing."""
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    translated = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated


def body_from_blocks(blocks: list[dict]):
    """A body StreamValue from raw blocks: [{"type": "paragraph", "value": "<p>…</p>"}, …]."""
    return ArticleBodyBlock().to_python(blocks)


def highlights_from_texts(texts: list[str]):
    return HighlightsBlock().to_python([{"type": "highlight", "value": text} for text in texts])


@transaction.atomic
def article_create(
    *,
    section: SectionPage,
    title: str,
    slug: str,
    kind: str,
    teaser: str,
    highlights: list[str],
    body: list[dict],
    authors: list[Author],
    tags: list[str] = (),
    vehicles=(),
    makes=(),
    hero_image=None,
    first_published_at: datetime | None = None,
    publish: bool = True,
    translation_of: ArticlePage | None = None,
) -> ArticlePage:
    """Create an article under `section` (published unless `publish` is false); with
    `translation_of`, as that story's translation into the section's edition."""
    if not authors:
        raise ValidationError({"article_authors": "An article needs at least one author."})
    article = ArticlePage(
        title=title,
        slug=slug,
        kind=kind,
        teaser=teaser,
        highlights=highlights_from_texts(highlights),
        body=body_from_blocks(body),
        hero_image=hero_image,
        first_published_at=first_published_at,
        live=False,
    )
    if translation_of is not None:
        article.translation_key = translation_of.translation_key
    for order, author in enumerate(authors):
        article.article_authors.add(ArticleAuthor(author=author, sort_order=order))
    if tags:
        article.tags.add(*tags)
    article.vehicles = list(vehicles)
    article.makes = list(makes)
    _add_and_publish(section, article, first_published_at if publish else None, publish)
    return article


def _add_and_publish(parent, page, first_published_at: datetime | None, publish: bool) -> None:
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
        if first_published_at is not None:
            # A page loaded from an archive was last changed when it was published.
            type(page).objects.filter(pk=page.pk).update(last_published_at=first_published_at)
            page.refresh_from_db()


@transaction.atomic
def standing_page_create(
    *,
    parent,
    title: str,
    slug: str,
    body: list[dict],
    first_published_at: datetime | None = None,
    publish: bool = True,
) -> StandardPage:
    """Create a standing page (About, Contact, …) under the home page or another one."""
    page = StandardPage(
        title=title,
        slug=slug,
        body=StandingPageBodyBlock().to_python(body),
        first_published_at=first_published_at,
        live=False,
    )
    _add_and_publish(parent, page, first_published_at, publish)
    return page
