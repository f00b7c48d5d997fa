"""The ledger's pages that show a vehicle's claims, purged with it (CATALOGUE_PURGE_PATHS)."""

from django.urls import reverse

from motorpress.catalogue.models import Make


def tracker_paths(*, model_ids, make_ids) -> list[str]:
    """The tracker, its page per make, and the claims API, which all list claims by make."""
    paths = [reverse("ledger:tracker"), reverse("api-v1:claims")]
    for slug in Make.objects.filter(pk__in=make_ids).values_list("slug", flat=True):
        paths.append(reverse("ledger:make", kwargs={"make": slug}))
    return paths
