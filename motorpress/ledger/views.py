"""/tracker/ and /tracker/<make>/: the claims ledger for readers."""

from django.shortcuts import render
from django.utils.translation import gettext
from django.views.decorators.http import require_safe

from motorpress.core.charts import Bar, horizontal_bar_chart
from motorpress.core.formatting import format_number, localise_digits
from motorpress.ledger import selectors
from motorpress.ledger.forms import TrackerFilterForm
from motorpress.ledger.models import Metric
from motorpress.ledger.status import days_label


def _range_chart(rows):
    """Tested (or delivered) range as a share of the claim, per vehicle."""
    points = [
        row
        for row in rows
        if row.claim.metric == Metric.RANGE and row.outcome and row.outcome.number
    ]
    bars = [
        Bar(
            label=str(row.claim.vehicle_model or row.claim.make),
            value=float(row.outcome.number / row.claim.number * 100),
            display=localise_digits(
                gettext("%(tested)s of %(claimed)s km")
                % {
                    "tested": format_number(row.outcome.number),
                    "claimed": format_number(row.claim.number),
                }
            ),
        )
        for row in points
    ]
    if not bars:
        return None, []
    svg = horizontal_bar_chart(
        title=gettext("Tested range as a share of the claimed range"),
        description=gettext("One bar per vehicle: our tested range divided by the maker's claim."),
        bars=bars,
        max_value=100,
    )
    return svg, points


def _delay_chart(rows):
    late = [row for row in rows if row.status.code == "late"]
    if not late:
        return None
    return horizontal_bar_chart(
        title=gettext("Days late, per promise kept late"),
        description=gettext("Days between the end of the promised period and the day it happened."),
        bars=[
            Bar(
                str(row.claim.vehicle_model or row.claim.make),
                row.status.days,
                localise_digits(days_label(row.status.days)),
            )
            for row in late
        ],
    )


@require_safe
def tracker(request):
    form = TrackerFilterForm(request.GET)
    if not form.is_valid():
        return render(request, "ledger/invalid_filters.html", {"form": form}, status=400)
    rows = selectors.claim_rows()
    wanted = form.cleaned_data
    shown = [
        row
        for row in rows
        if (not wanted["make"] or row.claim.make.slug == wanted["make"])
        and (not wanted["metric"] or row.claim.metric == wanted["metric"])
        and (not wanted["status"] or row.status.code == wanted["status"])
    ]
    range_chart, range_points = _range_chart(rows)
    context = {
        "form": form,
        "rows": shown,
        "records": selectors.make_records(rows),
        "overdue": [row for row in rows if row.status.code == "overdue"],
        "recent": selectors.recently_resolved(rows),
        "range_chart": range_chart,
        "range_points": range_points,
        "makes": sorted({row.claim.make for row in rows}, key=lambda make: make.name),
    }
    return render(request, "ledger/tracker.html", context)


@require_safe
def make_tracker(request, make):
    make_obj = selectors.make_by_slug(make)
    rows = selectors.claim_rows(selectors.claims_for_make(make_obj))
    records = selectors.make_records(rows)
    context = {
        "make": make_obj,
        "rows": rows,
        "record": records[0] if records else None,
        "public_source_ids": selectors.public_source_page_ids(rows),
        "delay_chart": _delay_chart(rows),
    }
    return render(request, "ledger/make_tracker.html", context)
