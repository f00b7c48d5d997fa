"""Feeds, sitemaps and robots.txt, mounted at the site root."""

from django.urls import path, re_path

from motorpress.discovery.syndication import views

app_name = "syndication"

_FORMAT = r"(?P<fmt>rss|atom|json)"
_SLUG = r"(?P<slug>[-a-zA-Z0-9_]+)"

urlpatterns = [
    re_path(rf"^feeds/latest\.{_FORMAT}$", views.feed, {"kind": "latest"}, name="feed_latest"),
    re_path(
        rf"^feeds/authors/{_SLUG}\.{_FORMAT}$", views.feed, {"kind": "author"}, name="feed_author"
    ),
    re_path(rf"^feeds/makes/{_SLUG}\.{_FORMAT}$", views.feed, {"kind": "make"}, name="feed_make"),
    re_path(rf"^feeds/{_SLUG}\.{_FORMAT}$", views.feed, {"kind": "section"}, name="feed_section"),
    path("sitemap.xml", views.sitemap_index, name="sitemap_index"),
    path("sitemap-<slug:section>.xml", views.sitemap_section, name="sitemap_section"),
    path("news-sitemap.xml", views.news_sitemap, name="news_sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]
