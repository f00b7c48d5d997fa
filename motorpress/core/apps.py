from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Thin shared layer: text helpers, SEO helpers, publishing, template tags. Imports no app."""

    name = "motorpress.core"
    label = "core"

    def ready(self):
        from . import signals  # noqa: F401 - invalidates the cached site lookup
