"""URL contract: Django views for the routes outside the page tree, then Wagtail's pages."""

from django.conf import settings
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from motorpress.newsroom import views as newsroom_views

urlpatterns = []
if settings.SERVE_MEDIA:
    # Local media for the demo and tests; production serves media from object storage or a CDN.
    urlpatterns.append(
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})
    )

urlpatterns += [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("latest/", newsroom_views.latest, name="latest"),
    path("vehicles/", include("motorpress.catalogue.urls")),
    path("compare/", include("motorpress.compare.urls")),
    path("tracker/", include("motorpress.ledger.urls")),
    path("api/v1/", include("motorpress.api.urls")),
    path("", include("motorpress.discovery.urls")),
    path("authors/<slug:slug>/", newsroom_views.author_detail, name="author_detail"),
    path("", include(wagtail_urls)),
]
