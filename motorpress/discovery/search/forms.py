from datetime import date

from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from motorpress.catalogue.models import Segment
from motorpress.core.periods import MAX_YEAR, MIN_YEAR
from motorpress.discovery.search.selectors import SearchFilters, SearchQuery
from motorpress.discovery.search.text import MAX_QUERY_LENGTH, MAX_RAW_LENGTH, normalise_query
from motorpress.newsroom.models import ArticleKind


def _too_long() -> str:
    return gettext("Keep your search under %(count)s characters.") % {"count": MAX_QUERY_LENGTH}


class SearchQueryField(forms.CharField):
    """A search box: normalised before it is validated, so the length limit counts what is
    searched (and a NUL or a right-to-left mark is dropped, not an error)."""

    def to_python(self, value):
        value = super().to_python(value)
        if len(value) > MAX_RAW_LENGTH:
            raise forms.ValidationError(_too_long(), code="max_length")
        return normalise_query(value)

    def bound_data(self, data, initial):
        """The search box shows the query as it was searched."""
        return normalise_query(data) if isinstance(data, str) else data


class SearchForm(forms.Form):
    """The /search/ query and filters. Anything outside the choices is a 400, never a 500.

    `sections` and `makes` are (slug, label) pairs read once per request by the view.
    """

    q = SearchQueryField(
        required=False,
        max_length=MAX_QUERY_LENGTH,
        label=_("Search"),
        widget=forms.SearchInput(attrs={"placeholder": _("Stories, vehicles, people")}),
        error_messages={"max_length": lazy(_too_long, str)()},
    )
    section = forms.ChoiceField(required=False, label=_("Section"))
    kind = forms.ChoiceField(
        required=False,
        label=_("Kind of story"),
        choices=[("", _("Any kind")), *ArticleKind.choices],
    )
    make = forms.ChoiceField(required=False, label=_("Make"))
    segment = forms.ChoiceField(
        required=False, label=_("Vehicle type"), choices=[("", _("Any type")), *Segment.choices]
    )

    def __init__(self, *args, sections=(), makes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [("", _("All sections")), *sections]
        self.fields["make"].choices = [("", _("Any make")), *makes]
        # `from` and `to` are the URL's names; `from` cannot be a class attribute.
        date_input = forms.DateInput(attrs={"type": "date"})
        self.fields["from"] = forms.DateField(required=False, label=_("From"), widget=date_input)
        self.fields["to"] = forms.DateField(required=False, label=_("To"), widget=date_input)

    def _clean_date(self, name) -> date | None:
        value = self.cleaned_data.get(name)
        if value is not None and not MIN_YEAR <= value.year <= MAX_YEAR:
            raise forms.ValidationError(
                gettext("Give a date between %(low)s and %(high)s.")
                % {"low": MIN_YEAR, "high": MAX_YEAR}
            )
        return value

    def clean_from(self):
        return self._clean_date("from")

    def clean_to(self):
        return self._clean_date("to")

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("from"), cleaned.get("to")
        if start and end and start > end:
            raise forms.ValidationError(gettext("The 'from' date is after the 'to' date."))
        return cleaned

    def search_query(self) -> SearchQuery:
        return SearchQuery.parse(self.cleaned_data["q"])

    def filters(self, section_paths: dict[str, str], *, edition_path: str) -> SearchFilters:
        data = self.cleaned_data
        return SearchFilters(
            edition_path=edition_path,
            section_path=section_paths.get(data["section"]) if data["section"] else None,
            kind=data["kind"] or None,
            make=data["make"] or None,
            segment=data["segment"] or None,
            date_from=data["from"],
            date_to=data["to"],
        )
