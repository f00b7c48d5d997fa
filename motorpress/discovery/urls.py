"""Search, feeds, sitemaps and robots.txt (mounted at the site root)."""

from django.urls import include, path

urlpatterns = [
    path("", include("motorpress.discovery.search.urls")),
    path("", include("motorpress.discovery.syndication.urls")),
]
