from django.apps import AppConfig


class CompareConfig(AppConfig):
    """Vehicles side by side: the compare pages, the picker and the compare-table block."""

    name = "motorpress.compare"
    label = "compare"
