from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from motorpress.core.editions import page_alternates
from motorpress.core.images import distinct_widths
from motorpress.core.pages import AtomicPublishMixin, OneQueryViewRestrictionsMixin
from motorpress.core.readtime import read_time_minutes
from motorpress.core.unicode import nfc, nfc_stream
from motorpress.newsroom.blocks import ArticleBodyBlock, HighlightsBlock
from motorpress.newsroom.querysets import ArticlePageQuerySet

HERO_IMAGE_SPECS = ("width-480", "width-800", "width-1200")


class ArticleKind(models.TextChoices):
    NEWS = "news", _("News")
    LAUNCH = "launch", _("Launch")
    OFFERS = "offers", _("Offers and discounts")
    PREVIEW = "preview", _("What to expect")
    SALES = "sales", _("Sales figures")
    MILESTONE = "milestone", _("Milestone")
    COMPARISON = "comparison", _("Comparison")
    REVIEW = "review", _("Review")
    FIRST_RIDE = "first_ride", _("First ride")
    FIRST_DRIVE = "first_drive", _("First drive")
    ROAD_TEST = "road_test", _("Road test")
    LONG_TERM_REVIEW = "long_term_review", _("Long-term review")
    FEATURE = "feature", _("Feature")

    @classmethod
    def review_kinds(cls):
        return [cls.REVIEW, cls.FIRST_RIDE, cls.FIRST_DRIVE, cls.ROAD_TEST, cls.LONG_TERM_REVIEW]


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "newsroom.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ArticleAuthor(Orderable):
    """One byline on an article; the order is the byline order."""

    article = ParentalKey(
        "newsroom.ArticlePage", on_delete=models.CASCADE, related_name="article_authors"
    )
    author = models.ForeignKey("newsroom.Author", on_delete=models.PROTECT, related_name="+")

    panels = [FieldPanel("author")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(fields=["article", "author"], name="unique_article_author")
        ]


class ArticlePage(AtomicPublishMixin, OneQueryViewRestrictionsMixin, Page):
    """A story of any kind: news, launch, review, road test and the rest."""

    kind = models.CharField(max_length=20, choices=ArticleKind.choices, default=ArticleKind.NEWS)
    teaser = models.TextField(
        max_length=300, help_text="One or two sentences shown on cards, rails and feeds."
    )
    highlights = StreamField(HighlightsBlock(), min_num=1, max_num=5)
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = StreamField(ArticleBodyBlock())
    tags = ClusterTaggableManager(through=ArticleTag, blank=True)
    vehicles = ParentalManyToManyField(
        "catalogue.VehicleModel",
        blank=True,
        related_name="articles",
        help_text="Vehicles this story is about; it is listed on their pages.",
    )
    makes = ParentalManyToManyField("catalogue.Make", blank=True, related_name="articles")
    read_time_minutes = models.PositiveSmallIntegerField(default=1, editable=False)

    objects = PageManager.from_queryset(ArticlePageQuerySet)()

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("teaser"),
        FieldPanel("highlights"),
        InlinePanel("article_authors", label="Authors", min_num=1),
        FieldPanel("hero_image"),
        FieldPanel("body"),
        InlinePanel(
            "tests",
            label="Tested figures (reviews and road tests)",
            max_num=1,
            help_text="What we measured: shown beside the maker's claims.",
        ),
        MultiFieldPanel(
            [FieldPanel("vehicles"), FieldPanel("makes")],
            heading="Vehicles and makes",
            help_text="Saving suggests vehicles that the text names.",
        ),
    ]
    promote_panels = [*Page.promote_panels, FieldPanel("tags")]
    settings_panels = [
        MultiFieldPanel(
            [FieldPanel("first_published_at")],
            heading="Dates",
            help_text="Leave empty to use the moment of first publication.",
        ),
        *Page.settings_panels,
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("teaser"),
        index.SearchField("body"),
        # The vehicles' catalogue names, so "e-access" typed in Latin letters finds a Hindi
        # story that spells it ई-एक्सेस but is attached to the model.
        index.RelatedFields(
            "vehicles",
            [index.SearchField("name"), index.RelatedFields("make", [index.SearchField("name")])],
        ),
        index.FilterField("kind"),
    ]

    parent_page_types = ["newsroom.SectionPage"]
    subpage_types = []

    class Meta:
        indexes = [models.Index(fields=["kind"])]

    def save(self, *args, **kwargs):
        # One spelling for one word: Devanagari typed with a precomposed nukta (U+095B) or
        # as letter + nukta is stored the same way, so search and dedupe see one word.
        self.title, self.teaser = nfc(self.title), nfc(self.teaser)
        self.highlights = nfc_stream(self.highlights)
        self.body = nfc_stream(self.body)
        self.read_time_minutes = read_time_minutes(self.plain_text())
        return super().save(*args, **kwargs)

    def plain_text(self) -> str:
        """The words a reader reads in the body, without markup."""
        parts = []
        for block in self.body:
            if block.block_type == "paragraph":
                parts.append(strip_tags(block.value.source))
            elif block.block_type == "heading":
                parts.append(block.value)
            elif block.block_type == "quote":
                parts.extend([block.value["text"], block.value["attribution"] or ""])
            elif block.block_type == "image":
                parts.append(block.value["caption"] or "")
            elif block.block_type == "compare_table":
                parts.append(block.value["heading"] or "")
            elif block.block_type == "claim":
                parts.append(block.value["comment"] or "")
        return "\n".join(parts)

    @property
    def is_review(self) -> bool:
        return self.kind in ArticleKind.review_kinds()

    @property
    def highlight_texts(self) -> list[str]:
        return [block.value for block in self.highlights]

    @property
    def authors(self) -> list:
        """Bylines in order; uses the prefetched rows when the queryset provided them."""
        return [row.author for row in self.article_authors.all()]

    @property
    def section_url(self) -> str:
        """The section listing this story sits in, derived from its URL (no query)."""
        url = self.url or ""
        return url[: -len(self.slug) - 1] if url.endswith(f"{self.slug}/") else "/"

    def hero_renditions(self) -> list:
        """Hero image renditions, smallest first, fetched in one query; one per width (an image
        narrower than a spec is never enlarged, and a srcset may not name a width twice)."""
        if not self.hero_image_id:
            return []
        renditions = self.hero_image.get_renditions(*HERO_IMAGE_SPECS)
        return distinct_widths([renditions[spec] for spec in HERO_IMAGE_SPECS])

    def get_context(self, request, *args, **kwargs):
        from motorpress.newsroom import selectors, story_cache

        context = super().get_context(request, *args, **kwargs)
        context.update(
            story_cache.story_context(self, request, lambda: self._story_context(request))
        )
        # Lazy: the rail is a cached fragment, so most requests never build this queryset.
        context["latest_articles"] = SimpleLazyObject(
            lambda: selectors.latest_articles(exclude_id=self.pk)
        )
        return context

    def _story_context(self, request) -> dict:
        from motorpress.newsroom import selectors, structured_data

        hero = self.hero_renditions()
        share_image_url = hero[-1].url if hero else None
        tags = list(self.tags.all())
        vehicles = list(self.vehicles.select_related("make"))
        section = self.get_parent()  # one query, for the breadcrumb trail's middle step
        return {
            "alternates": page_alternates(self, request),
            "hero_renditions": hero,
            "share_image_url": share_image_url,
            "tags": tags,
            "vehicles": vehicles,
            "structured_data": structured_data.news_article(
                request,
                self,
                share_image_url,
                section_title=section.title if section else None,
                vehicles=vehicles,
            ),
            "related_articles": list(
                selectors.related_articles(article=self, tag_ids=[tag.pk for tag in tags])
            ),
        }
