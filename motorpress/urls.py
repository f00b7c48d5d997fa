"""URL contract: Django views for the routes outside the page tree, then Wagtail's pages."""

from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from motorpress.newsroom import views as newsroom_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("latest/", newsroom_views.latest, name="latest"),
    path("authors/<slug:slug>/", newsroom_views.author_detail, name="author_detail"),
    path("", include(wagtail_urls)),
]
