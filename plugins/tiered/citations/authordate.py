"""Author-date labels in APA 7 style: names, years, year suffixes and locators.

citeproc-py formats APA's bibliography entries but knows neither in-text citations
nor year suffixes, so they are made here, from CSL-JSON alone. Suffixes are given
once for the whole bibliography, so ``Smith, 2020a`` means one entry on every page.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from string import ascii_lowercase
from typing import Any

from tiered.common.text import sort_key

# APA's names for CSL locator labels; pages get "p."/"pp." by number.
_APA_LOCATORS = {
    "chapter": "Chapter",
    "section": "Section",
    "figure": "Figure",
    "table": "Table",
    "paragraph": "para.",
    "volume": "Vol.",
    "line": "line",
    "note": "note",
    "column": "col.",
    "book": "Book",
    "part": "Part",
    "appendix": "Appendix",
}
_RANGE_DASH = re.compile(r"\s*[-–—]+\s*")


def _family(name: Mapping[str, Any]) -> str:
    """A person's family name with its particle ("van der Berg"), or an organisation."""
    if name.get("literal"):
        return str(name["literal"])
    return " ".join(str(p) for p in (name.get("non-dropping-particle"), name.get("family")) if p)


def author(csl: Mapping[str, Any], *, narrative: bool = False) -> str:
    """The author part: "Perez", "Smith & Jones" ("and" in running text), "Eastell et al.".

    An entry without authors or editors is cited by its title.
    """
    names = csl.get("author") or csl.get("editor") or []
    people = [n for n in names if n.get("literal") != "et al."]
    if not people:
        return str(csl.get("title") or csl.get("id", ""))
    first = _family(people[0])
    if len(names) > 2 or (len(names) == 2 and len(people) == 1):
        return f"{first} et al."
    if len(people) == 2:
        return f"{first} {'and' if narrative else '&'} {_family(people[1])}"
    return first


def year(csl: Mapping[str, Any]) -> str:
    """The year of publication, or APA's "n.d." (no date)."""
    parts = (csl.get("issued") or {}).get("date-parts") or [[]]
    return str(parts[0][0]) if parts and parts[0] else "n.d."


def sort_order(csl: Mapping[str, Any]) -> tuple[str, str, str]:
    """Reference-list order: first author, then year, then title."""
    return sort_key(author(csl)), year(csl), sort_key(str(csl.get("title", "")))


def letter(n: int) -> str:
    """The n-th suffix, from 0: a, b, ..., z, aa, ab, ... for a prolific author."""
    text = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        text = ascii_lowercase[rest] + text
    return text


def year_suffixes(entries: Mapping[str, Mapping[str, Any]]) -> dict[str, str]:
    """Key -> suffix for entries whose author label and year are shared with another.

    The two 2020 papers cited as "Smith, 2020" become "Smith, 2020a" and "Smith, 2020b",
    lettered in title order, as APA orders them in the reference list.
    """
    groups: dict[tuple[str, str], list[str]] = {}
    for key, csl in entries.items():
        groups.setdefault((author(csl), year(csl)), []).append(key)
    suffixes: dict[str, str] = {}
    for keys in groups.values():
        if len(keys) < 2:
            continue
        ordered = sorted(keys, key=lambda k: (sort_key(str(entries[k].get("title", ""))), k))
        suffixes.update((k, letter(i)) for i, k in enumerate(ordered))
    return suffixes


def locator(label: str, value: str) -> str:
    """``("page", "33-35")`` -> ``"pp. 33–35"``; ``("chapter", "1")`` -> ``"Chapter 1"``."""
    if not value:
        return ""
    value = _RANGE_DASH.sub("–", value)
    if label == "page":
        return f"{'pp.' if re.search(r'[–,]', value) else 'p.'} {value}"
    return f"{_APA_LOCATORS.get(label, label)} {value}"


def with_suffix(entry_html: str, year_text: str, suffix: str) -> str:
    """A formatted entry with its year suffix: ``(2020, January)`` -> ``(2020a, January)``."""
    if not suffix:
        return entry_html
    return entry_html.replace(f"({year_text}", f"({year_text}{suffix}", 1)
