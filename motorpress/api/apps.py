from django.apps import AppConfig


class ApiConfig(AppConfig):
    """The public, read-only JSON API (django-ninja, OpenAPI 3.1 at /api/v1/openapi.json)."""

    name = "motorpress.api"
    label = "api"
