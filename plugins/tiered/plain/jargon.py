"""Jargon: medical words and words uncommon in everyday English, unless explained.

A word is flagged once per page, at its first use, when it is on our jargon list or
rarer than the tier allows, and neither linked to the glossary anywhere on the page
(by a term whose wording for the tier is plain, when the page's ``PageGlossary`` says
so: :mod:`tiered.plain.wording`) nor defined in its sentence or the next (see
:mod:`tiered.plain.context`).
"""

from __future__ import annotations

import functools
import sys
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tiered.plain.article import Article, Sentence
from tiered.plain.context import explained, occurrences
from tiered.plain.findings import Finding, quote
from tiered.plain.words import is_common, jargon

if TYPE_CHECKING:
    from tiered.plain.wording import PageGlossary


def check(article: Article, min_zipf: float, glossary: PageGlossary | None = None) -> list[Finding]:
    """The unexplained jargon on the page, first use of each word.

    ``glossary``: the page's glossary links and the verdicts on their terms' wordings;
    without it, any glossary link explains the words in it.
    """
    listed = jargon()
    seen: set[str] = set()
    findings = []
    sentences = article.sentences
    # Which of the page's words are jargon, decided once each (most pages repeat their
    # words); sentences with none of them, and phrases not on the page, cost nothing.
    written = page_jargon(article, min_zipf)
    flagged = written.keys()
    page = article.folded
    phrases = {k: v for k, v in listed.phrases.items() if k in page}
    # Once every word and phrase has had its first use, the rest of the page has none.
    left = len(set(written.values())) + len(phrases)
    for index, sentence in enumerate(sentences):
        if not left:
            break
        if not phrases and flagged.isdisjoint(sentence.words):
            continue
        following = sentences[index + 1].text if index + 1 < len(sentences) else ""
        folded = sentence.text.casefold()
        for phrase, plain in phrases.items():
            if phrase in seen or not occurrences(folded, phrase):
                continue
            seen.add(phrase)
            left -= 1
            found = _unexplained(
                article, sentence, following, key=phrase, plain=plain, glossary=glossary
            )
            if found is not None:
                findings.append(found)
        for word in sentence.words:
            if word not in flagged:
                continue
            key = word.casefold()
            if key in seen:
                continue
            seen.add(key)
            left -= 1
            found = _unexplained(
                article,
                sentence,
                following,
                key=key,
                plain=listed.words.get(key),
                shown=word,
                glossary=glossary,
            )
            if found is not None:
                findings.append(found)
    return findings


@functools.lru_cache(maxsize=65536)
def candidate(word: str, min_zipf: float) -> str | None:
    """``word``'s key (casefolded) if it is jargon: on our list or rarer than ``min_zipf``."""
    if word[0].isdigit() or _acronym(word):
        return None  # numbers are not words; acronyms have their own check
    key = word.casefold()
    return key if key in jargon().words or not is_common(key, min_zipf) else None


# Per threshold, the words already found to be plain: a page's words less these (one
# set difference, in C) leaves the few worth a look. Bounded by the language's words.
_PLAIN: dict[float, set[str]] = {}


# The check, the reading line's count and the suggestions each ask for the same page's
# jargon, one after the other: the last page's answer is kept (one page, not the site).
_LAST: list[tuple[Article, float, dict[str, str]]] = []


def page_jargon(article: Article, min_zipf: float) -> dict[str, str]:
    """The page's jargon: each word as written to its key (not to be changed)."""
    if _LAST and _LAST[0][0] is article and _LAST[0][1] == min_zipf:
        return _LAST[0][2]
    found = _page_jargon(article, min_zipf)
    _LAST[:] = [(article, min_zipf, found)]
    return found


def _page_jargon(article: Article, min_zipf: float) -> dict[str, str]:
    plain = _PLAIN.setdefault(min_zipf, set())
    found = {}
    for word in article.distinct - plain:
        key = candidate(word, min_zipf)
        if key is None:
            plain.add(word)
        else:
            found[word] = key
    return found


def vocabulary(article: Article, min_zipf: float) -> frozenset[str]:
    """Every medical or uncommon word on the page (casefolded), explained or not.

    What a grade formula cannot see: the reading line names how many there are.
    """
    return frozenset(page_jargon(article, min_zipf).values())


def _acronym(word: str) -> bool:
    return len(word) > 1 and word.isupper()


def _unexplained(
    article: Article,
    sentence: Sentence,
    following: str,
    *,
    key: str,
    plain: str | None,
    shown: str | None = None,
    glossary: PageGlossary | None = None,
) -> Finding | None:
    weak = None
    if all(part in article.glossary_words for part in key.split()):
        weak = glossary.explains(key) if glossary is not None else None
        if weak is None:
            return None
    if explained(key, sentence.text, following):
        return None
    text = shown or _as_written(sentence.text, key)
    if weak is not None:
        message = (
            f"jargon {quote(text)} is linked to the glossary, but {weak.advice()}, or explain "
            f'{quote(text)} where it is first used ("{text} is ...")'
        )
        return Finding("jargon", text, message, article.locate(sentence, text))
    if plain is not None:
        advice = f"say {plain}, or explain it where it is first used"
        what = "is medical jargon"
    else:
        advice = "use an everyday word, or explain it in this or the next sentence"
        what = "is not everyday English"
    message = (
        f'jargon {quote(text)} {what}: {advice} ("{text} is ..."), or link it to a glossary entry'
    )
    return Finding("jargon", text, message, article.locate(sentence, text))


def _as_written(text: str, key: str) -> str:
    at = occurrences(text.casefold(), key)
    return text[at[0] : at[0] + len(key)] if at else key


# Slots, and the word interned below: a library's pages keep one of these per unexplained
# word (hundreds a page in the synthetic library) until the build ends.
@dataclass(frozen=True, slots=True)
class Flagged:
    """A jargon word or phrase a page leaves unexplained (what ``glossary suggest`` lists).

    Attributes:
        text: As the page first writes it.
        offset: Where, in the page's Markdown source (-1: not found).
        mentions: How often the page uses it (any case).
    """

    text: str
    offset: int
    mentions: int


def flagged(article: Article, findings: Iterable[Finding], min_zipf: float) -> tuple[Flagged, ...]:
    """The page's jargon findings with how often the page uses each word or phrase.

    Counted over the sentences that hold one of them (for phrases, every sentence):
    a page with no jargon findings costs nothing.
    """
    found = [f for f in findings if f.kind == "jargon"]
    if not found:
        return ()
    keys = {f.text.casefold() for f in found}
    phrases = [k for k in keys if " " in k]
    written = {w for w, k in page_jargon(article, min_zipf).items() if k in keys}
    counts = dict.fromkeys(keys, 0)
    for sentence in article.sentences:
        if not written.isdisjoint(sentence.words):
            for word in sentence.words:
                if word in written:
                    counts[word.casefold()] += 1
        if phrases:
            folded = sentence.text.casefold()
            for phrase in phrases:
                counts[phrase] += len(occurrences(folded, phrase))
    return tuple(
        Flagged(sys.intern(f.text), f.offset, max(1, counts[f.text.casefold()])) for f in found
    )


class PageJargon:
    """A page's :class:`Flagged` words, kept small: for ``tiered glossary suggest`` a build
    keeps every page's until it ends (hundreds a page in the synthetic library: 26 MiB at
    3,000 pages as objects; a build nobody asks keeps none, see ``collect_jargon``).

    The words interned, their offsets and mentions in two arrays: about 16 bytes a word.
    Iterating gives the :class:`Flagged` back.
    """

    __slots__ = ("_mentions", "_offsets", "_texts")

    def __init__(self, flagged: Iterable[Flagged] = ()) -> None:
        items = list(flagged)
        self._texts = tuple(sys.intern(f.text) for f in items)
        self._offsets = array("i", [f.offset for f in items])
        self._mentions = array("i", [f.mentions for f in items])

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, int, int]]) -> PageJargon:
        """From ``(text, offset, mentions)`` rows, no :class:`Flagged` made on the way.

        No rows (most pages, unless ``tiered glossary suggest`` asks): one shared empty
        value, not three objects a page.
        """
        texts, offsets, mentions = [], array("i"), array("i")
        for text, offset, count in rows:
            texts.append(sys.intern(text))
            offsets.append(offset)
            mentions.append(count)
        if not texts:
            return _NONE
        kept = cls()
        kept._texts, kept._offsets, kept._mentions = tuple(texts), offsets, mentions
        return kept

    def __iter__(self) -> Iterator[Flagged]:
        return map(Flagged, self._texts, self._offsets, self._mentions)

    def __len__(self) -> int:
        return len(self._texts)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PageJargon):
            return NotImplemented
        return (self._texts, self._offsets, self._mentions) == (
            other._texts,
            other._offsets,
            other._mentions,
        )

    def __hash__(self) -> int:
        return hash(self._texts)

    def __repr__(self) -> str:
        return f"PageJargon({list(self)!r})"


_NONE = PageJargon()


@dataclass(frozen=True)
class Candidate:
    """A jargon word or phrase left unexplained across pages: one a glossary entry could explain.

    Attributes:
        text: As first written (on the first page, in path order).
        mentions: Uses on the pages that leave it unexplained.
        pages: How many pages leave it unexplained.
        path: The first such page, as messages name it.
        offset: Where it is in that page's Markdown source (-1: not found).
    """

    text: str
    mentions: int
    pages: int
    path: str
    offset: int


def candidates(pages: Iterable[tuple[str, Iterable[Flagged]]]) -> list[Candidate]:
    """Every page's flagged jargon, by word: most pages first, then most mentions, then A-Z."""
    first: dict[str, tuple[str, Flagged]] = {}
    mentions: dict[str, int] = {}
    count: dict[str, int] = {}
    for path, found in sorted(pages, key=lambda item: item[0]):
        for item in found:
            key = item.text.casefold()
            first.setdefault(key, (path, item))
            mentions[key] = mentions.get(key, 0) + item.mentions
            count[key] = count.get(key, 0) + 1
    out = [
        Candidate(item.text, mentions[key], count[key], path, item.offset)
        for key, (path, item) in first.items()
    ]
    out.sort(key=lambda c: (-c.pages, -c.mentions, c.text.casefold()))
    return out
