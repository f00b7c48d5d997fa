from django.urls import path, re_path

from motorpress.compare import views

app_name = "compare"
urlpatterns = [
    path("", views.picker, name="picker"),
    re_path(r"^(?P<slugs>[a-z0-9]+(?:-[a-z0-9]+)*)/$", views.compare, name="compare"),
]
