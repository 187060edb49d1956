"""Grade formulas against values worked out by hand; sentence splitting; text extraction."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tiered.readability.measure import (
    article_blocks,
    find_sentence,
    measure,
    split_sentences,
    words,
)


def test_short_plain_passage_by_hand() -> None:
    # 9 words, 2 sentences, 9 syllables, no word of three syllables.
    m = measure(["The cat sat on the mat. The dog ran."])
    assert (m.words, m.sentences, m.syllables, m.polysyllables) == (9, 2, 9, 0)
    assert m.fkgl == pytest.approx(0.39 * 9 / 2 + 11.8 * 9 / 9 - 15.59)  # -2.035
    assert m.smog == pytest.approx(3.1291)


def test_medical_sentence_by_hand() -> None:
    # osteoporosis 6 + makes 1 + bones 1 + fragile 2 = 10 syllables in 4 words.
    m = measure(["Osteoporosis makes bones fragile."])
    assert (m.words, m.sentences, m.syllables, m.polysyllables) == (4, 1, 10, 1)
    assert m.fkgl == pytest.approx(0.39 * 4 + 11.8 * 10 / 4 - 15.59)  # 15.47
    assert m.smog == pytest.approx(1.0430 * math.sqrt(30) + 3.1291)  # 8.84


def test_long_sentences_and_minutes() -> None:
    long = " ".join(["word"] * 21) + "."
    m = measure([long, "Short one here."])
    assert m.long_sentences == 1
    assert m.long_share == 0.5
    assert m.minutes(200) == 1


def test_sentences_split_but_not_at_abbreviations() -> None:
    text = "Bone loss is common, e.g. in older women. Smith et al. found it. Is it? Yes!"
    assert split_sentences(text) == [
        "Bone loss is common, e.g. in older women.",
        "Smith et al. found it.",
        "Is it?",
        "Yes!",
    ]


def test_hardest_sentences_come_first() -> None:
    m = measure(["We walk a lot. Bisphosphonates reduce osteoclast activity considerably."])
    assert m.hardest[0].startswith("Bisphosphonates")


def test_article_text_leaves_out_what_is_not_prose() -> None:
    html = (
        '<h1 id="t">Title<a class="headerlink" href="#t">¶</a></h1>'
        "<p>First point.</p><ul><li>A list item</li></ul>"
        "<table><tr><td>cell text</td></tr></table><pre><code>code()</code></pre>"
        '<p>Cited <span class="citation" data-cites="a">[@a]</span> here.</p>'
        '<section class="references"><p>Entry text.</p></section>'
        '<div class="admonition note"><p class="admonition-title">Note</p><p>Body.</p></div>'
        '<p>A <a class="tiered-glossary-term" href="#x">term</a> counts.</p>'
    )
    assert article_blocks(html) == (
        "First point.",
        "A list item",
        "Cited  here.",
        "Body.",
        "A term counts.",
    )


def test_a_wrapped_paragraph_is_one_block() -> None:
    html = "<p>Bones are\nliving tissue.\nThey change.</p>\n<ul>\n<li>One\nitem.</li>\n</ul>"
    assert article_blocks(html) == ("Bones are living tissue. They change.", "One item.")


@pytest.mark.parametrize(
    ("source", "found"),
    [
        ("Intro.\n\nBones are **living**\ntissue, always.", 8),
        ("Bones are [living](x.md) tissue.", 0),
        ("Xbones are living tissue.", -1),  # not a word boundary
        ("Bones&nbsp;are living tissue.", -1),
        ("", -1),
    ],
)
def test_find_sentence_in_markdown(source: str, found: int) -> None:
    assert find_sentence(source, "Bones are living tissue, always.") == found


@given(st.text(), st.text())
def test_find_sentence_never_raises(source: str, sentence: str) -> None:
    found = find_sentence(source, sentence)
    assert found == -1 or 0 <= found < len(source)


def _find_by_pattern(source: str, sentence: str, start: int = 0) -> int:
    """find_sentence as one pattern per sentence: the rule it implements, as a regex."""
    found = words(sentence)
    for lead in (found[:4], found[:2]):
        if not lead:
            return -1
        pattern = re.compile(r"(?<![^\W_])" + r"[\W_]+".join(re.escape(w) for w in lead))
        match = pattern.search(source, start)
        if match:
            return match.start()
    return -1


_md_words = st.sampled_from(["bone", "Bones", "are", "living", "tissue", "x_y", "IL-6", "1,000"])
_md_gaps = st.sampled_from([" ", "\n", " **", "** ", "](x.md) ", " [", "_", "", "-"])


@given(st.lists(st.tuples(_md_words, _md_gaps), max_size=12), st.integers(0, 5))
def test_finding_a_sentence_is_the_pattern_rule(parts: list[tuple[str, str]], skip: int) -> None:
    source = "".join(w + g for w, g in parts)
    sentence = " ".join(w for w, _g in parts[skip:]) + "."
    assert find_sentence(source, sentence) == _find_by_pattern(source, sentence)
