from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Thin shared layer: text helpers, SEO helpers, publishing, template tags. Imports no app."""

    name = "motorpress.core"
    label = "core"
