from django.apps import AppConfig


class NewsroomConfig(AppConfig):
    """Home, sections, articles and their authors; the latest feed."""

    name = "motorpress.newsroom"
    label = "newsroom"

    def ready(self):
        from . import signals  # noqa: F401 - connects cache invalidation on publish
