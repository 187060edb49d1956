"""Pandoc's citation syntax, parsed from plain text; no Markdown, no MkDocs here.

``[@key]``, ``[@a; @b]``, ``[see @a, pp. 33-35; also @b, chap. 1]``,
``[@a, p. 3 and *passim*]``, author-suppressed ``[-@key]``, narrative ``@key`` and
``@key [p. 33]``, braced keys ``@{odd:key}``. A key starts with a letter, digit or
``_`` and may contain ``:.#$%&-+?<>~/`` between word characters, so trailing
punctuation is not part of it. An ``@`` right after a word character (an e-mail
address) or after a backslash is not a citation; code, link targets and HTML
attributes never reach this module (the Markdown extension sees to that).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import cached_property

# Every pattern here is linear in its text: no quantified group can match the same
# characters in two ways (word characters and key punctuation are disjoint classes), and
# every "*" is bounded by a character class its follower cannot match.
_KEY = r"(?:\{(?P<braced>[^{}]+)\}|(?P<key>\w+(?:[:.#$%&\-+?<>~/]+\w+)*))"
# One citation inside brackets: prefix, optional "-", @key, then ", locator and suffix".
# (The prefix is the shortest text before the first "@" a key follows; the rest is
# anything, so the match never backtracks into the prefix.)
_ITEM = re.compile(
    rf"^(?P<prefix>.*?)(?<![\w\\])(?P<minus>-?)@{_KEY}(?P<rest>.*)$", re.DOTALL | re.UNICODE
)
# A narrative citation, with an optional bracketed locator right after one space.
# (It starts with the "@" itself, which the regex engine searches for fast; the look-behind
# then checks the character before it.)
NARRATIVE = re.compile(rf"@(?<![\w\\@].){_KEY}(?: \[(?P<locator>[^\[\]\n]*)\])?", re.UNICODE)
# A bracketed group, not a link's text (which a "(" or "[" would follow); whether it is a
# citation, the parser decides. (No "@" is required here: looking for one inside an
# unclosed "[" would rescan the rest of the paragraph from every "@" in it.)
BRACKETED = re.compile(r"\[(?P<inner>[^\[\]]*)\](?![(\[])", re.UNICODE)

# Locator terms, as Pandoc and CSL know them (singular and plural, abbreviated or not).
LOCATOR_TERMS = {
    "p.": "page",
    "pp.": "page",
    "page": "page",
    "pages": "page",
    "chap.": "chapter",
    "chaps.": "chapter",
    "chapter": "chapter",
    "chapters": "chapter",
    "sec.": "section",
    "secs.": "section",
    "section": "section",
    "sections": "section",
    "§": "section",
    "§§": "section",
    "fig.": "figure",
    "figs.": "figure",
    "figure": "figure",
    "figures": "figure",
    "tab.": "table",
    "table": "table",
    "tables": "table",
    "vol.": "volume",
    "vols.": "volume",
    "volume": "volume",
    "volumes": "volume",
    "para.": "paragraph",
    "paras.": "paragraph",
    "paragraph": "paragraph",
    "l.": "line",
    "ll.": "line",
    "line": "line",
    "lines": "line",
    "n.": "note",
    "nn.": "note",
    "note": "note",
    "notes": "note",
    "col.": "column",
    "cols.": "column",
    "column": "column",
    "columns": "column",
    "bk.": "book",
    "book": "book",
    "pt.": "part",
    "part": "part",
    "app.": "appendix",
    "appendix": "appendix",
}
_LOCATOR = re.compile(
    r"^\s*(?P<term>"
    + "|".join(re.escape(t) for t in sorted(LOCATOR_TERMS, key=len, reverse=True))
    + r")\s*(?P<value>[\w]+(?:\s*[-–—,]\s*[\w]+)*)(?P<suffix>.*)$",
    re.DOTALL | re.IGNORECASE | re.UNICODE,
)


@dataclass(frozen=True)
class CiteItem:
    """One cited key and what surrounds it.

    Attributes:
        key: The citation key.
        prefix: Text before the key ("see").
        label: The CSL locator label ("page", "chapter"...), or "".
        locator: The locator's value ("33-35"), or "".
        suffix: Text after the locator (may hold Markdown, such as ``*passim*``).
        suppress_author: ``[-@key]``.
    """

    key: str
    prefix: str = ""
    label: str = ""
    locator: str = ""
    suffix: str = ""
    suppress_author: bool = False


@dataclass(frozen=True)
class Citation:
    """A citation: bracketed (parenthetical) or narrative, with its items in order."""

    items: tuple[CiteItem, ...]
    narrative: bool = False

    @cached_property
    def keys(self) -> tuple[str, ...]:
        return tuple(item.key for item in self.items)


def _key(match: re.Match[str]) -> str:
    # One string a key, however many pages cite it: the build holds every page's keys
    # (its numbering, its "Cited in" record) until the page is written.
    found = match.group("braced") if match.group("braced") is not None else match.group("key")
    return sys.intern(found)


def split_locator(text: str) -> tuple[str, str, str]:
    """``", pp. 33-35 and passim"`` -> ``("page", "33-35", "and passim")``."""
    text = text.strip()
    if text.startswith(","):
        text = text[1:].strip()
    match = _LOCATOR.match(text)
    if match is None:
        return "", "", text
    label = LOCATOR_TERMS[match.group("term").lower()]
    return label, match.group("value").strip(), match.group("suffix").strip()


def parse_item(text: str) -> CiteItem | None:
    """One semicolon-separated part of a bracketed citation, or None if it has no key."""
    match = _ITEM.match(text)
    if match is None:
        return None
    # After the key: ", locator and suffix", or a suffix without comma ("and passim").
    label, locator, suffix = split_locator(match.group("rest"))
    return CiteItem(
        key=_key(match),
        prefix=" ".join(match.group("prefix").split()),
        label=label,
        locator=locator,
        suffix=suffix,
        suppress_author=bool(match.group("minus")),
    )


def parse_bracketed(inner: str) -> Citation | None:
    """The text between ``[`` and ``]``: a citation only if every part has a key."""
    items = []
    for part in inner.split(";"):
        item = parse_item(part)
        if item is None:
            return None
        items.append(item)
    return Citation(tuple(items)) if items else None


def parse_narrative(match: re.Match[str]) -> Citation:
    """A :data:`NARRATIVE` match as a citation."""
    label, locator, suffix = split_locator(match.group("locator") or "")
    return Citation((CiteItem(_key(match), label=label, locator=locator, suffix=suffix),), True)
