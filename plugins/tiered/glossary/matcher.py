"""Find glossary terms in text: one pass over the words, longest match first.

The text is split once into word tokens (Unicode ``\\w+``); a term is a sequence of
tokens joined by separators. At each token, a dictionary keyed by the first word says
how long a term starting there can be, so the cost per word is one lookup unless a
term may start there; candidates are then tried longest first. Separators match
loosely where authors vary: any run of whitespace (line breaks included) is one space,
and curly and straight apostrophes are the same. Case-insensitive forms are compared
casefolded; acronyms (two or more capitals) only with their exact capitals.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from typing import Generic, TypeVar

T = TypeVar("T")

_TOKEN = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def _separator(text: str) -> str:
    text = text.translate(_APOSTROPHES)
    return " " if not text.strip() else _SPACE.sub(" ", text)


def split_form(form: str) -> tuple[str, ...] | None:
    """``"IL-6"`` -> ``("IL", "-", "6")``: words and the separators between them.

    None when the form does not start and end with a word character.
    """
    tokens = list(_TOKEN.finditer(form))
    if not tokens or tokens[0].start() != 0 or tokens[-1].end() != len(form):
        return None
    parts = [tokens[0].group()]
    for before, token in pairwise(tokens):
        parts += [_separator(form[before.end() : token.start()]), token.group()]
    return tuple(parts)


@dataclass(frozen=True)
class Hit(Generic[T]):
    """A match: ``text[start:end]`` is a form of ``value``."""

    start: int
    end: int
    value: T


class Matcher(Generic[T]):
    """Matches many forms in one pass.

    Args:
        forms: ``(form, value, case_sensitive)`` triples; a form that cannot be
            matched (it does not start and end with a letter or digit) is returned
            by ``rejected``.
    """

    def __init__(self, forms: Iterable[tuple[str, T, bool]]) -> None:
        self._exact: dict[tuple[str, ...], T] = {}
        self._folded: dict[tuple[str, ...], T] = {}
        self._longest: dict[str, int] = {}  # casefolded first word -> most words in a form
        self.rejected: list[str] = []
        for form, value, case_sensitive in forms:
            parts = split_form(form)
            if parts is None:
                self.rejected.append(form)
                continue
            if case_sensitive:
                self._exact.setdefault(parts, value)
            else:
                self._folded.setdefault(tuple(p.casefold() for p in parts), value)
            first = parts[0].casefold()
            words = (len(parts) + 1) // 2
            self._longest[first] = max(self._longest.get(first, 0), words)

    def __bool__(self) -> bool:
        return bool(self._longest)

    def lookup(self, text: str) -> T | None:
        """The value whose form is exactly ``text`` (as a whole), if any."""
        parts = split_form(text.strip())
        if parts is None:
            return None
        return self._exact.get(parts) or self._folded.get(tuple(p.casefold() for p in parts))

    def find(self, text: str) -> list[Hit[T]]:
        """Every non-overlapping match in ``text``, left to right, longest first."""
        tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
        hits: list[Hit[T]] = []
        count = len(tokens)
        i = 0
        while i < count:
            start, end = tokens[i]
            longest = self._longest.get(text[start:end].casefold(), 0)
            matched = 0
            for words in range(min(longest, count - i), 0, -1):
                parts = [text[start:end]]
                for k in range(i + 1, i + words):
                    parts += [_separator(text[tokens[k - 1][1] : tokens[k][0]])]
                    parts += [text[tokens[k][0] : tokens[k][1]]]
                key = tuple(parts)
                value = self._exact.get(key)
                if value is None:
                    value = self._folded.get(tuple(p.casefold() for p in key))
                if value is not None:
                    hits.append(Hit(start, tokens[i + words - 1][1], value))
                    matched = words
                    break
            i += matched or 1
        return hits
