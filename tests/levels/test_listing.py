"""Golden HTML for the Topics A–Z and category page lists."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from tiered.levels import listing
from tiered.levels.listing import CategoryItem, LetterLink, TopicItem
from tiered.levels.render import TierLink

FIXTURES = Path(__file__).parent / "fixtures"

TOPIC = TopicItem(
    "Hip pain",
    "hip/",
    "Why hips hurt.",
    ("Bones", "../categories/bones/"),
    (TierLink("fundamentals", "Fundamentals", "hip/fundamentals/"),),
)
HOSTILE = TopicItem(
    '<b>Hip</b> "pain" & more',
    'x" onmouseover="alert(1)',
    "<script>alert(1)</script>",
    ("<i>Bones</i>", "a&b"),
    (TierLink('t"><x', "<Tier>", "h?a=1&b=2"),),
)

CASES: dict[str, Callable[[], str]] = {
    "az_letters_current": lambda: listing.letters_bar(
        [
            LetterLink("A", "../a/"),
            LetterLink("B", "./", current=True),
            LetterLink("#", "../other/"),
        ]
    ),
    "az_letter_section": lambda: listing.letter_section("H", [TOPIC]),
    "az_escaping": lambda: listing.topics([HOSTILE]),
    "az_categories": lambda: listing.categories(
        [
            CategoryItem("Bones", "../categories/bones/", "Skeleton & joints.", 1),
            CategoryItem("<Heart>", "h/", "", 2),
        ]
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_golden(case: str, update_golden: bool) -> None:
    html = CASES[case]()
    golden = FIXTURES / f"{case}.html"
    if update_golden:
        golden.write_text(html, encoding="utf-8")
    assert html == golden.read_text(encoding="utf-8")


def test_the_other_letter_has_a_plain_anchor() -> None:
    assert listing.letter_id("#") == "tiered-az-other"
    assert listing.letter_id("Q") == "tiered-az-q"
