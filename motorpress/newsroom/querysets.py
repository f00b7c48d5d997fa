"""Named querysets for article listings, each with its prefetches written once."""

from django.db.models import Prefetch

from motorpress.core.querysets import OneQueryPublicPageQuerySet


class ArticlePageQuerySet(OneQueryPublicPageQuerySet):
    def published(self):
        return self.live().public()

    def in_edition(self, language_code: str | None = None):
        """Stories of one edition (the active language's by default): each edition's listings,
        rails and feeds hold only its own language. No query: locale ids are cached."""
        from motorpress.core.editions import locale_id

        return self.filter(locale_id=locale_id(language_code))

    def newest_first(self):
        return self.order_by("-first_published_at", "-pk")

    def with_bylines(self):
        from motorpress.newsroom.models import ArticleAuthor

        return self.prefetch_related(
            Prefetch(
                "article_authors",
                queryset=ArticleAuthor.objects.select_related("author").order_by("sort_order"),
            )
        )

    def with_tested_figures(self):
        from motorpress.newsroom.models import ReviewTest

        return self.prefetch_related(
            Prefetch(
                "tests",
                queryset=ReviewTest.objects.select_related("variant__vehicle_model__make"),
            )
        )

    def with_tags(self):
        from motorpress.newsroom.models import ArticleTag

        return self.prefetch_related(
            Prefetch(
                "tagged_items", queryset=ArticleTag.objects.select_related("tag").order_by("pk")
            )
        )

    def for_syndication(self):
        """What feeds and the API show of a story: all but the body, in four queries."""
        return self.defer("body").with_bylines().with_hero_renditions().with_tags()

    def with_hero_renditions(self):
        """The hero image joined in and all its renditions in one more query.

        Wagtail's rendition lookup reads a prefetched `renditions` list before the database,
        so no card or lead story fetches its own.
        """
        return self.select_related("hero_image").prefetch_related("hero_image__renditions")

    def for_links(self):
        """Title, URL, date and read time only: related-story lists."""
        return self.published().newest_first().defer_streamfields()

    def for_rail(self):
        """What a Latest News rail item needs: byline, date, title, teaser, read time."""
        return self.published().newest_first().defer_streamfields().with_bylines()

    def for_cards(self):
        """Listing cards: the rail's fields plus a thumbnail."""
        return self.for_rail().with_hero_renditions()
