from django.conf import settings

from motorpress.core.cache import content_generation


def site_identity(request):
    """The newsroom's name, and the content generation that publish-scoped fragments key on."""
    return {"SITE_NAME": settings.WAGTAIL_SITE_NAME, "content_generation": content_generation}
