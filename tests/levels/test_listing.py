"""The Topics A–Z and category page lists (golden cases: ``LISTING``)."""

from __future__ import annotations

from collections.abc import Callable

from tiered.levels import listing
from tiered.levels.listing import CategoryItem, LetterLink, TopicItem
from tiered.levels.render import TierLink

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

# Golden cases, run by test_render.test_golden with the other levels HTML.
LISTING: dict[str, Callable[[], str]] = {
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


def test_the_other_letter_has_a_plain_anchor() -> None:
    assert listing.letter_id("#") == "tiered-az-other"
    assert listing.letter_id("Q") == "tiered-az-q"
