"""Factories for newsroom tests: authors, images and published articles."""

from datetime import timedelta

import factory
import wagtail_factories
from django.utils import timezone
from django.utils.text import slugify

from motorpress.newsroom.models import Author
from motorpress.newsroom.services import article_create

WORD = "torque "


class ImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Test image {n}")


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Test Writer {n}")
    slug = factory.LazyAttribute(lambda obj: slugify(obj.name))
    role = "Correspondent"
    bio = "Writes test stories."


_counter = iter(range(1, 10**9))
# Stories made later in a test are newer, a minute apart, and all in the past.
_EPOCH = timezone.now() - timedelta(days=30)


def create_article(
    section,
    *,
    title: str | None = None,
    slug: str | None = None,
    kind: str = "news",
    authors=None,
    words: int = 300,
    body: list[dict] | None = None,
    highlights=("First highlight.", "Second highlight."),
    tags=("launch",),
    hero_image=None,
    published_at=None,
    publish: bool = True,
    translation_of=None,
    vehicles=(),
):
    """A published article with `words` words of body text, one author and a date."""
    number = next(_counter)
    title = title or f"Test story number {number}"
    if body is None:
        body = [{"type": "paragraph", "value": f"<p>{(WORD * words).strip()}</p>"}]
    return article_create(
        section=section,
        title=title,
        slug=slug or slugify(title),
        kind=kind,
        teaser=f"Teaser for {title}.",
        highlights=list(highlights),
        body=body,
        authors=authors or [AuthorFactory()],
        tags=list(tags),
        hero_image=hero_image,
        first_published_at=published_at or _EPOCH + timedelta(minutes=number),
        publish=publish,
        translation_of=translation_of,
        vehicles=vehicles,
    )
