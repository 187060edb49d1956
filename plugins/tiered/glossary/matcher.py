"""Find glossary terms in text: one regular-expression scan, longest match first.

All forms are compiled into one pattern shaped like a trie of their characters
(``bone(?:\\s+(?:loss|marrow))?``), so the regular-expression engine, not Python,
walks the text, and a greedy optional tail makes the longest form win. There are two
such patterns: one for case-insensitive forms and one for forms that must match their
exact capitals (acronyms such as AI or RANKL, or entries marked case-sensitive). Word
boundaries are Unicode-aware (``\\w``); any run of whitespace, line breaks included,
matches a space in a form; curly and straight apostrophes are the same.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any, Generic, NamedTuple, TypeVar

T = TypeVar("T")

_SPACE = re.compile(r"\s+")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
_APOSTROPHE_CLASS = "['\u2019\u2018\u02bc]"
# Longer forms are refused: the pattern nests a group wherever a form ends inside a
# longer one, and the regular-expression compiler recurses once per nested group.
MAX_FORM_LENGTH = 200
_WORD_CHAR = re.compile(r"\w")


def unmatchable_reason(form: str) -> str:
    """Why ``form`` can never be found in text ('' when it can).

    A match is a whole word: the text before and after it must not be a letter or
    digit, which a form can be sure of only when it starts and ends with one.
    """
    form = form.strip()
    if not form:
        return "it is empty"
    if len(form) > MAX_FORM_LENGTH:
        return f"it is {len(form)} characters long, more than {MAX_FORM_LENGTH}"
    if not _is_word(form[0]):
        return f"it starts with {form[0]!r}, not a letter or digit"
    if not _is_word(form[-1]):
        # A combining mark (an accent typed after its letter) belongs to the letter before.
        last = form.rstrip("".join(ch for ch in form[-8:] if unicodedata.category(ch)[0] == "M"))
        if not last or not _is_word(last[-1]):
            return f"it ends with {(last or form)[-1]!r}, not a letter or digit"
    return ""


def normalize(text: str) -> str:
    """The key of a form or a matched text: one space for any whitespace, one apostrophe."""
    return _SPACE.sub(" ", text.translate(_APOSTROPHES))


def _trie_pattern(keys: Iterable[str]) -> str:
    trie: dict[str, Any] = {}
    for key in keys:
        node = trie
        for char in key:
            node = node.setdefault(char, {})
        node[""] = {}
    return _emit(trie)


def _unit(char: str) -> str:
    if char == " ":
        return r"\s+"
    if char == "'":
        return _APOSTROPHE_CLASS
    return re.escape(char)


def _emit(trie: dict[str, Any]) -> str:
    """The pattern of a trie, built bottom-up without recursion (forms may be long)."""
    patterns: dict[int, str] = {}
    stack: list[tuple[dict[str, Any], bool]] = [(trie, False)]
    while stack:
        node, children_done = stack.pop()
        if not children_done:
            stack.append((node, True))
            stack.extend((child, False) for char, child in node.items() if char)
            continue
        branches = [
            _unit(char) + patterns.pop(id(child)) for char, child in sorted(node.items()) if char
        ]
        if not branches:
            patterns[id(node)] = ""
            continue
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:  # a form ends here: the longer forms are tried first (greedy)
            body = f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else f"{body}?"
        patterns[id(node)] = body
    return patterns[id(trie)]


def _compile(keys: Iterable[str], flags: int, *, lookbehind: bool = True) -> re.Pattern[str]:
    start = r"(?<!\w)" if lookbehind else ""
    return re.compile(rf"{start}(?:{_trie_pattern(keys)})(?!\w)", flags)


class Hit(NamedTuple, Generic[T]):
    """A match: ``text[start:end]`` is a form of ``value``."""

    start: int
    end: int
    value: T


class Matcher(Generic[T]):
    """Matches many forms in one pass.

    Args:
        forms: ``(form, value, case_sensitive)`` triples. A form that cannot be found in
            text (``unmatchable_reason``) is left out of ``find``; ``lookup`` knows it.
    """

    def __init__(self, forms: Iterable[tuple[str, T, bool]]) -> None:
        self._exact: dict[str, T] = {}
        self._folded: dict[str, T] = {}
        self._lookup_only: dict[str, T] = {}
        for form, value, case_sensitive in forms:
            if unmatchable_reason(form):
                self._lookup_only.setdefault(normalize(form.strip()).lower(), value)
            elif case_sensitive:
                self._exact.setdefault(normalize(form), value)
            else:
                self._folded.setdefault(normalize(form).lower(), value)
        # Acronyms have capitals: a text without any cannot contain one.
        self._exact_need_capitals = all(key != key.lower() for key in self._exact)
        self._patterns: dict[str, re.Pattern[str] | None] = {}

    def _pattern(self, kind: str) -> re.Pattern[str] | None:
        """Compiled on first use: a matcher used only for ``lookup`` never compiles."""
        if kind not in self._patterns:
            if kind == "exact":
                # Exact forms are mostly acronyms: few places in a text start with a
                # capital, and without a look-behind the engine skips straight to them
                # (the word boundary before a match is checked in _find_exact).
                pattern = _compile(self._exact, 0, lookbehind=False) if self._exact else None
            elif kind == "folded":
                # Folded forms are matched in the lower-cased text: twice as fast as
                # IGNORECASE, which is kept for the rare text whose length lower() changes.
                pattern = _compile(self._folded, 0) if self._folded else None
            else:
                pattern = _compile(self._folded, re.IGNORECASE) if self._folded else None
            self._patterns[kind] = pattern
        return self._patterns[kind]

    def __bool__(self) -> bool:
        return bool(self._exact or self._folded)

    def lookup(self, text: str) -> T | None:
        """The value whose form is exactly ``text`` (as a whole), if any."""
        key = normalize(text.strip())
        value = self._exact.get(key)
        if value is None:
            value = self._folded.get(key.lower())
        return value if value is not None else self._lookup_only.get(key.lower())

    def find(self, text: str) -> list[Hit[T]]:
        """Every non-overlapping match in ``text``, leftmost first, then longest."""
        lowered = text.lower()
        found = self._find_exact(text, lowered) + self._find_folded(text, lowered)
        if not found:
            return []
        found.sort(key=lambda item: item[:3])
        hits: list[Hit[T]] = []
        end = 0
        for start, negative_end, _kind, value in found:
            if start >= end:
                end = -negative_end
                hits.append(Hit(start, end, value))
        return hits

    def _find_exact(self, text: str, lowered: str) -> list[tuple[int, int, int, T]]:
        if not self._exact or (self._exact_need_capitals and text == lowered):
            return []
        pattern = self._pattern("exact")
        assert pattern is not None
        found = []
        exact, search = self._exact, pattern.search
        m = search(text)
        while m is not None:
            start = m.start()
            if start and _is_word(text[start - 1]):  # inside a word: try further on
                m = search(text, start + 1)
                continue
            matched = m.group()
            value = exact.get(matched)
            if value is None:  # spread over a line break, or a curly apostrophe
                value = exact.get(normalize(matched))
            if value is not None:
                found.append((start, -m.end(), 0, value))
            m = search(text, m.end())
        return found

    def _find_folded(self, text: str, lowered: str) -> list[tuple[int, int, int, T]]:
        if not self._folded:
            return []
        found = []
        folded = self._folded
        same_length = len(lowered) == len(text)
        pattern = self._pattern("folded" if same_length else "any-case")
        assert pattern is not None
        for m in pattern.finditer(lowered if same_length else text):
            matched = m.group() if same_length else m.group().lower()
            value = folded.get(matched)
            if value is None:
                value = folded.get(normalize(matched))
            if value is not None:
                found.append((m.start(), -m.end(), 1, value))
        return found


def _is_word(char: str) -> bool:
    return _WORD_CHAR.match(char) is not None
