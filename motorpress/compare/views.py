"""/compare/ (the picker) and /compare/<a>-vs-<b>[-vs-…]/ (the table)."""

from django.http import Http404, HttpResponsePermanentRedirect, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext
from django.views.decorators.http import require_safe

from motorpress.catalogue import onroad
from motorpress.catalogue import selectors as catalogue
from motorpress.compare import selectors
from motorpress.compare.selectors import MAX_SLUG_LENGTH, MAX_VEHICLES, NotComparable


@require_safe
def picker(request):
    """Without JavaScript: a GET form whose choices redirect to the canonical compare URL."""
    chosen = [slug for slug in request.GET.getlist("v") if slug][: MAX_VEHICLES + 1]
    error = None
    if chosen:
        try:
            slugs = selectors.split_compare_slug(selectors.SEPARATOR.join(chosen))
            comparison = selectors.comparison_for_slugs(slugs)
        except NotComparable:
            error = gettext("Pick two to four different vehicles.")
        else:
            return HttpResponseRedirect(comparison.canonical_path)
    context = {"models": catalogue.picker_models(), "chosen": chosen, "error": error}
    return render(request, "compare/picker.html", context, status=400 if error else 200)


@require_safe
def compare(request, slugs):
    if len(slugs) > MAX_SLUG_LENGTH:
        raise Http404("Not a comparison.")
    try:
        parts = selectors.split_compare_slug(slugs)
    except NotComparable as error:
        raise Http404("Compare two to four different vehicles.") from error
    canonical = selectors.canonical_path(parts)
    if request.path != canonical:
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(canonical + (f"?{query}" if query else ""))
    # A city the reader picked adds on-road totals; one we do not know is said so, not a 404.
    city_slug = request.GET.get("city", "")[:60]
    city = onroad.city_by_slug(city_slug) if city_slug else None
    try:
        comparison = selectors.comparison_for_slugs(parts, city)
    except NotComparable as error:
        raise Http404("Unknown vehicle.") from error
    only_differences = request.GET.get("only") == "differences"
    context = {
        "comparison": comparison,
        "only_differences": only_differences,
        "cities": onroad.cities(),
        "city_unknown": city_slug if city_slug and city is None else "",
    }
    return render(request, "compare/compare.html", context)
