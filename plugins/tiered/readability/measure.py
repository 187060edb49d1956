"""Readability formulas over plain text: Flesch-Kincaid grade, SMOG, sentence length.

Flesch-Kincaid grade level (Kincaid et al., 1975):
    0.39 * words/sentences + 11.8 * syllables/words - 15.59
SMOG grade (McLaughlin, 1969), for any number of sentences:
    1.0430 * sqrt(polysyllables * 30 / sentences) + 3.1291
where a polysyllable has three syllables or more.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from tiered.common.text import SKIP, visible_text
from tiered.readability.syllables import syllables

LONG_SENTENCE = 20  # words
_POLY = 3  # syllables: a polysyllable (SMOG)
# Letters (with inner apostrophes and hyphens) or a number: what counts as a word.
_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*|\d+(?:[.,]\d+)*%?", re.UNICODE)
# Where sentences end: . ! ? (and closing quotes or brackets), then space or the end.
_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
# Abbreviations that end with a full stop but not a sentence.
_ABBREVIATIONS = re.compile(
    r"\b(?:e\.g|i\.e|et al|etc|vs|Dr|Mr|Mrs|Ms|Prof|approx|Fig|No|vol|pp?|ch|cf)\.$",
    re.IGNORECASE,
)
# Only a sentence's last characters can hold one ("approx." and the boundary before it):
# the search starts there, not at every word of the sentence.
_TAIL = 9


def split_sentences(block: str) -> list[str]:
    """The sentences of one paragraph or list item (a block always ends one)."""
    return list(_split_sentences(block))


# Both tiered/readability and tiered/plain read each page's blocks and sentences, in
# the same batch of pages (in the plugins' worker, one task's batch after the other's):
# the second reading of the same text is a lookup. Keyed by the text itself and bounded
# by about two batches of pages, not the site (at 16,384 sentences the words alone held
# 13 MiB for the whole build); page_done() empties them.
_PAGES = 32
_PAGE_BLOCKS = 1024
_PAGE_SENTENCES = 4096


@functools.lru_cache(maxsize=_PAGE_BLOCKS)
def _split_sentences(block: str) -> tuple[str, ...]:
    pieces = _END.split(" ".join(block.split()))
    sentences: list[str] = []
    for piece in pieces:
        if sentences and _ABBREVIATIONS.search(sentences[-1], max(0, len(sentences[-1]) - _TAIL)):
            sentences[-1] += " " + piece
        else:
            sentences.append(piece)
    return tuple(s for s in sentences if _WORD.search(s))


def page_done() -> None:
    """Forget the pages read since the last call: their articles' blocks and sentences
    (call when every reader is done).

    What the lookups hold is a page's or a batch's, for the plugins reading them; kept
    until the caches overflowed, it was ~2.7 MiB of other pages' text alive while the
    site renders.
    """
    _split_sentences.cache_clear()
    _words.cache_clear()
    article_blocks.cache_clear()


def words(sentence: str) -> list[str]:
    return list(_words(sentence))


def sentence_words(sentence: str) -> tuple[str, ...]:
    """:func:`words` as the shared (cached) tuple: no copy for a caller that keeps it."""
    return _words(sentence)


def block_sentences(block: str) -> tuple[str, ...]:
    """:func:`split_sentences` as the shared (cached) tuple."""
    return _split_sentences(block)


@functools.lru_cache(maxsize=_PAGE_SENTENCES)
def _words(sentence: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(sentence))


# Called for every word of every page: cached (the C wrapper costs less than the test).
# The one cache of syllable counts: a site's vocabulary, bounded.
@functools.lru_cache(maxsize=65536)
def word_syllables(word: str) -> int:
    """Syllables; a number counts as two (few are read out as one or as many as five)."""
    return 2 if word[0].isdigit() else syllables(word)


def find_sentence(source: str, sentence: str, start: int = 0) -> int:
    """Where ``sentence`` (plain text of the rendered page) starts in ``source``, or -1.

    Markup may sit between its words in the Markdown (``**``, ``[``, a line break), so
    its first words are looked for with anything but letters or digits between them;
    a link's target among the first four (``[bone](bone.md)``) has letters, so then its
    first two. Plain string searches from each place the first word starts: no pattern
    to compile per sentence, and no backtracking (a gap holds no letter or digit and a
    word starts with one).
    """
    found = words(sentence)
    for lead in (found[:4], found[:2]):
        if not lead:
            return -1
        at = source.find(lead[0], start)
        while at >= 0:
            if (at == 0 or not _ALNUM.match(source, at - 1)) and _follows(source, at, lead):
                return at
            at = source.find(lead[0], at + 1)
    return -1


_ALNUM = re.compile(r"[^\W_]")
_GAP = re.compile(r"[\W_]+")


def _follows(source: str, at: int, lead: list[str]) -> bool:
    """Whether ``lead``'s words follow each other at ``at``, with markup gaps between them."""
    pos = at + len(lead[0])
    for word in lead[1:]:
        gap = _GAP.match(source, pos)
        if gap is None or not source.startswith(word, gap.end()):
            return False
        pos = gap.end() + len(word)
    return True


def sentence_grade(sentence: str) -> float:
    """The Flesch-Kincaid grade of a single sentence: how hard it is on its own."""
    found = words(sentence)
    if not found:
        return 0.0
    total = sum(word_syllables(w) for w in found)
    return 0.39 * len(found) + 11.8 * total / len(found) - 15.59


@dataclass(frozen=True, slots=True)
class Measures:
    """The readability of a text."""

    words: int
    sentences: int
    syllables: int
    polysyllables: int
    long_sentences: int
    hardest: tuple[str, ...] = field(default=())

    @property
    def fkgl(self) -> float:
        if not self.words or not self.sentences:
            return 0.0
        return 0.39 * self.words / self.sentences + 11.8 * self.syllables / self.words - 15.59

    @property
    def smog(self) -> float:
        if not self.sentences:
            return 0.0
        return 1.0430 * math.sqrt(self.polysyllables * 30 / self.sentences) + 3.1291

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def long_share(self) -> float:
        """Share of sentences over :data:`LONG_SENTENCE` words."""
        return self.long_sentences / self.sentences if self.sentences else 0.0

    def minutes(self, words_per_minute: float = 200) -> int:
        return max(1, math.ceil(self.words / words_per_minute))


def measure(blocks: Sequence[str], hardest: int = 3) -> Measures:
    """Measure paragraphs and list items (one string each)."""
    sentences = [s for block in blocks for s in split_sentences(block)]
    n_words = n_syllables = n_poly = n_long = 0
    grades: dict[str, float] = {}  # what sentence_grade says, from the same counts
    long_enough: list[str] = []
    for sentence in sentences:
        found = _words(sentence)
        counts = list(map(word_syllables, found))
        total = sum(counts)
        n_words += len(found)
        n_syllables += total
        n_poly += sum(map(_POLY.__le__, counts))
        n_long += len(found) > LONG_SENTENCE
        grades[sentence] = 0.39 * len(found) + 11.8 * total / len(found) - 15.59 if found else 0.0
        if len(found) >= 5:
            long_enough.append(sentence)
    # A heading-like fragment ("Exercise.") is not what makes a page hard to read.
    candidates = long_enough or sentences
    ranked = sorted(candidates, key=grades.__getitem__, reverse=True)[:hardest]
    return Measures(n_words, len(sentences), n_syllables, n_poly, n_long, tuple(ranked))


# What is not prose: headings, tables, code (common.text skips it), figures' SVG,
# citations (their text is the author's "[@key]" until formatted), reference lists,
# permalink signs, admonition titles and the plugins' own furniture.
_NOT_PROSE = SKIP | {"h1", "h2", "h3", "h4", "h5", "h6", "table"}
_NOT_PROSE_CLASSES = frozenset({"citation", "references", "headerlink", "admonition-title"})


@functools.lru_cache(maxsize=_PAGES)
def article_blocks(html: str) -> tuple[str, ...]:
    """The rendered article's paragraphs and list items, as plain text.

    A line break inside a paragraph (hard-wrapped Markdown) is a space, as browsers
    show it: only the elements end blocks, so a wrapped sentence stays one sentence.
    Cached (a shared tuple): tiered/readability and tiered/plain read the same page.
    """
    text = visible_text(html, _NOT_PROSE, _NOT_PROSE_CLASSES, newlines_as_spaces=True)
    return tuple(line.strip() for line in text.split("\n") if line.strip())
