"""Syllable counts: the CMU dictionary, and rules for the medical words it lacks."""

from __future__ import annotations

from pathlib import Path

import pytest
from tiered.readability.syllables import Pronouncing, _dictionary, estimate, load, syllables

# Medical words and their syllables by dictionary hyphenation (Merriam-Webster's
# pronunciation division): os·teo·clas·to·gen·e·sis is os-te-o-clas-to-gen-e-sis.
MEDICAL = {
    "osteoclastogenesis": 8,
    "anastrozole": 4,
    "letrozole": 3,
    "exemestane": 4,
    "denosumab": 4,
    "bisphosphonate": 4,
    "bisphosphonates": 4,
    "zoledronic": 4,
    "alendronate": 4,
    "risedronate": 4,
    "ibandronate": 4,
    "aromatase": 4,
    "osteoclast": 4,
    "osteoclasts": 4,
    "osteoblast": 4,
    "osteopenia": 6,
    "teriparatide": 5,
    "postmenopausal": 5,
    "premenopausal": 5,
    "periosteum": 5,
    "cytokines": 3,
    "glucocorticoids": 5,
    "trabecular": 4,
    "densitometry": 5,
    "osteoporosis": 6,
    "estrogen": 3,
    "tamoxifen": 4,
    "menopause": 3,
}


@pytest.mark.parametrize(("word", "count"), sorted(MEDICAL.items()))
def test_medical_words(word: str, count: int) -> None:
    assert syllables(word) == count


def test_the_rules_carry_words_the_dictionary_lacks() -> None:
    missing = [w for w in MEDICAL if w not in _dictionary()]
    assert len(missing) >= 15  # most of the list is out of the dictionary
    for word in missing:
        assert estimate(word) == MEDICAL[word], word


def test_plain_vowel_groups_would_undercount() -> None:
    # The usual fallback (vowel groups, minus a silent e) says 6 and 3: the hiatus rule matters.
    assert syllables("osteoclastogenesis") == 8
    assert syllables("zoledronic") == 4


def test_everyday_words_and_forms() -> None:
    assert [syllables(w) for w in ("the", "bone", "fracture", "every", "area")] == [1, 1, 2, 2, 3]
    assert syllables("Bones") == 1
    assert syllables("anti-estrogen") == 5
    assert syllables("") == 0


def test_the_compact_dictionary_finds_exactly_its_words() -> None:
    table = Pronouncing({"bone": 1, "ab": 3, "a": 1, "zoledronic": 4, "a's": 1})
    assert [table.get(w) for w in ("a", "a's", "ab", "bone", "zoledronic")] == [1, 1, 3, 1, 4]
    assert [table.get(w) for w in ("", "b", "bon", "bones", "zz")] == [None] * 5
    assert len(table) == 5
    assert "bone" in table
    assert "bon" not in table


@pytest.mark.parametrize(
    "lines",
    [
        ["a 1", "a's 1", "ab 3", "bone 1", "zoledronic 4"],  # as the tool writes it: sorted
        ["bone 1", "a 1", "zoledronic 4", "ab 3", "a's 1"],  # edited by hand: any order
        ["a 1", "a's 1", "ab 2", "ab 3", "bone 1", "zoledronic 4"],  # twice: the last wins
    ],
)
def test_a_table_read_from_a_file_finds_its_words_in_any_order(
    tmp_path: Path, lines: list[str]
) -> None:
    table_file = tmp_path / "table.txt"
    table_file.write_text(";;; header\n" + "\n".join(lines) + "\n", encoding="utf-8")
    table = load(table_file)
    assert [table.get(w) for w in ("a", "a's", "ab", "bone", "zoledronic")] == [1, 1, 3, 1, 4]
    assert [table.get(w) for w in ("", "b", "bon", "bones", "zz")] == [None] * 5
    assert len(table) == 5
