from django.db import models
from django.http import Http404, HttpResponse
from django.utils.functional import SimpleLazyObject
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page, PageManager
from wagtail.url_routing import RouteResult

from motorpress.core.editions import page_alternates
from motorpress.core.pages import AtomicPublishMixin, OneQueryViewRestrictionsMixin
from motorpress.core.pagination import story_page, story_page_or_response
from motorpress.core.querysets import OneQueryPublicPageQuerySet
from motorpress.newsroom import story_cache


class HomePage(AtomicPublishMixin, OneQueryViewRestrictionsMixin, Page):
    """The front page: lead story, the Latest News rail, a reviews strip."""

    lead_story = models.ForeignKey(
        "newsroom.ArticlePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Leave empty to lead with the newest story.",
    )
    tagline = models.CharField(max_length=200, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("tagline"), FieldPanel("lead_story")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["newsroom.SectionPage", "newsroom.StandardPage"]

    @property
    def localized(self):
        """This home page's live translation in the active edition, else itself.

        Wagtail asks for it on every page served (`site.root_page.localized`), at two queries a
        time; the edition's home is cached under the site generation, which publishing or
        unpublishing any home page moves on.
        """
        from motorpress.core.cache import cached_fragment, site_generation
        from motorpress.core.editions import locale_id

        wanted = locale_id()
        if wanted is None or wanted == self.locale_id:
            return self
        home = cached_fragment(
            f"motorpress:edition-home:{site_generation()}:{self.translation_key}:{wanted}",
            lambda: (
                HomePage.objects.live()
                .filter(translation_key=self.translation_key, locale_id=wanted)
                .first()
                or False
            ),
        )
        return home or self

    def route(self, request, path_components):
        """Resolve `/<section>/<slug>/` in one query instead of walking the tree level by level."""
        from motorpress.core.editions import locale_id
        from motorpress.newsroom.models import ArticlePage

        if locale_id() != self.locale_id:
            # An edition without a home page of its own: /hi/… is not the English site.
            raise Http404("This edition has no home page.")
        if len(path_components) == 2 and all(path_components):
            url_path = f"{self.url_path}{'/'.join(path_components)}/"
            article = story_cache.article_at(
                url_path,
                lambda: (
                    ArticlePage.objects.live()
                    .with_bylines()
                    .with_tested_figures()
                    .select_related("hero_image", "locale")
                    .filter(url_path=url_path)
                    .first()
                ),
            )
            if article is not None:
                return RouteResult(article)
            # Not a story: a standing page's child (/about/team/) is found the tree's way.
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        from motorpress.newsroom import selectors, structured_data

        context = super().get_context(request, *args, **kwargs)
        context["alternates"] = page_alternates(self, request)
        context["structured_data"] = structured_data.website(request)
        # Read only when the template's cached lead block is missing (after a publish).
        context["lead_story"] = SimpleLazyObject(lambda: selectors.lead_story(home=self))
        # The front page's rail is the plain chronological feed, lead story included.
        context["latest_articles"] = selectors.latest_articles()
        context["reviews"] = selectors.review_strip()
        return context


class SectionPage(AtomicPublishMixin, OneQueryViewRestrictionsMixin, Page):
    """A section (News, Reviews, Comparisons, Features) listing its stories, newest first."""

    intro = models.CharField(max_length=300, blank=True)

    objects = PageManager.from_queryset(OneQueryPublicPageQuerySet)()

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["newsroom.HomePage"]
    subpage_types = ["newsroom.ArticlePage"]

    def serve(self, request, *args, **kwargs):
        from motorpress.newsroom import selectors

        # A deep ?page=N redirects and a forged cursor is a 400: decided before rendering.
        page_obj = story_page_or_response(request, selectors.section_articles(section=self))
        if isinstance(page_obj, HttpResponse):
            return page_obj
        request.story_page = page_obj
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from motorpress.newsroom import selectors

        context = super().get_context(request, *args, **kwargs)
        page_obj = getattr(request, "story_page", None)
        if page_obj is None:  # a preview: the first page
            page_obj = story_page(selectors.section_articles(section=self), {})
        context["page_obj"] = page_obj
        context["alternates"] = page_alternates(self, request)
        return context
