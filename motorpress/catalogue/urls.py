from django.urls import path

from motorpress.catalogue import views

app_name = "catalogue"
urlpatterns = [
    path("", views.vehicle_list, name="list"),
    path("upcoming/", views.upcoming, name="upcoming"),
    path("electric/", views.electric, name="electric"),
    path("<slug:make>/", views.make_detail, name="make"),
    path("<slug:make>/<slug:model>/", views.model_detail, name="model"),
]
