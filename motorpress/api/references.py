"""Building blocks every endpoint shares: absolute links, makes, vehicles and sources."""

from django.urls import reverse
from django.utils.http import urlencode

from motorpress.api import schemas
from motorpress.catalogue.models import Make, VehicleModel

NAMESPACE = "api-v1"
HERO_SPEC = "width-800"


def absolute(request, path: str) -> str:
    return request.build_absolute_uri(path)


def api_url(request, name: str, query: dict | None = None, **kwargs) -> str:
    path = reverse(f"{NAMESPACE}:{name}", kwargs=kwargs or None)
    return absolute(request, f"{path}?{urlencode(query, doseq=True)}" if query else path)


def rendition_url(request, image, spec: str) -> str | None:
    """An image rendition's absolute URL; reads prefetched renditions when there are some."""
    if image is None:
        return None
    return absolute(request, image.get_rendition(spec).url)


def page_url(request, page) -> str:
    return absolute(request, page.get_url(request))


def make_ref(request, make: Make) -> schemas.MakeRef:
    return schemas.MakeRef(
        name=make.name,
        slug=make.slug,
        url=absolute(request, make.get_absolute_url()),
        api_url=api_url(request, "make", slug=make.slug),
    )


def vehicle_fields(request, model: VehicleModel) -> dict:
    """The fields of a VehicleRef, for schemas that extend it."""
    return {
        "make": make_ref(request, model.make),
        "name": model.name,
        "slug": model.slug,
        "full_name": model.full_name,
        "compare_slug": model.compare_slug,
        "url": absolute(request, model.get_absolute_url()),
        "api_url": api_url(request, "model", make=model.make.slug, model=model.slug),
    }


def vehicle_ref(request, model: VehicleModel) -> schemas.VehicleRef:
    return schemas.VehicleRef(**vehicle_fields(request, model))


def source(request, sourced, published: dict) -> schemas.SourceOut:
    """Where a figure comes from: its URL, else the story that reports it if that is published."""
    url = sourced.source_url or None
    if url is None and sourced.source_page_id in published:
        url = page_url(request, published[sourced.source_page_id])
    return schemas.SourceOut(label=sourced.source_label, url=url, is_demo=sourced.is_demo)


def to_float(value) -> float | None:
    return None if value is None else float(value)
