"""Admin registration: authors are managed as snippets with search."""

from django.contrib import messages
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from motorpress.newsroom import selectors
from motorpress.newsroom.models import ArticlePage, Author


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    menu_label = "Authors"
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "role", "slug"]
    search_fields = ["name", "role"]


register_snippet(AuthorViewSet)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def suggest_vehicles(request, page):
    """After a save, name the catalogue vehicles the story mentions but is not attached to."""
    if not isinstance(page, ArticlePage):
        return
    article = page.get_latest_revision_as_object()
    suggestions = selectors.suggested_vehicles(article=article)
    if suggestions:
        names = ", ".join(str(model) for model in suggestions)
        messages.info(
            request,
            f"Suggested vehicles: {names}. Add them under 'Vehicles and makes' "
            "so the story is listed on their pages.",
        )
