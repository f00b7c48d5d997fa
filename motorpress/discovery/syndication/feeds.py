"""Story feeds (latest, per section, per author, per make) for RSS, Atom and JSON Feed.

Built on django.contrib.syndication. A feed object is made per request, so it can keep the
request for absolute URLs; the format is the generator class it is given. Each edition has its
own feeds (/feeds/… English, /hi/feeds/… Hindi): only its stories, its language in the feed's
<language>, xml:lang or `language`, and links into the edition.
"""

import html
import mimetypes

from django.contrib.syndication.views import Feed
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext

from motorpress.catalogue.models import Make
from motorpress.core.editions import active_edition
from motorpress.discovery.syndication import selectors
from motorpress.discovery.syndication.text import story_language
from motorpress.newsroom.models import Author


class StoryFeed(Feed):
    """The edition's latest stories; subclasses narrow them to a section, author or make."""

    def __init__(self, request, feed_type):
        self.request = request
        self.feed_type = feed_type
        # Two letters, as RSS's <language> has always been written ("en", "hi").
        self.language = active_edition().short_code
        self.publication = selectors.publication_name(request)

    def absolute(self, url: str) -> str:
        return self.request.build_absolute_uri(url)

    # The feed
    def get_object(self, request, slug=None):
        return None

    def title(self, obj):
        return gettext("%(site)s: latest stories") % {"site": self.publication}

    def link(self, obj):
        return reverse("latest")

    def description(self, obj):
        return gettext("The newest automotive news, launches, reviews and road tests.")

    def stories(self, obj):
        return selectors.visible_articles(self.request)

    def items(self, obj):
        return selectors.feed_articles(self.stories(obj))

    # Each story
    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return item.get_url(request=self.request)

    def item_guid(self, item):
        return self.absolute(self.item_link(item))

    def item_guid_is_permalink(self, item):
        return True

    def item_description(self, item):
        # RSS descriptions and Atom summaries are HTML: the plain-text teaser is escaped once.
        return html.escape(item.teaser, quote=False)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.first_published_at

    def item_categories(self, item):
        tags = [tagged.tag.name for tagged in item.tagged_items.all()]
        return [item.get_kind_display(), *sorted(tags, key=str.lower)]

    def item_image(self, item) -> dict | None:
        renditions = item.hero_renditions()
        if not renditions:
            return None
        largest = renditions[-1]
        return {
            "url": self.absolute(largest.url),
            "type": mimetypes.guess_type(largest.file.name)[0] or "application/octet-stream",
            "width": largest.width,
            "height": largest.height,
            "alt": largest.alt,
        }

    def item_extra_kwargs(self, item):
        url = self.absolute(self.item_link(item))
        image = self.item_image(item)
        content = render_to_string(
            "discovery/syndication/feed_item.html",
            {"article": item, "highlights": item.highlight_texts, "image": image, "url": url},
        )
        return {
            "authors": [
                {"name": author.name, "url": self.absolute(author.get_absolute_url())}
                for author in item.authors
            ],
            "content_html": content.strip(),
            "summary_text": item.teaser,
            "image": image,
            "language": story_language(item.title, item.locale_id),
        }


class SectionFeed(StoryFeed):
    """Stories in one section (news, reviews, comparisons, features)."""

    def get_object(self, request, slug):
        return selectors.section_by_slug(request, slug)

    def title(self, obj):
        return f"{self.publication}: {obj.title}"

    def link(self, obj):
        return obj.get_url(request=self.request)

    def description(self, obj):
        return obj.intro or gettext("The newest stories in %(section)s.") % {"section": obj.title}

    def stories(self, obj):
        return super().stories(obj).child_of(obj)


class AuthorFeed(StoryFeed):
    """Stories with the author on the byline."""

    def get_object(self, request, slug):
        return Author.objects.get(slug=slug)  # DoesNotExist becomes a 404

    def title(self, obj):
        return gettext("%(site)s: stories by %(name)s") % {
            "site": self.publication,
            "name": obj.name,
        }

    def link(self, obj):
        return obj.get_absolute_url()

    def description(self, obj):
        if obj.role:
            return gettext("The newest stories by %(name)s, %(role)s.") % {
                "name": obj.name,
                "role": obj.role,
            }
        return gettext("The newest stories by %(name)s.") % {"name": obj.name}

    def stories(self, obj):
        return super().stories(obj).filter(article_authors__author=obj)


class MakeFeed(StoryFeed):
    """Stories about a make or any of its models."""

    def get_object(self, request, slug):
        return Make.objects.get(slug=slug)

    def title(self, obj):
        return gettext("%(site)s: %(make)s stories") % {
            "site": self.publication,
            "make": obj.name,
        }

    def link(self, obj):
        return obj.get_absolute_url()

    def description(self, obj):
        return gettext("The newest stories about %(make)s and its models.") % {"make": obj.name}

    def stories(self, obj):
        return selectors.stories_by_make(super().stories(obj), obj)


FEEDS = {"latest": StoryFeed, "section": SectionFeed, "author": AuthorFeed, "make": MakeFeed}
