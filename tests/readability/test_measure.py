"""Grade formulas against values worked out by hand; sentence splitting; text extraction."""

from __future__ import annotations

import math

import pytest
from tiered.readability.measure import article_blocks, measure, split_sentences


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
    assert article_blocks(html) == [
        "First point.",
        "A list item",
        "Cited  here.",
        "Body.",
        "A term counts.",
    ]
