"""Ledger sections on vehicle pages and track records on the upcoming-vehicles list."""

from motorpress.catalogue.panels import VehiclePanel
from motorpress.ledger import selectors


def claims_panel(*, vehicle_model):
    make_rows = selectors.claim_rows(selectors.claims_for_make(vehicle_model.make))
    rows = [row for row in make_rows if row.claim.vehicle_model_id == vehicle_model.pk]
    if not rows:
        return None
    records = selectors.make_records(make_rows)
    return VehiclePanel(
        template="ledger/panels/claims.html",
        context={"rows": rows, "record": records[0] if records else None},
        order=30,
    )


def track_records(*, make_ids) -> dict[int, str]:
    """One line per make: how its dated promises turned out (for upcoming vehicles)."""
    rows = selectors.claim_rows(selectors.claims_queryset().filter(make_id__in=make_ids))
    return {record.make.pk: record.summary for record in selectors.make_records(rows)}
