"""Which public URLs show a vehicle: purged from Varnish or the CDN after a catalogue change.

A price, variant, offer or sales figure saved in the admin (or by `import_catalogue`) changes
the vehicle's page, its make's page, the listings and the API answers that show it, and every
compare page it is part of. Compare pages are any two to four models in one URL, so they cannot be
listed: `/compare/?with=<make>-<model>` asks Varnish to drop every compare page naming the
model (deploy/varnish/motorpress.vcl); a CDN that cannot ban by pattern keeps them until
s-maxage. Each edition has its own copy of these pages (/vehicles/…, /hi/vehicles/…), and
each is purged. Other apps add the pages they build from the catalogue (the tracker, stories about
the vehicle) through `CATALOGUE_PURGE_PATHS`: the catalogue knows nothing of them.
"""

from collections.abc import Iterable

from django.conf import settings
from django.urls import reverse
from django.utils.module_loading import import_string
from wagtail.models import Site

from motorpress.catalogue.models import Make, VehicleModel
from motorpress.core.editions import paths_in_every_edition
from motorpress.core.purging import purge_after_commit, purging_enabled


def catalogue_listing_paths() -> list[str]:
    """Pages and API answers that list vehicles of every make."""
    return [
        reverse("catalogue:list"),
        reverse("catalogue:upcoming"),
        reverse("catalogue:electric"),
        reverse("compare:picker"),
        reverse("api-v1:makes"),
        reverse("api-v1:models"),
        reverse("api-v1:compare"),
    ]


def vehicle_paths(*, model_ids: Iterable[int], make_ids: Iterable[int]) -> list[str]:
    """Every URL that shows these models or makes, ours and the other apps' (by setting)."""
    model_ids, make_ids = set(model_ids), set(make_ids)
    models = list(VehicleModel.objects.filter(pk__in=model_ids).select_related("make"))
    make_ids |= {model.make_id for model in models}
    paths = catalogue_listing_paths()
    for make in Make.objects.filter(pk__in=make_ids).only("slug"):
        paths += [make.get_absolute_url(), reverse("api-v1:make", kwargs={"slug": make.slug})]
    for model in models:
        paths += [
            model.get_absolute_url(),
            reverse("api-v1:model", kwargs={"make": model.make.slug, "model": model.slug}),
            f"{reverse('compare:picker')}?with={model.compare_slug}",
        ]
    for hook in getattr(settings, "CATALOGUE_PURGE_PATHS", []):
        paths += import_string(hook)(model_ids={m.pk for m in models}, make_ids=make_ids)
    return paths


def purge_vehicles(*, model_ids: Iterable[int] = (), make_ids: Iterable[int] = ()) -> None:
    """Queue the purge of every URL showing these vehicles, once the transaction commits."""
    if not purging_enabled():
        return  # no Varnish or CDN: nothing to tell, and no query spent finding out
    model_ids, make_ids = set(model_ids), set(make_ids)
    paths = paths_in_every_edition(lambda: vehicle_paths(model_ids=model_ids, make_ids=make_ids))
    for site in Site.objects.all():
        purge_after_commit(site.root_url, paths)
