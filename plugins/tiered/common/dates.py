"""Dates as readers see them, the same on the site and in the PDFs."""

from __future__ import annotations

import datetime as dt

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
