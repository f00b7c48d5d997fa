"""URL contract: Django views for the routes outside the page tree, then Wagtail's pages.

Reader routes exist once per edition: English unprefixed (/latest/), Hindi under /hi/
(/hi/latest/). The admin, the API (which takes ?lang=), media and documents have one address.
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
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
    path("api/v1/", include("motorpress.api.urls")),
]
urlpatterns += i18n_patterns(
    path("latest/", newsroom_views.latest, name="latest"),
    path("vehicles/", include("motorpress.catalogue.urls")),
    path("compare/", include("motorpress.compare.urls")),
    path("tracker/", include("motorpress.ledger.urls")),
    path("", include("motorpress.discovery.urls")),
    path("authors/<slug:slug>/", newsroom_views.author_detail, name="author_detail"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
