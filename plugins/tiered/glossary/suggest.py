"""Candidate glossary terms: what the articles say often that the glossary lacks.

Two kinds of candidates, counted over the rendered text of every page (code left
out): acronyms (two or more capitals, such as DXA or IL-6) and phrases of two or
three words that neither start nor end with a common word. A candidate already in
the glossary, or part of a glossary form, is dropped. Ranked by mentions, then by
the number of pages, then alphabetically.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from tiered.glossary.matcher import Matcher
from tiered.glossary.model import Glossary, Term

_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
_ACRONYM = re.compile(r"(?<![\w-])[A-Z][A-Z0-9]*[A-Z0-9](?:-[A-Z0-9α-ω]+)?s?(?![\w-])")
_STOP = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "him",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "may",
        "me",
        "might",
        "more",
        "most",
        "much",
        "must",
        "my",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "per",
        "via",
        "who",
        "whose",
        "many",
        "every",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "first",
        "second",
        "new",
        "often",
        "usually",
        "within",
        "without",
        "years",
        "months",
        "weeks",
        "days",
    ]
)


@dataclass(frozen=True)
class Suggestion:
    """A phrase the glossary might want."""

    phrase: str
    mentions: int
    pages: int
    kind: str  # "acronym" or "phrase"


_BREAK = re.compile(r"[^\w\s'’-]+|\d+")


def _phrases(text: str) -> Iterable[str]:
    # Words are adjacent only when nothing but spaces separates them: punctuation,
    # numbers and line ends break a phrase ("colleagues (2017) reported" is none).
    chunks = (chunk for line in text.splitlines() for chunk in _BREAK.split(line))
    for chunk in chunks:
        words = _WORD.findall(chunk)
        for size in (2, 3):
            for i in range(len(words) - size + 1):
                gram = words[i : i + size]
                first, last = gram[0].lower(), gram[-1].lower()
                if first in _STOP or last in _STOP or any(len(w) < 3 for w in gram):
                    continue
                if any(w.lower() in _STOP for w in gram[1:-1]):
                    continue
                yield " ".join(w.lower() for w in gram)


class Known:
    """What the glossary already holds: its terms, aliases and their plurals."""

    def __init__(self, glossary: Glossary) -> None:
        forms = [(f, t) for t in glossary.terms for f in t.matched_forms]
        self.matcher: Matcher[Term] = Matcher((f, t, False) for f, t in forms)
        self.text = " | ".join(f.casefold() for f, _t in forms)

    def __contains__(self, phrase: str) -> bool:
        """Whether ``phrase`` is a glossary form, or part of one."""
        return self.matcher.lookup(phrase) is not None or phrase.casefold() in self.text


def suggest(
    pages: Iterable[str], glossary: Glossary, *, min_mentions: int = 3, limit: int = 30
) -> list[Suggestion]:
    """Rank candidate terms found in ``pages`` (plain text, one string per page)."""
    known = Known(glossary)
    mentions: Counter[tuple[str, str]] = Counter()
    pages_with: Counter[tuple[str, str]] = Counter()
    for text in pages:
        seen: set[tuple[str, str]] = set()
        for acronym in _ACRONYM.findall(text):
            key = ("acronym", acronym)
            mentions[key] += 1
            seen.add(key)
        for phrase in _phrases(text):
            key = ("phrase", phrase)
            mentions[key] += 1
            seen.add(key)
        for key in seen:
            pages_with[key] += 1
    out = []
    for (kind, phrase), count in mentions.items():
        if count < min_mentions:
            continue
        if phrase in known or (kind == "phrase" and _covered(phrase, known.matcher)):
            continue
        out.append(Suggestion(phrase, count, pages_with[(kind, phrase)], kind))
    out.sort(key=lambda s: (-s.mentions, -s.pages, s.phrase.casefold()))
    return _without_fragments(out)[:limit]


def _covered(phrase: str, known: Matcher[Term]) -> bool:
    """The phrase is a glossary term plus one common modifier at most ("low estrogen")."""
    hits = known.find(phrase)
    covered = sum(hit.end - hit.start for hit in hits)
    return covered >= len(phrase.replace(" ", "")) * 0.6


def _without_fragments(suggestions: list[Suggestion]) -> list[Suggestion]:
    """Drop a two-word phrase when a three-word phrase containing it is as frequent."""
    kept = []
    for s in suggestions:
        longer = [
            o
            for o in suggestions
            if o.kind == "phrase"
            and o is not s
            and s.phrase in o.phrase
            and o.mentions >= s.mentions
        ]
        if not longer:
            kept.append(s)
    return kept
