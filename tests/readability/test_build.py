"""End-to-end ``mkdocs build`` runs with ``tiered/readability``."""

from __future__ import annotations

import logging

import pytest
from mkdocs.exceptions import Abort

from tests.conftest import BuildResult, SiteFactory, page

PLAIN = "We walk each day. It is good for us. We eat well too. Our bones like it.\n"
MIDDLE = (
    "Walking keeps your skeleton strong over the years. Doctors often suggest calcium and "
    "extra sun.\n"
)  # FKGL 7.0, SMOG 8.8
HARD = (
    "Aromatase inhibitors substantially accelerate postmenopausal osteoclastogenesis, "
    "diminishing trabecular microarchitecture and cortical integrity considerably.\n"
)


def _topic(fundamentals: str, intermediate: str, academic: str, extra: str = "") -> dict[str, str]:
    docs = {"topics/bones/index.md": page("title: Bones\n", "# Bones\n\nAbout.\n")}
    for tier, text in (
        ("fundamentals", fundamentals),
        ("intermediate", intermediate),
        ("academic", academic),
    ):
        front = f"tier: {tier}\nsummary: S.\n" + (extra if tier == "fundamentals" else "")
        docs[f"topics/bones/{tier}.md"] = page(front, f"# Bones, {tier}\n\n{text}")
    return docs


def _tiered(result: BuildResult) -> list[str]:
    return [w.removeprefix("tiered: ") for w in result.warnings if w.startswith("tiered: ")]


def test_levels_within_targets_show_on_pages_and_in_the_report(site: SiteFactory) -> None:
    result = site.build(_topic(PLAIN, MIDDLE, HARD), readability={})
    assert _tiered(result) == []
    html = result.html("topics/bones/fundamentals/index.html")
    assert '<p class="tiered-reading-level">Reading level: grade 1, 1 min read</p>' in html
    assert html.index("</h1>") < html.index("tiered-reading-level")
    report = result.html("about/reading-levels/index.html")
    assert '<a href="../../topics/bones/fundamentals/">Fundamentals</a>' in report
    assert "FKGL ≤ 6, SMOG ≤ 7: within" in report
    assert "reported only" in report


def test_a_page_over_target_names_its_grades_and_hardest_sentences(site: SiteFactory) -> None:
    result = site.build(_topic(HARD, HARD + HARD, HARD + HARD + HARD), readability={})
    warnings = _tiered(result)
    assert warnings[0] == (
        "docs/topics/bones/fundamentals.md:8:1: reads above the fundamentals target: grade 39.4 "
        '(FKGL; target 6) and SMOG 22.9 (target 7); hardest sentences: "Aromatase '
        "inhibitors substantially accelerate postmenopausal osteoclastogenesis, diminishing "
        'trabecular microarchitectu…"'
    )  # the grades as test_measure works them out; long sentences cut at 120 characters
    assert warnings[1].startswith("docs/topics/bones/intermediate.md:8:1: reads above the ")


def test_tiers_must_read_harder_in_order(site: SiteFactory) -> None:
    result = site.build(_topic(MIDDLE, PLAIN, HARD), readability={"targets": {}})
    assert _tiered(result) == [
        "docs/topics/bones/intermediate.md:2: the intermediate tier reads at grade -2.1, not "
        "above fundamentals (7.0): each tier should read harder than the last"
    ]


def test_override_needs_a_reason(site: SiteFactory) -> None:
    docs = _topic(MIDDLE, HARD, HARD + HARD, "readability:\n  max_grade: 13\n")
    result = site.build(docs, readability={})
    assert _tiered(result)[0] == (
        "docs/topics/bones/fundamentals.md:4: 'readability.max_grade' needs a 'reason' (why "
        "this page may read harder than its tier's target); the tier's target still applies"
    )
    assert "reads above the fundamentals target" in _tiered(result)[1]


def test_override_with_a_reason_raises_the_target(site: SiteFactory) -> None:
    extra = "readability:\n  max_grade: 13\n  reason: Drug names cannot be simplified.\n"
    result = site.build(_topic(MIDDLE, HARD, HARD + HARD, extra), readability={})
    assert not any("fundamentals" in w for w in _tiered(result))


def test_a_target_for_an_unknown_tier_stops_the_build(
    site: SiteFactory, caplog: pytest.LogCaptureFixture
) -> None:
    with pytest.raises(Abort), caplog.at_level(logging.ERROR):
        site.build(_topic(PLAIN, MIDDLE, HARD), readability={"targets": {"expert": {"fkgl": 3}}})
    assert [r.getMessage() for r in caplog.records if r.levelname == "ERROR"] == [
        "tiered/readability: a target is set for tier 'expert', which 'order' does not list "
        "(fundamentals, intermediate, academic)"
    ]
