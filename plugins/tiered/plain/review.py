"""Review dates: when a page was last reviewed and when its next review is due.

``reviewed:`` (read by tiered/levels too) and ``next_review:`` in front matter; without
``next_review``, the site's review interval after ``reviewed``. No MkDocs here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from html import escape

from tiered.common.dates import add_months, format_date, read_date


@dataclass(frozen=True, slots=True)
class Review:
    """A page's review dates and what is wrong with them.

    Attributes:
        reviewed: The last review, or ``None``.
        due: The next review, or ``None`` (none given and no interval set).
        problems: ``(front matter key, message)`` for a malformed ``next_review`` (a
            malformed ``reviewed`` is tiered/levels' to report).
    """

    reviewed: dt.date | None
    due: dt.date | None
    problems: tuple[tuple[str, str], ...] = ()

    def overdue(self, today: dt.date) -> bool:
        """Whether the next review is past."""
        return self.due is not None and self.due < today


def read_review(meta: Mapping[str, object], interval_months: int | None) -> Review:
    """The review dates of a page's front matter (``meta``)."""
    problems = []
    reviewed = due = None
    if meta.get("reviewed") is not None:
        reviewed, _problem = read_date(meta["reviewed"])  # tiered/levels reports it
    if meta.get("next_review") is not None:
        due, problem = read_date(meta["next_review"])
        if problem:
            problems.append(("next_review", f"front matter field 'next_review': {problem}"))
        elif reviewed is not None and due is not None and due < reviewed:
            problems.append(
                (
                    "next_review",
                    f"'next_review' ({due.isoformat()}) is before 'reviewed' "
                    f"({reviewed.isoformat()}): correct one of them",
                )
            )
    elif reviewed is not None and interval_months is not None:
        due = add_months(reviewed, interval_months)
    return Review(reviewed, due, tuple(problems))


def review_lines(review: Review) -> str:
    """ "Page last reviewed" / "Next review due", as the NHS shows them; "" without a review."""
    if review.reviewed is None:
        return ""
    parts = [_line("Page last reviewed", review.reviewed)]
    if review.due is not None:
        parts.append(_line("Next review due", review.due))
    return '<div class="tiered-review-dates">\n' + "".join(parts) + "</div>\n"


def _line(label: str, date: dt.date) -> str:
    return (
        f"<p>{escape(label)}: "
        f'<time datetime="{date.isoformat()}">{escape(format_date(date))}</time></p>\n'
    )
