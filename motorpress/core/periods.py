"""Periods with a precision: "2024", "2024 H1", "2024 Q3", "June 2025", "15 June 2025".

Makers promise launches for a half or a month, not a day. A period is stored as its first day
plus a precision, so "2024 H1" is an exact value that can be compared, sorted and checked for
lateness (its last day is 30 June 2024), not a string.
"""

import calendar
import re
from dataclasses import dataclass
from datetime import date

from django.db import models
from django.utils.dates import MONTHS_ALT
from django.utils.translation import gettext

MIN_YEAR, MAX_YEAR = 1885, 2100


class Precision(models.TextChoices):
    YEAR = "year", "Year"
    HALF = "half", "Half year"
    QUARTER = "quarter", "Quarter"
    MONTH = "month", "Month"
    DAY = "day", "Day"


_MONTHS_IN = {Precision.YEAR: 12, Precision.HALF: 6, Precision.QUARTER: 3, Precision.MONTH: 1}
_MONTH_NAMES = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}
_MONTH_NAMES |= {name.lower(): n for n, name in enumerate(calendar.month_abbr) if name}


@dataclass(frozen=True, order=True)
class Period:
    start: date
    precision: str

    def __post_init__(self):
        if not MIN_YEAR <= self.start.year <= MAX_YEAR:
            raise ValueError(f"year {self.start.year} is outside {MIN_YEAR} to {MAX_YEAR}")
        if self.precision not in Precision.values:
            raise ValueError(f"unknown precision {self.precision!r}")
        if self.precision != Precision.DAY:
            months = _MONTHS_IN[self.precision]
            if self.start.day != 1 or (self.start.month - 1) % months:
                raise ValueError(f"{self.start} does not start a {self.precision}")

    @property
    def end(self) -> date:
        """The last day of the period."""
        if self.precision == Precision.DAY:
            return self.start
        last_month = self.start.month + _MONTHS_IN[self.precision] - 1
        return date(
            self.start.year, last_month, calendar.monthrange(self.start.year, last_month)[1]
        )

    @property
    def label(self) -> str:
        year = self.start.year
        match self.precision:
            case Precision.YEAR:
                return str(year)
            case Precision.HALF:
                return f"{year} H{1 if self.start.month == 1 else 2}"
            case Precision.QUARTER:
                return f"{year} Q{(self.start.month - 1) // 3 + 1}"
            case Precision.MONTH:
                return f"{calendar.month_name[self.start.month]} {year}"
        return f"{self.start.day} {calendar.month_name[self.start.month]} {year}"

    @property
    def display(self) -> str:
        """The label in the active language for pages ("2024 की पहली छमाही" on the Hindi
        edition); `label` stays English, as the API, the admin and `parse` need it. The
        alternative month names are Django's correctly spelt Hindi ones ("सितंबर")."""
        year = self.start.year
        match self.precision:
            case Precision.YEAR:
                return str(year)
            case Precision.HALF:
                half = gettext("%(year)s H1") if self.start.month == 1 else gettext("%(year)s H2")
                return half % {"year": year}
            case Precision.QUARTER:
                quarters = [
                    gettext("%(year)s Q1"),
                    gettext("%(year)s Q2"),
                    gettext("%(year)s Q3"),
                    gettext("%(year)s Q4"),
                ]
                return quarters[(self.start.month - 1) // 3] % {"year": year}
            case Precision.MONTH:
                return f"{MONTHS_ALT[self.start.month]} {year}"
        return f"{self.start.day} {MONTHS_ALT[self.start.month]} {year}"

    def __str__(self):
        return self.label

    @classmethod
    def parse(cls, text: str) -> "Period":
        """Read "2024", "2024 H1", "2024-Q3", "June 2025", "2025-06", "15 June 2025" or
        "2025-06-15"."""
        value = " ".join(str(text).strip().split())
        if not value.isascii():  # "१९९५" is a digit string to Python, not a year to us
            raise ValueError(f"not a period: {text!r}")
        if match := re.fullmatch(r"(\d{4})", value):
            return cls(date(int(match[1]), 1, 1), Precision.YEAR)
        if match := re.fullmatch(r"(\d{4})[ -]?H([12])", value, re.IGNORECASE):
            return cls(date(int(match[1]), 1 if match[2] == "1" else 7, 1), Precision.HALF)
        if match := re.fullmatch(r"(\d{4})[ -]?Q([1-4])", value, re.IGNORECASE):
            return cls(date(int(match[1]), 3 * int(match[2]) - 2, 1), Precision.QUARTER)
        if match := re.fullmatch(r"([A-Za-z]+) (\d{4})", value):
            month = _MONTH_NAMES.get(match[1].lower())
            if month:
                return cls(date(int(match[2]), month, 1), Precision.MONTH)
        if match := re.fullmatch(r"(\d{1,2}) ([A-Za-z]+) (\d{4})", value):
            month = _MONTH_NAMES.get(match[2].lower())
            if month:
                return cls(date(int(match[3]), month, int(match[1])), Precision.DAY)
        if match := re.fullmatch(r"(\d{4})-(\d{1,2})", value):
            return cls(date(int(match[1]), int(match[2]), 1), Precision.MONTH)
        if match := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", value):
            return cls(date(int(match[1]), int(match[2]), int(match[3])), Precision.DAY)
        raise ValueError(f"not a period: {text!r} (try '2024 H1', 'June 2025' or '2025-06-15')")
