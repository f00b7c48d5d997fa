"""Stories, sections and authors: /articles, /articles/{id}, /latest, /sections, /authors."""

from datetime import date

from django.utils import timezone, translation
from ninja import Path, Query, Router, Schema
from ninja.errors import HttpError
from pydantic import Field
from wagtail.rich_text import expand_db_html

from motorpress.api import schemas, selectors
from motorpress.api.cursors import InvalidCursor, decode_cursor, encode_cursor
from motorpress.api.references import (
    HERO_SPEC,
    absolute,
    api_url,
    make_ref,
    page_url,
    rendition_url,
    to_float,
    vehicle_ref,
)
from motorpress.api.schemas import DEFAULT_LANG, LANG_DESCRIPTION, SLUG, Lang
from motorpress.core.editions import edition_for
from motorpress.newsroom.models import ArticleKind

router = Router(tags=["articles"])

DEFAULT_LIMIT, MAX_LIMIT = 20, 100
AUTHOR_PHOTO_SPEC = "fill-160x160"
NOT_FOUND = {404: schemas.ErrorOut, 422: schemas.ValidationErrorOut}


class EditionQuery(Schema):
    lang: Lang = Field(DEFAULT_LANG, description=LANG_DESCRIPTION)


def edition_query(lang: str) -> dict:
    """The `lang` to carry into links to other lists: none for the default edition, so its
    links stay as they were before editions."""
    return {} if lang == DEFAULT_LANG else {"lang": lang}


class ArticleQuery(EditionQuery):
    section: str | None = Field(None, pattern=SLUG, max_length=80, description="Section slug.")
    kind: ArticleKind | None = None
    author: str | None = Field(None, pattern=SLUG, max_length=120, description="Author slug.")
    make: str | None = Field(
        None, pattern=SLUG, max_length=80, description="Make slug: stories about it or its models."
    )
    vehicle: str | None = Field(
        None,
        pattern=r"^[-a-zA-Z0-9_]+/[-a-zA-Z0-9_]+$",
        max_length=161,
        description="'<make>/<model>' slugs, e.g. suzuki/e-access.",
    )
    tag: str | None = Field(None, pattern=r"^[-\w]+$", max_length=100, description="Tag slug.")
    published_after: date | None = Field(None, description="On or after this day (India time).")
    published_before: date | None = Field(None, description="Before this day (India time).")
    cursor: str | None = Field(
        None, max_length=200, description="`next_cursor` of the previous page (opaque)."
    )
    limit: int = Field(
        DEFAULT_LIMIT,
        ge=1,
        le=MAX_LIMIT,
        description=f"Stories per page: {DEFAULT_LIMIT} by default, at most {MAX_LIMIT} "
        "(a larger value is refused with 422).",
    )

    def to_filters(self) -> selectors.ArticleFilters:
        return selectors.ArticleFilters(
            section=self.section,
            kind=self.kind,
            author=self.author,
            make=self.make,
            vehicle=tuple(self.vehicle.split("/")) if self.vehicle else None,
            tag=self.tag,
            published_after=self.published_after,
            published_before=self.published_before,
            lang=self.lang,
        )


def article_items(request, articles) -> list[schemas.ArticleItem]:
    """List items for these stories: their sections and translations read once for all."""
    sections = selectors.section_map()
    translations = selectors.translations_of(articles)
    return [
        schemas.ArticleItem(**_item_fields(request, article, sections, translations[article.pk]))
        for article in articles
    ]


def author_page_url(request, author, lang: str) -> str:
    """The author's page in an edition (/authors/x/, /hi/authors/x/)."""
    with translation.override(edition_for(lang).language_code):
        return absolute(request, author.get_absolute_url())


def _item_fields(request, article, sections, translations) -> dict:
    section = selectors.section_of(article, sections)
    lang = selectors.lang_of(article)
    return {
        "id": article.pk,
        "url": page_url(request, article),
        "api_url": api_url(request, "article", article_id=article.pk),
        "lang": lang,
        "translations": [
            schemas.TranslationRef(
                lang=selectors.lang_of(translation),
                id=translation.pk,
                url=page_url(request, translation),
            )
            for translation in translations
        ],
        "title": article.title,
        "slug": article.slug,
        "kind": article.kind,
        "kind_label": article.get_kind_display(),
        "section": schemas.SectionRef(
            slug=section.slug, title=section.title, url=page_url(request, section)
        )
        if section
        else None,
        "teaser": article.teaser,
        "highlights": article.highlight_texts,
        "authors": [
            schemas.AuthorRef(
                name=author.name, slug=author.slug, url=author_page_url(request, author, lang)
            )
            for author in article.authors
        ],
        "tags": [
            schemas.TagOut(name=item.tag.name, slug=item.tag.slug)
            for item in article.tagged_items.all()
        ],
        "published": timezone.localtime(article.first_published_at),
        "updated": timezone.localtime(article.last_published_at)
        if article.last_published_at
        else None,
        "read_time_minutes": article.read_time_minutes,
        "image": rendition_url(request, article.hero_image, HERO_SPEC),
    }


@router.get(
    "/articles",
    response={200: schemas.ArticleList, 400: schemas.ErrorOut, 422: schemas.ValidationErrorOut},
    url_name="articles",
    summary="Published stories, newest first, with filters and cursor pagination",
)
def list_articles(request, query: Query[ArticleQuery]):
    after = None
    if query.cursor is not None:
        try:
            after = decode_cursor(query.cursor)
        except InvalidCursor as error:
            raise HttpError(400, f"Invalid cursor: {error} Start again without one.") from None
    articles, more = selectors.article_page(
        filters=query.to_filters(), after=after, limit=query.limit
    )
    next_cursor = next_url = None
    if more:
        last = articles[-1]
        next_cursor = encode_cursor(last.first_published_at, last.pk)
        params = request.GET.copy()
        params["cursor"] = next_cursor
        next_url = absolute(request, f"{request.path}?{params.urlencode()}")
    return schemas.ArticleList(
        items=article_items(request, articles),
        limit=query.limit,
        next_cursor=next_cursor,
        next=next_url,
    )


@router.get(
    "/latest",
    response={200: schemas.LatestList, 422: schemas.ValidationErrorOut},
    url_name="latest",
    summary=f"The newest {selectors.LATEST_SIZE} stories of an edition",
)
def latest(request, query: Query[EditionQuery]):
    articles = selectors.latest_articles(lang=query.lang)
    return schemas.LatestList(items=article_items(request, articles))


def _block_value(request, block):
    """A body block as JSON: Wagtail's API representation, with display HTML for paragraphs,
    URLs for images and compare slugs for compare tables."""
    value = block.value
    match block.block_type:
        case "paragraph":
            return expand_db_html(value.source)
        case "image":
            image = value["image"]
            return {
                "image": {
                    "id": image.pk,
                    "url": rendition_url(request, image, HERO_SPEC),
                    "alt": image.description or image.title,
                }
                if image
                else None,
                "caption": value["caption"],
            }
        case "compare_table":
            slugs = [model.compare_slug for model in value["vehicles"] if model is not None]
            return {
                "heading": value["heading"],
                "vehicles": slugs,
                "api_url": api_url(request, "compare", query={"vehicles": slugs}),
            }
    return block.block.get_api_representation(value)


def _tested(request, article) -> schemas.TestedFigures | None:
    test = next(iter(article.tests.all()), None)
    if test is None:
        return None
    variant = test.variant
    return schemas.TestedFigures(
        variant=schemas.TestedVariant(
            vehicle=vehicle_ref(request, variant.vehicle_model),
            name=variant.name,
            slug=variant.slug,
        ),
        distance_km=test.distance_km,
        real_world_range_km=to_float(test.real_world_range_km),
        claimed_range_km=to_float(variant.claimed_range_km),
        range_gap_percent=to_float(test.range_gap_percent),
        efficiency=to_float(test.efficiency),
        efficiency_unit=test.efficiency_unit,
        zero_to_100_s=to_float(test.zero_to_100_s),
        zero_to_60_s=to_float(test.zero_to_60_s),
        top_speed_kmph=test.top_speed_kmph,
        conditions=test.conditions,
        temperature_c=test.temperature_c,
        load=test.load,
        pros=test.pro_list,
        cons=test.con_list,
        verdict=test.verdict,
        rating=to_float(test.rating),
        is_demo=test.is_demo,
    )


@router.get(
    "/articles/{article_id}",
    response={200: schemas.ArticleDetail, **NOT_FOUND},
    url_name="article",
    summary="One published story with its body, vehicles and tested figures",
)
def get_article(request, article_id: int = Path(..., ge=1, le=2**31 - 1)):
    article = selectors.article_detail(article_id=article_id)
    sections = selectors.section_map()
    translations = selectors.translations_of([article])[article.pk]
    body_html = article.body.render_as_block(context={"request": request, "page": article})
    return schemas.ArticleDetail(
        **_item_fields(request, article, sections, translations),
        body_html=str(body_html),
        body=[
            schemas.BodyBlock(
                id=block.id, type=block.block_type, value=_block_value(request, block)
            )
            for block in article.body
        ],
        vehicles=[vehicle_ref(request, model) for model in selectors.article_vehicles(article)],
        makes=[make_ref(request, make) for make in selectors.article_makes(article)],
        tested=_tested(request, article),
    )


@router.get(
    "/sections",
    response={200: schemas.SectionList, 422: schemas.ValidationErrorOut},
    url_name="sections",
)
def list_sections(request, query: Query[EditionQuery]):
    lang = query.lang
    return schemas.SectionList(
        items=[
            schemas.SectionOut(
                slug=section.slug,
                title=section.title,
                intro=section.intro,
                url=page_url(request, section),
                articles_url=api_url(
                    request, "articles", query={"section": section.slug, **edition_query(lang)}
                ),
            )
            for section in selectors.public_sections(lang=lang)
        ]
    )


def _author_fields(request, author, lang: str = DEFAULT_LANG) -> dict:
    return {
        "name": author.name,
        "slug": author.slug,
        "role": author.role,
        "bio": author.bio,
        "website": author.website,
        "photo": rendition_url(request, author.photo, AUTHOR_PHOTO_SPEC),
        "url": author_page_url(request, author, lang),
        "api_url": api_url(request, "author", slug=author.slug, query=edition_query(lang)),
        "articles_url": api_url(
            request, "articles", query={"author": author.slug, **edition_query(lang)}
        ),
    }


@router.get("/authors", response=schemas.AuthorList, url_name="authors")
def list_authors(request):
    return schemas.AuthorList(
        items=[schemas.AuthorOut(**_author_fields(request, a)) for a in selectors.authors()]
    )


@router.get(
    "/authors/{slug}",
    response={200: schemas.AuthorDetail, **NOT_FOUND},
    url_name="author",
    summary="An author and their newest stories",
)
def get_author(
    request, query: Query[EditionQuery], slug: str = Path(..., pattern=SLUG, max_length=120)
):
    lang = query.lang
    author = selectors.author_by_slug(slug=slug)
    return schemas.AuthorDetail(
        **_author_fields(request, author, lang),
        latest=article_items(request, selectors.author_latest(author=author, lang=lang)),
    )
