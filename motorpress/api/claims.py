"""The claims ledger: /claims, each promise with its derived status."""

from ninja import Query, Router, Schema
from pydantic import Field

from motorpress.api import schemas, selectors
from motorpress.api.references import make_ref, source, to_float, vehicle_ref
from motorpress.api.schemas import SLUG
from motorpress.ledger.models import Metric

router = Router(tags=["claims"])


class ClaimQuery(Schema):
    make: str | None = Field(None, pattern=SLUG, max_length=80, description="Make slug.")
    metric: Metric | None = None
    status: schemas.StatusCode | None = Field(
        None, description="Derived status: pending, overdue, kept, early, late, missed, …"
    )


def _claim(request, row, published) -> schemas.ClaimOut:
    claim, outcome, status = row.claim, row.outcome, row.status
    period = claim.period
    return schemas.ClaimOut(
        id=claim.pk,
        make=make_ref(request, claim.make),
        vehicle=vehicle_ref(request, claim.vehicle_model) if claim.vehicle_model else None,
        metric=claim.metric,
        metric_label=claim.get_metric_display(),
        statement=claim.statement,
        claimed_on=claim.claimed_on,
        claimed_on_is_approximate=claim.claimed_on_is_approximate,
        period=schemas.PeriodOut(
            start=period.start, end=period.end, precision=period.precision, label=period.label
        )
        if period
        else None,
        number=to_float(claim.number),
        unit=claim.unit,
        due=claim.due,
        status=schemas.ClaimStatusOut(
            code=status.code,
            label=status.label,
            days=status.days,
            percent=to_float(status.percent),
            resolved=status.resolved,
        ),
        outcome=schemas.OutcomeOut(
            happened=outcome.happened,
            happened_on=outcome.happened_on,
            number=to_float(outcome.number),
            recorded_on=outcome.recorded_on,
            note=outcome.note,
            source=source(request, outcome, published),
        )
        if outcome
        else None,
        source=source(request, claim, published),
    )


@router.get(
    "/claims",
    response={200: schemas.ClaimList, 422: schemas.ValidationErrorOut},
    url_name="claims",
    summary="Makers' promises and what happened, with the status derived as of today",
)
def list_claims(request, query: Query[ClaimQuery]):
    rows = selectors.claim_rows(make=query.make, metric=query.metric, status=query.status)
    cited = [row.claim.source_page_id for row in rows]
    cited += [row.outcome.source_page_id for row in rows if row.outcome]
    published = selectors.published_pages(cited)
    return schemas.ClaimList(items=[_claim(request, row, published) for row in rows])
