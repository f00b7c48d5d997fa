"""The ledger in the admin: claims with their outcome inline, and a dashboard panel."""

from django.utils import timezone
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from motorpress.ledger import selectors
from motorpress.ledger.models import Claim


class ClaimViewSet(SnippetViewSet):
    model = Claim
    icon = "doc-full"
    menu_label = "Claims ledger"
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["__str__", "metric", "claimed_on", "is_demo"]
    list_filter = ["metric", "make", "is_demo"]


register_snippet(ClaimViewSet)


class ClaimsDuePanel(Component):
    """Dashboard: open claims falling due in the next 30 days, and overdue ones."""

    name = "claims_due"
    order = 150
    template_name = "ledger/admin/claims_due_panel.html"

    def get_context_data(self, parent_context=None):
        soon, overdue = selectors.due_soon_and_overdue(days=30)
        return {"soon": soon, "overdue": overdue, "today": timezone.localdate()}


@hooks.register("construct_homepage_panels")
def add_claims_due_panel(request, panels):
    panels.append(ClaimsDuePanel())
