"""In-text citations as HTML: AMA's superscripts, Vancouver's brackets, APA's names.

Pure functions of plain data (CSL-JSON, the page's numbering); values are escaped.
"""

from __future__ import annotations

import re
from collections.abc import Container, Mapping
from html import escape
from typing import Any

from tiered.citations import authordate
from tiered.citations.labels import (
    NUMERIC,
    ama_locator,
    collapse,
    narrative_name,
    vancouver_locator,
)
from tiered.citations.markup import PageRefs
from tiered.citations.syntax import Citation, CiteItem
from tiered.common.text import sort_key


def citation_html(
    citation: Citation,
    index: int,
    refs: PageRefs,
    source: str,
    *,
    known: Container[str],
    names: Mapping[str, Any],
    style: str = "ama",
) -> str:
    """One citation in place of the author's ``[@key]``.

    AMA: superscript numbers, ``1(p33)``; Vancouver: numbers in brackets, ``[1, p. 33]``;
    APA: ``(Eastell et al., 2008, p. 33)`` (``names`` then holds each key's author part
    and year, see :func:`author_date_labels`).

    Unknown keys keep the author's text, with a visible marker: nothing is deleted.
    """
    keys = " ".join(escape(key) for key in citation.keys)
    missing = [item.key for item in citation.items if item.key not in known]
    if missing:
        marker = ", ".join(escape(key) for key in missing)
        return (
            f'<span class="citation citation--missing" data-cites="{keys}" '
            f'id="{refs.cite_id(index)}">{escape(source)} '
            f'<span class="citation__missing">[missing reference: {marker}]</span></span>'
        )
    if style not in NUMERIC:
        text = _author_date(citation, refs, names)
        return (
            f'<span class="citation" data-cites="{keys}" id="{refs.cite_id(index)}">{text}</span>'
        )
    parts = []
    plain = [item for item in citation.items if not item.label and not item.locator]
    numbers = [refs.numbers[item.key] for item in citation.items]
    if len(plain) == len(citation.items):
        # No locators: collapse runs (1-3,5), each number linking to its entry.
        by_number = {refs.numbers[item.key]: item.key for item in citation.items}
        for label in collapse(sorted(set(numbers))):
            first, _dash, last = label.partition("-")
            span = range(int(first), int(last or first) + 1)
            parts.append(_link(refs, [by_number[n] for n in span if n in by_number], label))
    else:
        for item in citation.items:
            locator = (ama_locator if style == "ama" else vancouver_locator)(
                item.label, item.locator
            )
            label = f"{refs.numbers[item.key]}{locator}"
            parts.append(_link(refs, [item.key], label))
    sup = f"<sup>{','.join(parts)}</sup>" if style == "ama" else f"[{', '.join(parts)}]"
    before = " ".join(_inline(i.prefix) for i in citation.items if i.prefix)
    after = " ".join(_inline(i.suffix) for i in citation.items if i.suffix)
    if citation.narrative:
        before = escape(names.get(citation.items[0].key, ""))
    text = (f"{before} " if before and not citation.narrative else before) + sup
    if after:
        text += f" ({after})"
    return f'<span class="citation" data-cites="{keys}" id="{refs.cite_id(index)}">{text}</span>'


def author_date_labels(csl: Mapping[str, Any], suffix: str = "") -> tuple[str, str, str]:
    """An entry's author part in parentheses, in running text, and its year with suffix."""
    return (
        authordate.author(csl),
        authordate.author(csl, narrative=True),
        authordate.year(csl) + suffix,
    )


def _author_date(
    citation: Citation,
    refs: PageRefs,
    labels: Mapping[str, Any],
) -> str:
    """APA in-text citations: ``(see Perez, 2008; Khosla, 2011, 2012)``, ``Perez (2008)``.

    Years of one author that follow each other share the name; each name-and-year
    (the year alone where the author is in the text) links to its entry.
    """
    if citation.narrative:
        item = citation.items[0]
        _paren, running, year = labels[item.key]
        inside = _link(refs, [item.key], year) + _details(item)
        return f"{escape(running)} ({inside})"
    items = list(citation.items)
    if not any(item.prefix for item in items):
        # APA orders the works in one citation as its reference list does.
        items.sort(key=lambda item: (sort_key(labels[item.key][0]), labels[item.key][2]))
    parts: list[str] = []
    previous = ""
    for item in items:
        paren, _running, year = labels[item.key]
        plain = not (item.prefix or item.label or item.locator or item.suffix)
        if item.suppress_author:
            text = _link(refs, [item.key], year)
        elif plain and parts and previous == paren:
            parts[-1] += ", " + _link(refs, [item.key], year)
            continue
        else:
            text = _link(refs, [item.key], f"{paren}, {year}")
        prefix = f"{_inline(item.prefix)} " if item.prefix else ""
        parts.append(prefix + text + _details(item))
        previous = paren if plain and not item.suppress_author else ""
    return f"({'; '.join(parts)})"


def _details(item: CiteItem) -> str:
    """``, p. 3 and <em>passim</em>``: the locator and the suffix after a year."""
    located = authordate.locator(item.label, item.locator)
    suffix = _inline(item.suffix)
    if located and suffix:
        return f", {located} {suffix}"
    return f", {located or suffix}" if located or suffix else ""


def _link(refs: PageRefs, keys: list[str], label: str) -> str:
    """A number (or name and year) linking to its entry in the page's list.

    The popover script shows that entry, links and all; without it the link leads there.
    """
    return f'<a href="#{refs.ref_id(keys[0])}" class="tiered-citation-link">{escape(label)}</a>'


# Markdown emphasis in a prefix or suffix: a run of text between two "*" (or two "_")
# with no such character inside, so each start scans only to the next one: linear.
_EMPHASIS = re.compile(
    r"(?<![\w*_])(?:\*(?=[^\s*])(?P<star>[^*]*?[^\s*])\*|_(?=[^\s_])(?P<line>[^_]*?[^\s_])_)"
    r"(?![\w*_])"
)


def _inline(text: str) -> str:
    """A prefix or suffix: escaped, with Markdown emphasis (``*passim*``) kept."""
    return _EMPHASIS.sub(_emphasis, escape(text))


def _emphasis(match: re.Match[str]) -> str:
    return f"<em>{match.group('star') or match.group('line')}</em>"


def source_link(
    csl: Mapping[str, Any], href: str, title: str, *, style: str = "ama", suffix: str = ""
) -> str:
    """An author-year link to an entry, for citations outside prose.

    "Khosla et al, 2012" in AMA's and Vancouver's manner; "Khosla et al., 2012a" in APA's.
    """
    name = narrative_name(dict(csl)) if style in NUMERIC else authordate.author(csl)
    label = f"{name}, {authordate.year(csl)}{suffix}"
    return (
        f'<a class="tiered-citation-link" href="{escape(href)}" title="{escape(title)}">'
        f"{escape(label)}</a>"
    )
