"""Golden HTML for the switcher, badge, step links, landing cards and the A–Z lists."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from tiered.common.dates import format_date
from tiered.levels import render
from tiered.levels.render import TierLink

from tests.levels.test_listing import LISTING

FIXTURES = Path(__file__).parent / "fixtures"

LINKS = [
    TierLink("fundamentals", "Fundamentals", "../fundamentals/", "Plain words.", "Short."),
    TierLink("intermediate", "Intermediate", "./", "How it works.", None, current=True),
    TierLink("academic", "Academic", "../academic/", "Full depth.", "Deep."),
]
HOSTILE = [
    TierLink(
        'basic"><script>',
        "<b>Basic</b> & more",
        'x" onmouseover="alert(1)',
        "<i>desc</i>",
        "'quoted' & <tagged>",
        current=True,
    )
]

CASES: dict[str, Callable[[], str]] = {
    "switcher_three_tiers": lambda: render.switcher(LINKS),
    "switcher_escaping": lambda: render.switcher(HOSTILE),
    "badge_reviewed": lambda: render.badge(
        "academic", "Academic", "Full depth.", dt.date(2026, 3, 5)
    ),
    "badge_escaping": lambda: render.badge("a&b", "<Label>", '"quoted"', None),
    "stepper_both": lambda: render.stepper(LINKS[0], LINKS[2]),
    "stepper_simpler_only": lambda: render.stepper(LINKS[1], None),
    "cards": lambda: render.cards(LINKS),
    "cards_escaping": lambda: render.cards(HOSTILE),
    **LISTING,
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_golden(case: str, update_golden: bool) -> None:
    html = CASES[case]()
    golden = FIXTURES / f"{case}.html"
    if update_golden:
        golden.write_text(html, encoding="utf-8")
    assert html == golden.read_text(encoding="utf-8")


def test_switcher_marks_exactly_one_current_link() -> None:
    html = render.switcher(LINKS)
    assert html.count("<a ") == 3
    assert html.count('aria-current="page"') == 1
    assert 'data-tiered-current="intermediate"' in html


def test_hostile_values_never_become_markup() -> None:
    html = "".join(fn() for name, fn in CASES.items() if name.endswith("escaping"))
    assert "<script>" not in html
    assert "<b>" not in html
    assert "<i>" not in html
    assert 'onmouseover="' not in html


def test_no_links_no_stepper() -> None:
    assert render.stepper(None, None) == ""


def test_dates_are_unambiguous() -> None:
    assert format_date(dt.date(2026, 1, 9)) == "9 January 2026"
