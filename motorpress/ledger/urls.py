from django.urls import path

from motorpress.ledger import views

app_name = "ledger"
urlpatterns = [
    path("", views.tracker, name="tracker"),
    path("<slug:make>/", views.make_tracker, name="make"),
]
