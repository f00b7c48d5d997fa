"""The JSON API, mounted at /api/v1/."""

urlpatterns = []
