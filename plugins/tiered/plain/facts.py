"""Facts agree across tiers: the numbers a simpler tier states, checked against the hardest.

A number on a simpler page of a topic must also appear in the topic's reference tier
(Academic, where the evidence is set out), carry a citation in its own sentence, or be
accepted on its page (``plain: {allow: ["6.1"], reason: ...}``). Numbers compare by
value: "11%" matches "11" and "11.0", "1,000" matches "1000". No MkDocs here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from tiered.plain.article import Article

# Digits with thousands commas and a decimal part; not inside a longer token ("CYP19A1").
_NUMBER = re.compile(r"(?<![\w.,])\d{1,15}(?:,\d{3})*(?:\.\d+)?(?![\w])")
_CITATION = "[@"  # Pandoc citation syntax, as the author writes it


@dataclass(frozen=True, slots=True)
class Number:
    """One number in an article.

    Attributes:
        text: As written ("6.1", "1,000").
        value: Its value as compared (``"6.1"``, ``"1000"``).
        offset: Where it is in the Markdown source (-1: not found).
        cited: Whether its sentence carries a citation in the source.
    """

    text: str
    value: str
    offset: int
    cited: bool


def value_of(text: str) -> str:
    """The comparable value of a number as written: ``"1,000.0"`` -> ``"1000"``."""
    return format(float(text.replace(",", "")), "g")


def numbers(article: Article) -> tuple[Number, ...]:
    """Every number in the article's sentences, with whether its sentence is cited."""
    found = []
    sentences = article.sentences
    for index in sorted(article.numbered):
        sentence = sentences[index]
        matches = list(_NUMBER.finditer(sentence.text))
        cited = bool(matches) and _cited(article, index)
        for match in matches:
            text = match.group()
            found.append(Number(text, value_of(text), article.locate(sentence, text), cited))
    return tuple(found)


def _cited(article: Article, index: int) -> bool:
    """Whether the source of sentence ``index`` (up to the next one) holds a citation."""
    sentence = article.sentences[index]
    if sentence.offset < 0:
        return False
    end = len(article.source)
    for later in range(index + 1, len(article.sentences)):  # no copy of the rest
        if article.sentences[later].offset > sentence.offset:
            end = article.sentences[later].offset
            break
    end = min(end, sentence.offset + 2 * len(sentence.text) + 200)
    return article.source.find(_CITATION, sentence.offset, end) >= 0


def accepted_values(words: Iterable[str]) -> frozenset[str]:
    """The values of the numbers among accepted words: ``"11%"`` and ``"11"`` are ``"11"``."""
    values = set()
    for word in words:
        text = word.strip().removesuffix("%").rstrip()
        if _NUMBER.fullmatch(text):
            values.add(value_of(text))
    return frozenset(values)


def without_accepted(found: Iterable[Number], words: Iterable[str]) -> tuple[Number, ...]:
    """``found`` less the numbers the page accepts (its ``plain.allow``), by value."""
    values = accepted_values(words)
    return tuple(n for n in found if n.value not in values)


def unmatched(simpler: Iterable[Number], reference: Iterable[Number]) -> list[Number]:
    """The numbers of a simpler page neither in the reference page nor cited."""
    known = {n.value for n in reference}
    return [n for n in simpler if not n.cited and n.value not in known]
