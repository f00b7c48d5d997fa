"""Vehicle pages: /vehicles/, upcoming, electric, a make, a model."""

from django.core.paginator import Page, Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language, gettext
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
    content_generation,
    generation_and_day,
)

PAGE_SIZE = 24
FACETS = ["segment", "powertrain", "price", "status", "make"]


def _finder_page(filters, number, queryset, fixed) -> dict | None:
    """One page of a listing with its facet counts, or None past the last page: plain data
    (24 models and a few counts), so it is cached whole for every filter combination."""
    finder = VehicleFinder.run(filters, queryset)
    results = finder.results
    paginator = Paginator(results, PAGE_SIZE, allow_empty_first_page=True)
    if number > paginator.num_pages:
        return None
    form_fields = VehicleFilterForm.base_fields
    choices = {name: dict(form_fields[name].choices) for name in FACETS if name != "make"}
    choices["make"] = {model.make.slug: model.make.name for model in finder.models}
    facets = []
    for name in FACETS:
        if fixed and name in fixed:
            continue
        counts = finder.counts(name)
        options = sorted(choices[name].items(), key=lambda kv: str(kv[1]))
        facets.append(
            {
                "name": name,
                "label": str(form_fields[name].label or name.title()),
                "options": [
                    (value, str(label), counts.get(value, 0)) for value, label in options if value
                ],
                "selected": getattr(filters, name),
            }
        )
    return {
        "models": list(paginator.page(number).object_list),
        "total": len(results),
        "facets": facets,
    }


def _listing(
    request,
    *,
    name,
    template,
    heading,
    intro,
    queryset=None,
    fixed=None,
    show_track_records=False,
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
    number = form.cleaned_data["page"] or 1
    # Keyed on the catalogue and the day (prices in effect), the edition's language (labels)
    # and the checked filters; each entry is a few kilobytes. ?make= takes any slug, so like
    # the page cache this relies on the cache's own eviction to bound what strangers add.
    chosen = ":".join(f"{facet}={getattr(filters, facet) or ''}" for facet in FACETS)
    listing = cached_fragment(
        f"motorpress:vehicle-listing:{catalogue_generation_and_day()}:{get_language()}:"
        f"{name}:{chosen}:{number}",
        lambda: _finder_page(filters, number, queryset, fixed),
    )
    if listing is None:
        raise Http404("No such page.")
    models = listing["models"]
    # The page's own models, with a paginator that knows the count but holds no rows.
    page = Page(models, number, Paginator(range(listing["total"]), PAGE_SIZE))
    context = {
        "heading": heading,
        "intro": intro,
        "page_obj": page,
        "facets": listing["facets"],
        "filters": filters,
        "total": listing["total"],
        "track_records": track_records({model.make_id for model in models})
        if show_track_records
        else {},
    }
    return render(request, template, context)


@require_safe
def vehicle_list(request):
    return _listing(
        request,
        name="all",
        template="catalogue/vehicle_list.html",
        heading=gettext("Vehicles"),
        intro=gettext("Cars, motorcycles and scooters with their specifications and prices."),
    )


@require_safe
def upcoming(request):
    return _listing(
        request,
        name="upcoming",
        template="catalogue/vehicle_list.html",
        heading=gettext("Upcoming vehicles"),
        intro=gettext("Announced but not yet on sale, with the launch period the maker gave."),
        queryset=selectors.upcoming_models(),
        show_track_records=True,
    )


@require_safe
def electric(request):
    return _listing(
        request,
        name="electric",
        template="catalogue/vehicle_list.html",
        heading=gettext("Electric vehicles"),
        intro=gettext("Electric cars, motorcycles and scooters, with claimed range and battery."),
        fixed={"powertrain": "ev"},
    )


@require_safe
def make_detail(request, make):
    # An unknown slug raises 404 from the build and is never stored.
    make_obj = cached_fragment(
        f"motorpress:make:{catalogue_generation()}:{make}",
        lambda: selectors.make_by_slug(slug=make),
    )
    return _listing(
        request,
        name="make",
        template="catalogue/vehicle_list.html",
        heading=make_obj.name,
        intro=gettext("Every %(make)s model in our catalogue.") % {"make": make_obj.name},
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


# GET parameters of the on-road form: with none, the section is the same for every reader.
ONROAD_PARAMS = ("city", "variant", "down", "rate", "tenure")


def _head(vehicle_model, image, structured) -> dict:
    """What the page head shows: small, so a warm page unpickles nothing bigger."""
    return {
        "name": str(vehicle_model),
        "segment": vehicle_model.get_segment_display(),
        "summary": vehicle_model.summary,
        "image_url": image.url if image else "",
        "structured_data": structured,
    }


@require_safe
def model_detail(request, make, model):
    # A vehicle page is read from caches at three depths. Its rendered parts (the template's
    # {% cache %} blocks) key on both generations, the day and the host; its catalogue data on
    # the catalogue generation and the day (current offers), so a story's publish leaves it
    # cached; its panels (tested figures, claims, stories) on the content generation, which
    # publishing and the ledger move on. JSON-LD holds absolute URLs, hence the host; labels
    # and stories are the edition's, hence the language. Data is handed to the template
    # lazily: with the parts cached nothing is unpickled or queried. An unknown vehicle raises
    # 404 from the head's build and is never stored.
    where = f"{make}:{model}:{request.scheme}:{request.get_host()}:{get_language()}"
    loaded = {}

    def catalogue() -> dict:
        if "catalogue" not in loaded:
            loaded["catalogue"] = cached_fragment(
                f"motorpress:vehicle:{catalogue_generation_and_day()}:{where}",
                lambda: _vehicle_catalogue_context(request, make, model),
            )
        return loaded["catalogue"]

    def lazy(build):
        return SimpleLazyObject(build)

    token = f"{catalogue_generation_and_day()}:{content_generation()}:{where}"
    head = cached_fragment(
        f"motorpress:vehicle-head:{token}",
        lambda: _head(catalogue()["vehicle"], catalogue()["image"], catalogue()["structured_data"]),
    )
    context = {
        "head": head,
        "vehicle_cache_token": token,
        **{
            name: lazy(lambda name=name: catalogue()[name])
            for name in ("vehicle", "variants", "offers", "sales", "image")
        },
        "panels": lazy(
            lambda: cached_fragment(
                f"motorpress:vehicle-panels:{generation_and_day()}:{where}",
                lambda: vehicle_panels(catalogue()["vehicle"]),
            )
        ),
        "picker_models": lazy(lambda: _segment_rivals(catalogue()["vehicle"])),
    }
    # With the reader's choices the on-road section is built for them; without, it is the
    # same plain form for everyone and cached with the rest of the page.
    context["onroad_live"] = any(name in request.GET for name in ONROAD_PARAMS)
    onroad = lazy(lambda: onroad_context(request, catalogue()["vehicle"], catalogue()["variants"]))
    context["onroad"] = onroad
    quote = onroad["quote"] if context["onroad_live"] else None
    if quote and (offer := structured_data.on_road_offer(quote)):
        data = dict(head["structured_data"])
        data["offers"] = [o for o in (data.get("offers"), offer) if o]
        context["head"] = {**head, "structured_data": data}
    return render(request, "catalogue/vehicle_detail.html", context)
