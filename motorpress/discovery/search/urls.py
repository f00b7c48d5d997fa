from django.urls import path

from motorpress.discovery.search import views

urlpatterns = [path("search/", views.search, name="search")]
