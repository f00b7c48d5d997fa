"""Claim statuses in Hindi come from the same rules as in English; only the words differ."""

from datetime import date
from decimal import Decimal

from django.utils import translation

from motorpress.core.periods import Period
from motorpress.ledger.status import ClaimStatus, OutcomeFacts, claim_status, months_after

JUNE_2025 = Period(date(2025, 6, 1), "month")


def status_for(happened_on):
    return claim_status(
        period=JUNE_2025,
        number=None,
        lower_is_better=False,
        outcome=OutcomeFacts(happened_on=happened_on),
        today=date(2026, 3, 1),
    )


def test_a_launch_seven_months_late_reads_as_a_delay_in_both_languages():
    status = status_for(date(2026, 1, 15))
    assert months_after(JUNE_2025, date(2026, 1, 15)) == 7
    assert status.label == "Late by 199 days"
    with translation.override("hi"):
        assert status.label == "199 दिन की देरी"


def test_hindi_phrases_for_every_status():
    with translation.override("hi"):
        assert ClaimStatus("kept").label == "पूरा हुआ"
        assert ClaimStatus("pending").label == "बाक़ी"
        assert ClaimStatus("missed").label == "पूरा नहीं हुआ"
        assert ClaimStatus("late", days=1).label == "1 दिन की देरी"
        assert ClaimStatus("early", days=10).label == "10 दिन पहले"
        assert ClaimStatus("overdue", days=30).label == "समय-सीमा 30 दिन पहले निकल चुकी"
        assert ClaimStatus("worse", percent=Decimal("12.5")).label == "दावे से 12.5% ख़राब"
        assert ClaimStatus("better", percent=Decimal("3.0")).label == "दावे से 3.0% बेहतर"


def test_english_phrases_are_unchanged():
    assert ClaimStatus("late", days=1).label == "Late by 1 day"
    assert ClaimStatus("overdue", days=2).label == "Overdue by 2 days"
    assert ClaimStatus("worse", percent=Decimal("12.5")).label == "Worse by 12.5%"
    assert ClaimStatus("kept").label == "Kept"
