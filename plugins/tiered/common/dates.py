"""Dates as readers see them, the same on the site and in the PDFs."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from tiered.common.yamlsource import as_yaml

_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def format_date(date: dt.date) -> str:
    """``5 March 2026``: unambiguous for readers anywhere (no 03/05 to misread)."""
    return f"{date.day} {_MONTHS[date.month - 1]} {date.year}"


def read_date(value: object) -> tuple[dt.date | None, str]:
    """A front matter date (``YYYY-MM-DD``, as text or a date), or ``None`` and what is wrong.

    The problem names the value and how to correct it; it is ``""`` for a good date.
    """
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value, ""  # MkDocs' page.meta reads dates as dates
    problem = f"{as_yaml(value)} is not a valid date (use YYYY-MM-DD)"
    if isinstance(value, str) and _DATE_RE.match(value):
        try:
            return dt.date.fromisoformat(value), ""
        except ValueError:
            problem = f"{value!r} is not a valid date: {_impossible(value)}"
    return None, problem


def _impossible(value: str) -> str:
    """Why a ``YYYY-MM-DD`` text is no day of the calendar, and what to correct."""
    year, month, _day = (int(part) for part in value.split("-"))
    if year < dt.MINYEAR:
        return "there is no year 0; correct the year"
    if not 1 <= month <= 12:
        return f"there is no month {month}; correct the month (YYYY-MM-DD)"
    days = calendar.monthrange(year, month)[1]
    return f"{calendar.month_name[month]} {year} has {days} days; correct the day"


def add_months(date: dt.date, months: int) -> dt.date:
    """``date`` plus ``months`` calendar months (31 January + 1 month: 28 or 29 February)."""
    index = date.month - 1 + months
    year, month = date.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(date.day, calendar.monthrange(year, month)[1]))
