from django.apps import AppConfig


class DiscoveryConfig(AppConfig):
    """How readers and machines find stories: search, feeds, sitemaps, robots.txt."""

    name = "motorpress.discovery"
    label = "discovery"
