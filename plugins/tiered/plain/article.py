"""The rendered article as the plain-language checks read it, placed in its Markdown.

Ground floor: no MkDocs. The text is readability's article text (the same blocks:
no code, headings, tables, citations, reference lists or plugin furniture), split
into sentences, each found again in the page's Markdown source so a finding can be
placed at ``file:line:col``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import unescape
from itertools import chain, compress, count, filterfalse, groupby
from operator import attrgetter, not_
from typing import NamedTuple

from tiered.readability.measure import article_blocks, block_sentences, sentence_words, words

GLOSSARY_LINK = "tiered-glossary-term"
"""The class of the glossary's term links (documented markup of ``tiered/glossary``)."""
# The glossary's link markup: its text is plain (AtomicString), never nested tags.
_GLOSSARY_LINK = re.compile(r'<a class="tiered-glossary-term"[^>]*>([^<]*)</a>')
_PARAGRAPH = attrgetter("paragraph")
_WORDS = attrgetter("words")
_GAP = 80  # characters of markup a sentence's first two words may have between them
_TRIES = 64  # occurrences of a first word tried before a sentence counts as not found


# A named tuple: a page has a hundred or so of these, made and dropped for every page,
# and a tuple is made in C (about 0.15 us; a frozen dataclass's ``__init__`` sets each
# field through ``object.__setattr__``, about 0.7 us).
class Sentence(NamedTuple):
    """One sentence of the article.

    Attributes:
        text: As readers see it (whitespace collapsed).
        offset: Where it starts in the Markdown source, or -1 when it was not found.
        paragraph: The index of its paragraph or list item.
        words: Its words (readability's, as ``sentence_words`` gives them).
    """

    text: str
    offset: int
    paragraph: int
    words: tuple[str, ...] = ()


@dataclass(frozen=True)
class Article:
    """A page's article text in sentences, with what the glossary explains on it.

    Attributes:
        source: The page's Markdown source (front matter included: offsets count it).
        sentences: Every sentence, in reading order.
        glossary_words: Every word (casefolded) inside a glossary link on the page.
    """

    source: str
    sentences: tuple[Sentence, ...]
    glossary_words: frozenset[str]
    distinct: frozenset[str] = frozenset()  # every word on the page, as written

    @functools.cached_property
    def numbered(self) -> frozenset[int]:
        """The indices of the sentences with a digit in them (the numbers checks read only these).

        A digit always starts a word (``readability.measure``'s words are runs of letters
        or numbers), so these are the sentences holding one of the page's words that
        start with a digit: no search through the text.
        """
        # A word of letters only has no digit: the few others are looked at (in Python).
        others = filterfalse(str.isalpha, self.distinct)
        numeric = {w for w in others if w[0].isdecimal()}  # what \d matches
        if not numeric:
            return frozenset()
        # Each sentence tested in C: the indices of those sharing a word with ``numeric``.
        shares = map(not_, map(numeric.isdisjoint, map(_WORDS, self.sentences)))
        return frozenset(compress(count(), shares))

    @functools.cached_property
    def folded(self) -> str:
        """The sentences as one text, casefolded: each sentence's folded text is in it.

        Casefolding goes character by character (no context), so a phrase found in a
        sentence's folded text is found here too: one search of the page tells whether
        any sentence can have it.
        """
        return " ".join(s.text for s in self.sentences).casefold()

    def paragraphs(self) -> list[list[Sentence]]:
        """The sentences grouped by paragraph or list item."""
        # In reading order, a paragraph's sentences are next to each other.
        return [list(group) for _index, group in groupby(self.sentences, _PARAGRAPH)]

    def locate(self, sentence: Sentence, text: str) -> int:
        """Where ``text`` (words of ``sentence``) is in the source, or the sentence's start.

        Looked for as a whole word from the sentence's start, no further than the
        sentence could reach with its markup; -1 when the sentence was not found.
        """
        if sentence.offset < 0:
            return -1
        end = sentence.offset + 2 * len(sentence.text) + 200
        at = self.source.find(text, sentence.offset, end)
        while at >= 0:
            before = self.source[at - 1] if at else " "
            after_at = at + len(text)
            after = self.source[after_at] if after_at < len(self.source) else " "
            if not before.isalnum() and not after.isalnum():
                return at
            at = self.source.find(text, at + 1, end)
        return sentence.offset


def glossary_words(html: str) -> frozenset[str]:
    """Every word inside a glossary link, casefolded."""
    text = " ".join(unescape(m) for m in _GLOSSARY_LINK.findall(html))
    return frozenset(w.casefold() for w in words(text))


def place(source: str, found: tuple[str, ...], start: int) -> int:
    """Where a sentence whose words are ``found`` starts in ``source``, from ``start``; or -1.

    Its first word as a whole word, with its second no more than a little markup
    after it (``**``, a link's target, a line break). Plain string searches, a bounded
    number of them: readability's :func:`~tiered.readability.measure.find_sentence`
    compiles a pattern per sentence, right for its one hardest sentence a page but
    too slow for every sentence of every page.
    """
    if not found:
        return -1
    first = found[0]
    second = found[1] if len(found) > 1 else ""
    at = source.find(first, start)
    for _ in range(_TRIES):
        if at < 0:
            return -1
        before = source[at - 1] if at else " "
        if not before.isalnum() and before != "_":
            after = at + len(first)
            if not second or source.find(second, after, after + len(second) + _GAP) >= 0:
                return at
        at = source.find(first, at + 1)
    return -1


def read_article(html: str, source: str, body_offset: int = 0) -> Article:
    """The article of a rendered page (``html``) whose Markdown is ``source``.

    Sentences are found in ``source`` in order from ``body_offset`` (the end of the
    front matter): each search starts after the last sentence found, so a sentence
    repeated on the page is placed at its own occurrence.
    """
    return article_from_blocks(article_blocks(html), html, source, body_offset)


def article_from_blocks(
    blocks: Sequence[str], html: str, source: str, body_offset: int = 0
) -> Article:
    """:func:`read_article` from the page's article blocks, when they are at hand."""
    sentences: list[Sentence] = []
    append = sentences.append
    new = tuple.__new__  # Sentence(...) without its Python-level __new__: a page's worth
    find = source.find
    cursor = body_offset
    for index, block in enumerate(blocks):
        for text in block_sentences(block):
            found = sentence_words(text)  # readability's tuple, shared (it reads them next)
            # place()'s first try, inline (it succeeds for most sentences): the first
            # word where a word starts, the second right after it. Else place() goes on.
            offset = find(found[0], cursor) if found else -1
            if offset > 0 and (source[offset - 1].isalnum() or source[offset - 1] == "_"):
                offset = place(source, found, cursor)
            elif offset >= 0 and len(found) > 1:
                after = offset + len(found[0])
                if find(found[1], after, after + len(found[1]) + _GAP) < 0:
                    offset = place(source, found, cursor)
            if offset >= 0:
                cursor = offset + 1
            append(new(Sentence, (text, offset, index, found)))
    # One set of every word, built in C from the sentences' tuples.
    distinct = frozenset(chain.from_iterable(map(_WORDS, sentences)))
    return Article(source, tuple(sentences), glossary_words(html), distinct)
