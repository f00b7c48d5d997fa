"""/search/?q=: stories, vehicles and people in one page of results."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from motorpress.core.editions import edition_home
from motorpress.core.pagination import paginate_or_404
from motorpress.discovery.search import selectors
from motorpress.discovery.search.forms import SearchForm
from motorpress.discovery.search.text import Hit

TEMPLATE = "discovery/search/search.html"


@require_safe
def search(request):
    """Invalid filters or an over-long query are a 400 showing the form; an empty query shows
    the form alone (200); anything else is searched."""
    home = edition_home(request)
    sections, makes = selectors.filter_choices(home)
    form = SearchForm(
        request.GET,
        sections=[(slug, title) for slug, title, _path in sections],
        makes=makes,
    )
    if not form.is_valid():
        response = render(request, TEMPLATE, {"form": form}, status=400)
    else:
        query = form.search_query()
        context = {"form": form, "query": query}
        if query.text:
            filters = form.filters(
                {slug: path for slug, _title, path in sections}, edition_path=home.path
            )
            results = selectors.site_search(
                query=query, filters=filters, page=request.GET.get("page")
            )
            context.update(_hits(results))
        else:
            paginate_or_404([], request.GET.get("page"))  # ?page=abc is a 404 here too
        response = render(request, TEMPLATE, context)
    # Result pages are endless and thin: crawlers should follow them, not index them.
    response["X-Robots-Tag"] = "noindex, follow"
    return response


def _hits(results: selectors.SearchResults) -> dict:
    terms = results.query.terms
    return {
        "results": results,
        "stories": [
            Hit.of(story, title=story.title, text=story.teaser, terms=terms)
            for story in results.stories
        ],
        "vehicles": [
            Hit.of(model, title=model.full_name, text=model.summary, terms=terms)
            for model in results.vehicles
        ],
        "people": [
            Hit.of(author, title=author.name, text=author.bio, terms=terms)
            for author in results.people
        ],
    }
