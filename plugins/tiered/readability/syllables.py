"""Syllables per word: the CMU Pronouncing Dictionary, then rules for the rest.

The dictionary's counts ship with tiered in ``data/cmudict-syllables.txt`` (nothing is
downloaded): one ``word count`` line per word, the fewest syllables among its
pronunciations, made from CMU's ``cmudict.dict`` by ``tools/cmudict_syllables.py`` and
under CMU's own licence (``data/cmudict.LICENSE``, also in the file's header).

About half of the medical words in these articles are not in it (anastrozole,
denosumab, osteoclastogenesis), and the usual fallback, counting vowel groups,
undercounts them: Greek and Latin roots put two vowels side by side in
separate syllables ("os-te-o", "zo-le-dron-ic"). :func:`estimate` counts those
hiatuses as two, after which its counts match dictionary hyphenation for the medical
words in the tests.
"""

from __future__ import annotations

import bisect
import io
import re
from array import array
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # importlib.resources.abc is 3.11+; this name is the same class
    from importlib.abc import Traversable

_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
# Vowel pairs that are two syllables in Greek and Latin roots, and where they are not.
_HIATUS = re.compile(r"eo|io|ia|iu|ua|uo|ea(?=[lt])|eu(?=m\b)|ii")
_NOT_HIATUS = re.compile(r"[tcsgx]i(?:o|a)(?=n|l)|[cg]ia\b|qu[aeio]")
_SILENT_E = re.compile(r"[^aeiouy]e\b")
_SYLLABIC_LE = re.compile(r"[^aeiouy]le\b")
_PLURAL = re.compile(r"(?:[sxz]|[cs]h)es\b")

# The table's header lines (origin, checksum, CMU's notice): the dictionary's comment mark.
_COMMENT = ";;;"


class Pronouncing:
    """The dictionary's words, sorted in one string, and their syllables in bytes.

    A dict of its ~126,000 words holds about 15 MiB for the whole build; this holds
    about 2 MiB and finds a word by bisection (:func:`syllables` caches the answers).
    """

    def __init__(self, counts: dict[str, int]) -> None:
        self._text, self._starts, self._counts = _pack(sorted(counts.items()))

    @classmethod
    def _packed(cls, text: str, starts: array[int], counts: bytes) -> Pronouncing:
        table = cls.__new__(cls)
        table._text, table._starts, table._counts = text, starts, counts
        return table

    def __len__(self) -> int:
        return len(self._counts)

    def _word(self, index: int) -> str:
        return self._text[self._starts[index] : self._starts[index + 1] - 1]

    def get(self, word: str) -> int | None:
        """The fewest syllables of ``word``'s pronunciations, or None if it is not listed."""
        index = bisect.bisect_left(range(len(self)), word, key=self._word)
        if index < len(self) and self._word(index) == word:
            return self._counts[index]
        return None

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.get(word) is not None


def _pack(pairs: Iterable[tuple[str, int]]) -> tuple[str, array[int], bytes]:
    """Sorted ``(word, count)`` pairs as :class:`Pronouncing` holds them."""
    text = io.StringIO()
    starts = array("I", [0])
    counts = bytearray()
    for word, count in pairs:
        text.write(word)
        text.write("\n")
        starts.append(starts[-1] + len(word) + 1)
        counts.append(count)
    return text.getvalue(), starts, bytes(counts)


def load(source: Traversable) -> Pronouncing:
    """The ``word count`` table at ``source`` (the format ``tools/cmudict_syllables.py`` writes).

    The table is written sorted, one line a word, so it is packed as it is read: no dict
    of its 126,000 words on the way (what a build's or a worker's peak memory held).
    A table out of order, or listing a word twice (the last count wins), goes through
    one.
    """
    with source.open(encoding="utf-8") as lines:  # line by line: not the whole file at once
        pairs = _pairs(lines)
        try:
            return Pronouncing._packed(*_pack(_ascending(pairs)))
        except _Unsorted:
            pass
    with source.open(encoding="utf-8") as lines:
        return Pronouncing(dict(_pairs(lines)))


class _Unsorted(Exception):
    pass


def _pairs(lines: Iterable[str]) -> Iterator[tuple[str, int]]:
    for line in lines:
        if not line.startswith(_COMMENT):
            word, _space, count = line.partition(" ")
            yield word, int(count)


def _ascending(pairs: Iterable[tuple[str, int]]) -> Iterator[tuple[str, int]]:
    previous: str | None = None
    for word, count in pairs:
        if previous is not None and word <= previous:
            raise _Unsorted
        previous = word
        yield word, count


@cache
def _dictionary() -> Pronouncing:
    """Word -> fewest syllables of its pronunciations, as the CMU dictionary lists them."""
    return load(resources.files("tiered.readability").joinpath("data/cmudict-syllables.txt"))


def estimate(word: str) -> int:
    """Syllables of a word the dictionary lacks, by spelling."""
    word = word.lower()
    if _PLURAL.search(word):  # "-ches", "-xes": the ending is a syllable
        return estimate(word[:-2]) + 1
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]  # "cytokines" sounds as "cytokine" does
    count = len(_VOWEL_GROUPS.findall(word))
    count += len(_HIATUS.findall(word)) - len(_NOT_HIATUS.findall(word))
    if _SILENT_E.search(word) and not _SYLLABIC_LE.search(word) and count > 1:
        count -= 1
    return max(1, count)


def syllables(word: str) -> int:
    """Syllables in ``word`` (letters only; case and a plural ending do not matter).

    Not cached here: :func:`tiered.readability.measure.word_syllables`, which every
    page's words go through, is the one cache of the answers.
    """
    word = word.lower().strip("'’")
    if not word:
        return 0
    known = _dictionary()
    count = known.get(word)
    if count is not None:
        return max(1, count)
    for ending, extra in (("es", 1 if _PLURAL.search(word) else 0), ("s", 0)):
        stem = word.removesuffix(ending)
        count = known.get(stem) if stem != word else None
        if count is not None:
            return max(1, count) + extra
    if "-" in word:
        return sum(syllables(part) for part in word.split("-") if part)
    return estimate(word.removesuffix("'s"))
