"""Golden fixtures of the plain-language checks: ``fixtures/<check>_<case>.md`` -> ``.txt``.

Regenerate with ``pytest tests/plain --update-golden`` and review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tiered.plain.jargon import Flagged, PageJargon, candidates
from tiered.plain.numbers import natural_frequency
from tiered.plain.sentences import passive
from tiered.plain.words import is_common, zipf

from tests.plain.golden import SETTINGS, findings_text

FIXTURES = Path(__file__).parent / "fixtures"
CASES = sorted(p.stem for p in FIXTURES.glob("*.md"))


@pytest.mark.parametrize("case", CASES)
def test_golden(case: str, update_golden: bool) -> None:
    source = (FIXTURES / f"{case}.md").read_text(encoding="utf-8")
    got = findings_text(source, SETTINGS[case.split("_", maxsplit=1)[0]])
    expected = FIXTURES / f"{case}.txt"
    if update_golden:
        expected.write_text(got, encoding="utf-8")
    assert got == expected.read_text(encoding="utf-8")


def test_every_check_has_a_fixture() -> None:
    assert {c.split("_")[0] for c in CASES} == set(SETTINGS)


@pytest.mark.parametrize(
    ("value", "said"),
    [
        (11, "about 11 in 100"),
        (7.7, "about 8 in 100"),
        (0.5, "about 5 in 1,000"),
        (0.04, "about 4 in 10,000"),
        (0.0001, "about 1 in 100,000"),
        (0, "about 1 in 100,000"),
    ],
)
def test_natural_frequency(value: float, said: str) -> None:
    assert natural_frequency(value) == said


@pytest.mark.parametrize(
    ("sentence", "verb"),
    [
        ("New bone is made by cells", "is made"),
        ("It was not shown", "was not shown"),
        ("Doses are usually adjusted", "are usually adjusted"),
        ("She got hurt", "got hurt"),
        ("We were tired", None),
        ("This is called remodeling", None),
        ("It is known as turnover", None),
        ("The risk is known", "is known"),
        ("Bones are alive", None),
        ("The seed is freed", "is freed"),
        ("Bones need speed", None),
    ],
)
def test_passive(sentence: str, verb: str | None) -> None:
    assert passive(sentence.split()) == verb


def test_word_commonness_from_the_small_english_list() -> None:
    assert zipf("osteopenia") == 0.0
    assert zipf("androgens") == zipf("androgen") == 0.0
    assert round(zipf("walked"), 2) == round(zipf("walk"), 2)
    assert is_common("weight-bearing", 3.0)
    assert not is_common("clean-osteoid", 3.0)


def test_a_page_s_jargon_kept_small_gives_back_what_was_flagged() -> None:
    flagged = [Flagged("osteopenia", 120, 3), Flagged("DXA", -1, 1), Flagged("Osteopenia", 9, 1)]
    kept = PageJargon(flagged)
    assert list(kept) == flagged
    assert len(kept) == 3
    assert kept == PageJargon(flagged) != PageJargon(flagged[:2])
    assert list(PageJargon()) == []
    assert PageJargon.from_rows((f.text, f.offset, f.mentions) for f in flagged) == kept
    assert candidates([("b.md", kept), ("a.md", PageJargon(flagged[1:2]))]) == candidates(
        [("b.md", flagged), ("a.md", flagged[1:2])]
    )
