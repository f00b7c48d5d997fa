from django.conf import settings
from django.utils.functional import SimpleLazyObject

from motorpress.core import editions
from motorpress.core.cache import content_generation


def site_identity(request):
    """The newsroom's name, and the content generation that publish-scoped fragments key on."""
    return {"SITE_NAME": settings.WAGTAIL_SITE_NAME, "content_generation": content_generation}


def edition(request):
    """The active edition, and its alternates for routes outside the page tree (a page's own
    context replaces `alternates` with its translations). Lazy: cached pages never build them."""
    return {
        "edition": editions.active_edition(),
        "alternates": SimpleLazyObject(lambda: editions.path_alternates(request)),
    }
