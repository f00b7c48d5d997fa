from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo newsroom: fictional staff and stories written from the seed facts."""

    name = "motorpress.demo"
    label = "demo"
