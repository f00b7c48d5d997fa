"""Vehicle pages: /vehicles/, upcoming, electric, a make, a model."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from motorpress.catalogue import selectors, structured_data
from motorpress.catalogue.forms import VehicleFilterForm
from motorpress.catalogue.onroad_page import onroad_context
from motorpress.catalogue.panels import track_records, vehicle_panels
from motorpress.catalogue.selectors import VehicleFilters, VehicleFinder
from motorpress.core.cache import (
    cached_fragment,
    catalogue_generation,
    catalogue_generation_and_day,
    generation_and_day,
)

PAGE_SIZE = 24
FACETS = ["segment", "powertrain", "price", "status", "make"]


def _listing(
    request, *, template, heading, intro, queryset=None, fixed=None, show_track_records=False
):
    form = VehicleFilterForm(request.GET)
    if not form.is_valid():
        return render(
            request,
            "catalogue/invalid_filters.html",
            {"form": form, "heading": heading},
            status=400,
        )
    filters = form.filters()
    if fixed:
        filters = VehicleFilters(**{**filters.__dict__, **fixed})
    finder = VehicleFinder.run(filters, queryset)
    paginator = Paginator(finder.results, PAGE_SIZE, allow_empty_first_page=True)
    number = form.cleaned_data["page"] or 1
    if number > paginator.num_pages:
        raise Http404("No such page.")
    choices = {name: dict(form.fields[name].choices) for name in FACETS if name != "make"}
    choices["make"] = {model.make.slug: model.make.name for model in finder.models}
    facets = [
        {
            "name": name,
            "label": form.fields[name].label or name.title(),
            "options": [
                (value, label, finder.counts(name).get(value, 0))
                for value, label in sorted(choices[name].items(), key=lambda kv: str(kv[1]))
                if value
            ],
            "selected": getattr(filters, name),
        }
        for name in FACETS
        if not (fixed and name in fixed)
    ]
    context = {
        "heading": heading,
        "intro": intro,
        "page_obj": paginator.page(number),
        "facets": facets,
        "filters": filters,
        "total": len(finder.results),
        "track_records": track_records({model.make_id for model in paginator.page(number)})
        if show_track_records
        else {},
    }
    return render(request, template, context)


@require_safe
def vehicle_list(request):
    return _listing(
        request,
        template="catalogue/vehicle_list.html",
        heading="Vehicles",
        intro="Cars, motorcycles and scooters with their specifications and prices.",
    )


@require_safe
def upcoming(request):
    return _listing(
        request,
        template="catalogue/vehicle_list.html",
        heading="Upcoming vehicles",
        intro="Announced but not yet on sale, with the launch period the maker gave.",
        queryset=selectors.upcoming_models(),
        show_track_records=True,
    )


@require_safe
def electric(request):
    return _listing(
        request,
        template="catalogue/vehicle_list.html",
        heading="Electric vehicles",
        intro="Electric cars, motorcycles and scooters, with claimed range and battery.",
        fixed={"powertrain": "ev"},
    )


@require_safe
def make_detail(request, make):
    make_obj = selectors.make_by_slug(slug=make)
    return _listing(
        request,
        template="catalogue/vehicle_list.html",
        heading=make_obj.name,
        intro=f"Every {make_obj.name} model in our catalogue.",
        fixed={"make": make_obj.slug},
    )


def _vehicle_catalogue_context(request, make: str, model: str) -> dict:
    """What a vehicle page shows from the catalogue alone (five queries)."""
    vehicle_model = selectors.vehicle_model_detail(make_slug=make, model_slug=model)
    image = None
    if vehicle_model.image_id:
        image = vehicle_model.image.get_rendition("fill-1200x675")
    return {
        "vehicle": vehicle_model,
        "variants": list(vehicle_model.variants.all()),
        "offers": list(selectors.current_offers(vehicle_model=vehicle_model)),
        "sales": list(selectors.sales_figures(vehicle_model=vehicle_model)),
        "image": image,
        "structured_data": structured_data.vehicle(request, vehicle_model, image and image.url),
    }


def _segment_rivals(vehicle_model) -> list:
    """Its rivals only: the whole catalogue (hundreds of models) would be most of the page.
    One list per segment, shared by every vehicle page in it."""
    everyone = cached_fragment(
        f"motorpress:segment-models:{catalogue_generation()}:{vehicle_model.segment}",
        lambda: list(selectors.picker_models().filter(segment=vehicle_model.segment)),
    )
    return [other for other in everyone if other.pk != vehicle_model.pk]


@require_safe
def model_detail(request, make, model):
    # A vehicle page is read from two caches. Its catalogue data changes only with the catalogue
    # (and the date: current offers), so a story's publish leaves it cached; the panels (tested
    # figures, claims, stories) change with publishing and the ledger too, which move the
    # content generation on. JSON-LD holds absolute URLs, hence the host. An unknown vehicle
    # raises 404 from inside and is never stored. The on-road part depends on the reader's
    # choices and is built per request from cached rules.
    where = f"{make}:{model}:{request.scheme}:{request.get_host()}"
    context = dict(
        cached_fragment(
            f"motorpress:vehicle:{catalogue_generation_and_day()}:{where}",
            lambda: _vehicle_catalogue_context(request, make, model),
        )
    )
    vehicle_model = context["vehicle"]
    context["panels"] = cached_fragment(
        f"motorpress:vehicle-panels:{generation_and_day()}:{where}",
        lambda: vehicle_panels(vehicle_model),
    )
    context["picker_models"] = _segment_rivals(vehicle_model)
    context.update(onroad_context(request, vehicle_model, context["variants"]))
    if context["quote"] and (offer := structured_data.on_road_offer(context["quote"])):
        data = dict(context["structured_data"])
        data["offers"] = [o for o in (data.get("offers"), offer) if o]
        context["structured_data"] = data
    return render(request, "catalogue/vehicle_detail.html", context)
