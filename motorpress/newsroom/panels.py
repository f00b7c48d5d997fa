"""Newsroom sections on catalogue vehicle pages: stories about the vehicle, our tested figures."""

from motorpress.catalogue.panels import VehiclePanel
from motorpress.newsroom import selectors


def stories_panel(*, vehicle_model):
    return VehiclePanel(
        template="newsroom/panels/stories.html",
        context={"stories": selectors.stories_about_vehicle(vehicle_model=vehicle_model)},
        order=50,
    )


def tested_figures_panel(*, vehicle_model):
    tests = list(selectors.tests_of_vehicle(vehicle_model=vehicle_model))
    if not tests:
        return None
    return VehiclePanel(
        template="newsroom/panels/tested_figures.html", context={"tests": tests}, order=20
    )
