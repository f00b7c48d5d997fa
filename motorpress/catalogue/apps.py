from django.apps import AppConfig


class CatalogueConfig(AppConfig):
    """Makes, models, variants and their figures (specs, prices, offers, sales). No newsroom."""

    name = "motorpress.catalogue"
    label = "catalogue"

    def ready(self):
        from . import signals  # noqa: F401 - catalogue writes move the content generation on
