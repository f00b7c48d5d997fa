from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.search import index

from motorpress.core.editions import page_alternates
from motorpress.core.pages import AtomicPublishMixin, OneQueryViewRestrictionsMixin
from motorpress.core.querysets import OneQueryPublicPageQuerySet
from motorpress.newsroom.blocks import StandingPageBodyBlock


class StandardPage(AtomicPublishMixin, OneQueryViewRestrictionsMixin, Page):
    """A standing page of the site: About us, Contact, a policy. It may hold pages of its own
    (a policy's parts, a team page under About), as WordPress pages do."""

    intro = models.CharField(max_length=300, blank=True)
    body = StreamField(StandingPageBodyBlock(), blank=True)

    objects = PageManager.from_queryset(OneQueryPublicPageQuerySet)()

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["newsroom.HomePage", "newsroom.StandardPage"]
    subpage_types = ["newsroom.StandardPage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Its own live, public pages, in the tree's order: a contents list under the body.
        context["child_pages"] = StandardPage.objects.child_of(self).live().public()
        context["alternates"] = page_alternates(self, request)
        return context
