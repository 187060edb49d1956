"""Careless input to ``tiered/readability``: clear messages at their place, never a traceback."""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any

import pytest
from mkdocs.exceptions import Abort

from tests.conftest import BuildResult, SiteFactory, config_errors, page
from tests.readability.test_build import HARD, MIDDLE, PLAIN, _topic

OPTION = "Config value 'plugins': Plugin 'tiered/readability' option"


def _tiered(result: BuildResult) -> list[str]:
    return [w.removeprefix("tiered: ") for w in result.warnings if w.startswith("tiered: ")]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            {"words_per_minute": 0},
            "'words_per_minute': 0 is not a number of at least 1; give a number such as 200",
        ),
        (
            {"words_per_minute": -120},
            "'words_per_minute': -120 is not a number of at least 1; give a number such as 200",
        ),
        (
            {"words_per_minute": "fast"},
            "'words_per_minute': 'fast' is not a number of at least 1; give a number such as 200",
        ),
        (
            {"words_per_minute": True},
            "'words_per_minute': true is not a number of at least 1; give a number such as 200",
        ),
        (
            {"targets": {"fundamentals": {"fkgl": float("nan")}}},
            "'targets': Sub-option 'fkgl': .nan is not a number of at least 1; "
            "give a number such as 6",
        ),
        (
            {"targets": {"fundamentals": {"smog": -1}}},
            "'targets': Sub-option 'smog': -1 is not a number of at least 1; "
            "give a number such as 7",
        ),
        (
            {"targets": {"fundamentals": {"fkgl": "6"}}},
            "'targets': Sub-option 'fkgl': '6' is not a number of at least 1; "
            "give a number such as 6",
        ),
        (
            {"targets": {"fundamentals": {"fkgl": float("inf")}}},
            "'targets': Sub-option 'fkgl': .inf is not a number of at least 1; "
            "give a number such as 6",
        ),
        (
            {"report_path": "/tmp/levels.md"},
            "'report_path': '/tmp/levels.md' is absolute; give a path relative to the site "
            "folder such as 'about/reading-levels.md'",
        ),
        (
            {"report_path": "../levels.md"},
            "'report_path': '../levels.md' leads outside the site folder; give a path inside "
            "it such as 'about/reading-levels.md'",
        ),
        (
            {"report_path": "about/levels.html"},
            "'report_path': 'about/levels.html' must end with '.md' such as "
            "'about/reading-levels.md'",
        ),
    ],
)
def test_bad_options_stop_at_the_config_naming_the_option(
    tmp_path: Path, options: dict[str, Any], message: str
) -> None:
    assert config_errors(tmp_path, "tiered/readability", options) == [f"{OPTION} {message}"]


def test_a_file_where_the_report_goes_names_the_option(
    site: SiteFactory, caplog: pytest.LogCaptureFixture
) -> None:
    docs = {**_topic(PLAIN, MIDDLE, HARD), "about/reading-levels.md": "# Mine\n"}
    with pytest.raises(Abort), caplog.at_level(logging.ERROR):
        site.build(docs, readability={})
    assert [r.getMessage() for r in caplog.records if r.levelname == "ERROR"] == [
        "docs/about/reading-levels.md exists, but the reading-level report is generated there: "
        "remove the file or set 'report_path' in the tiered/readability options"
    ]


def test_report_path_is_normalised(site: SiteFactory) -> None:
    result = site.build(_topic(PLAIN, MIDDLE, HARD), readability={"report_path": "./a//r.md"})
    assert _tiered(result) == []
    assert "FKGL ≤ 6, SMOG ≤ 7: within" in result.html("a/r/index.html")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("-3", "'readability.max_grade': -3 is not a number of at least 1; give the grade "),
        (
            "eight",
            "'readability.max_grade': 'eight' is not a number of at least 1; give the grade ",
        ),
        ("true", "'readability.max_grade': true is not a number of at least 1; give the grade "),
        (".nan", "'readability.max_grade': .nan is not a number of at least 1; give the grade "),
    ],
)
def test_a_bad_max_grade_is_named_and_the_tier_target_applies(
    site: SiteFactory, value: str, message: str
) -> None:
    extra = f"readability:\n  max_grade: {value}\n  reason: Drug names.\n"
    result = site.build(_topic(HARD, HARD + HARD, HARD * 3, extra), readability={})
    warnings = _tiered(result)
    assert warnings[0] == (
        f"docs/topics/bones/fundamentals.md:4: {message}this page may reach, such as 8"
    )
    assert warnings[1].startswith("docs/topics/bones/fundamentals.md:11:1: reads above the ")


def test_an_override_that_is_not_a_mapping(site: SiteFactory) -> None:
    result = site.build(_topic(PLAIN, MIDDLE, HARD, "readability: 8\n"), readability={})
    assert _tiered(result) == [
        "docs/topics/bones/fundamentals.md:4: 'readability' must be a mapping with a number "
        "'max_grade'"
    ]


def test_unknown_override_fields_say_which_are_known(site: SiteFactory) -> None:
    extra = "readability:\n  max_grade: 13\n  reason: Drug names.\n  reviewer: Dr A\n"
    result = site.build(_topic(PLAIN, MIDDLE, HARD, extra), readability={})
    assert _tiered(result) == [
        "docs/topics/bones/fundamentals.md:4: unknown field(s) in 'readability': reviewer "
        "(it takes 'max_grade' and 'reason')"
    ]


def test_the_hardest_sentence_is_found_through_markup(site: SiteFactory) -> None:
    body = (
        "# Bones\n\nWe walk each day.\n\nSome say **aromatase**\ninhibitors substantially "
        "accelerate postmenopausal osteoclastogenesis, diminishing [trabecular](x.md) "
        "microarchitecture considerably.\n"
    )
    docs = _topic(PLAIN, MIDDLE, HARD)
    docs["topics/bones/fundamentals.md"] = page("tier: fundamentals\n", body)
    result = site.build(docs, readability={})
    # Line 9, at "Some": the sentence starts there; the line break inside it is a space.
    assert _tiered(result)[0] == (
        "docs/topics/bones/fundamentals.md:9:1: reads above the fundamentals target: grade "
        '26.6 (FKGL; target 6) and SMOG 15.9 (target 7); hardest sentences: "Some say '
        "aromatase inhibitors substantially accelerate postmenopausal osteoclastogenesis, "
        'diminishing trabecular microa…"'
    )


def test_a_sentence_not_in_the_source_falls_back_to_the_first_line(site: SiteFactory) -> None:
    # The sentence comes from HTML the author wrote with entities: not found as text.
    body = (
        "# Bones\n\n<p>Aromatase&#32;inhibitors&#32;substantially&#32;accelerate "
        "postmenopausal osteoclastogenesis, diminishing trabecular microarchitecture.</p>\n"
    )
    docs = _topic(PLAIN, MIDDLE, HARD)
    docs["topics/bones/fundamentals.md"] = page("tier: fundamentals\n", body)
    result = site.build(docs, readability={})
    assert _tiered(result)[0].startswith(
        "docs/topics/bones/fundamentals.md:4: reads above the fundamentals target: grade "
    )


@pytest.mark.parametrize(
    ("name", "body"),
    [
        ("empty", ""),
        ("title-only", "# Bones\n"),
        ("table-only", "| a | b |\n| - | - |\n| 1 | 2 |\n"),
        ("code-only", "```\nprint('x')\n```\n"),
        ("punctuation", "... !!! ??? — – “ ” … §\n"),
        ("unicode", "عظام قوية. 骨骼很重要。 Café naïve coöperate. 👩‍⚕️ says hi.\u200b\n"),
        ("combining", "Bo\u0301nes a\u0308re goo\u0327d. Z\u0351\u0352a\u0353lgo.\n"),
    ],
)
def test_pages_with_little_or_odd_prose_build(site: SiteFactory, name: str, body: str) -> None:
    docs = _topic(PLAIN, MIDDLE, HARD)
    docs["topics/bones/fundamentals.md"] = page("tier: fundamentals\n", body)
    result = site.build(docs, readability={"targets": {}})
    assert _tiered(result) == []
    assert "tiered-reading-level" in result.html("topics/bones/fundamentals/index.html")


def test_a_huge_paragraph_is_measured_quickly(site: SiteFactory) -> None:
    # 60,000 words without a full stop, and a run of 20,000 punctuation marks.
    body = "# Bones\n\n" + "bone " * 60_000 + "\n\n" + "-," * 10_000 + "\n"
    docs = _topic(PLAIN, MIDDLE, HARD)
    docs["topics/bones/fundamentals.md"] = page("tier: fundamentals\n", body)
    start = time.perf_counter()
    result = site.build(docs, readability={"targets": {}})
    assert time.perf_counter() - start < 20
    assert "300 min read" in result.html("topics/bones/fundamentals/index.html")
