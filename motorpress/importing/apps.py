from django.apps import AppConfig


class ImportingConfig(AppConfig):
    """Importers that bring content in from other systems (WordPress, saved HTML pages)."""

    name = "motorpress.importing"
    label = "importing"
    verbose_name = "Importing"
