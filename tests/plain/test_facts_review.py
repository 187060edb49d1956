"""Numbers agree across a topic's tiers; review dates shown, checked and placed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from tiered.common.dates import add_months, read_date

from tests.conftest import SiteFactory, page
from tests.plain.golden import facts_text
from tests.plain.test_build import _plain


def _topic(fundamentals: str, academic: str, front: str = "") -> dict[str, str]:
    return {
        "topics/bones/index.md": page("title: Bones\n", "# Bones\n\nAbout.\n"),
        "topics/bones/fundamentals.md": page(
            f"tier: fundamentals\nsummary: S.\n{front}", f"# Bones\n\n{fundamentals}\n"
        ),
        "topics/bones/intermediate.md": page(
            "tier: intermediate\nsummary: S.\n", "# Bones\n\nBones heal.\n"
        ),
        "topics/bones/academic.md": page(
            "tier: academic\nsummary: S.\n", f"# Bones\n\n{academic}\n"
        ),
    }


NO_CHECKS = {
    "tiers": {
        "fundamentals": {
            "jargon": False,
            "acronyms": False,
            "numbers": False,
            "passive": False,
        },
        "academic": {"report_only": True},
    }
}


def test_a_number_missing_from_the_academic_page_names_both(site: SiteFactory) -> None:
    result = site.build(
        _topic(
            "Bones heal in 6 weeks. About 1,000 of them broke. Studies saw 11 in 100 [@smith]. "
            "About 3 in 10 fall.",
            "Healing takes 6 weeks; 1000 fractures were seen.",
        ),
        plain=NO_CHECKS,
    )
    assert _plain(result) == [
        'docs/topics/bones/fundamentals.md:8:89: the number "3" is not on the academic page '
        "(docs/topics/bones/academic.md) and has no citation here: check the two agree, or "
        "cite the source in this sentence",
        'docs/topics/bones/fundamentals.md:8:94: the number "10" is not on the academic page '
        "(docs/topics/bones/academic.md) and has no citation here: check the two agree, or "
        "cite the source in this sentence",
    ]  # "1,000" is the academic page's "1000"; "11 in 100" is cited


FACTS = Path(__file__).parent / "fixtures" / "facts"


@pytest.mark.parametrize("case", sorted(p.name for p in FACTS.iterdir()))
def test_facts_golden(case: str, update_golden: bool) -> None:
    """``fixtures/facts/<case>/``: fundamentals.md against academic.md -> expected.txt."""
    folder = FACTS / case
    got = facts_text(
        (folder / "fundamentals.md").read_text(encoding="utf-8"),
        (folder / "academic.md").read_text(encoding="utf-8"),
    )
    if update_golden:
        (folder / "expected.txt").write_text(got, encoding="utf-8")
    assert got == (folder / "expected.txt").read_text(encoding="utf-8")


def test_an_accepted_number_is_not_a_mismatch(site: SiteFactory) -> None:
    front = 'plain:\n  allow: ["6", "3"]\n  reason: The trial\'s own figures.\n'
    result = site.build(
        _topic("Bones heal in 6 weeks. About 3 in 10 fall.", "Healing is slow.", front),
        plain=NO_CHECKS,
    )
    assert _plain(result) == [
        'docs/topics/bones/fundamentals.md:11:35: the number "10" is not on the academic page '
        "(docs/topics/bones/academic.md) and has no citation here: check the two agree, or "
        "cite the source in this sentence"
    ]


def test_dates_are_read_and_months_added() -> None:
    assert read_date("2026-03-05") == (dt.date(2026, 3, 5), "")
    assert read_date("2026-02-30") == (
        None,
        "'2026-02-30' is not a valid date: February 2026 has 28 days; correct the day",
    )
    assert read_date("soon") == (None, "'soon' is not a valid date (use YYYY-MM-DD)")
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2026, 11, 15), 14) == dt.date(2028, 1, 15)


def test_review_dates_are_shown_at_the_end_of_tier_pages(site: SiteFactory) -> None:
    front = "reviewed: 2026-03-05\nnext_review: 2999-03-05\n"
    result = site.build(_topic("Bones heal.", "Bones heal.", front), plain=NO_CHECKS)
    assert _plain(result) == []
    html = result.html("topics/bones/fundamentals/index.html")
    assert (
        '<div class="tiered-review-dates">\n'
        '<p>Page last reviewed: <time datetime="2026-03-05">5 March 2026</time></p>\n'
        '<p>Next review due: <time datetime="2999-03-05">5 March 2999</time></p>\n'
        "</div>"
    ) in html
    assert "tiered-review-dates" not in result.html("topics/bones/academic/index.html")


def test_the_site_interval_sets_the_next_review(site: SiteFactory) -> None:
    front = "reviewed: 2026-01-31\n"
    result = site.build(
        _topic("Bones heal.", "Bones heal.", front), plain={**NO_CHECKS, "review_interval": 1}
    )
    html = result.html("topics/bones/fundamentals/index.html")
    assert '<p>Next review due: <time datetime="2026-02-28">28 February 2026</time></p>' in html
    assert _plain(result) == [
        "docs/topics/bones/fundamentals.md:4: the page's review was due on 28 February 2026: "
        "review it, then update 'reviewed' (and 'next_review')"
    ]


@pytest.mark.parametrize(
    ("front", "message"),
    [
        (
            "reviewed: 2026-03-05\nnext_review: 2026-13-01\n",
            "docs/topics/bones/fundamentals.md:5: front matter field 'next_review': "
            "'2026-13-01' is not a valid date: there is no month 13; correct the month "
            "(YYYY-MM-DD)",
        ),
        (
            "reviewed: 2026-03-05\nnext_review: 2020-01-01\n",
            "docs/topics/bones/fundamentals.md:5: 'next_review' (2020-01-01) is before "
            "'reviewed' (2026-03-05): correct one of them\n"
            "docs/topics/bones/fundamentals.md:5: the page's review was due on 1 January "
            "2020: review it, then update 'reviewed' (and 'next_review')",
        ),
        (
            "next_review: 2020-01-01\n",
            "docs/topics/bones/fundamentals.md:4: the page's review was due on 1 January 2020: "
            "review it, then update 'reviewed' (and 'next_review')",
        ),
    ],
)
def test_bad_or_past_review_dates_are_warnings(site: SiteFactory, front: str, message: str) -> None:
    result = site.build(_topic("Bones heal.", "Bones heal.", front), plain=NO_CHECKS)
    # (MkDocs renders front matter it cannot read as text: the numbers check sees it.)
    assert [w for w in _plain(result) if "review" in w] == message.split("\n")
