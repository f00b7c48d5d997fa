from django.apps import AppConfig


class DiscoveryConfig(AppConfig):
    """How readers and machines find stories: search, feeds, sitemaps, robots.txt."""

    name = "motorpress.discovery"
    label = "discovery"

    def ready(self):
        from motorpress.discovery import signals  # noqa: F401 - keeps the story search table
