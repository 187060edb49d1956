"""A page's citations numbered and put in, and its reference list (phase two, one page).

Pure functions of plain data: the page's HTML with the Markdown extension's
placeholders, its citations, the CSL-JSON entries.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from html import escape
from typing import Any

from tiered.citations import authordate
from tiered.citations.intext import author_date_labels, citation_html
from tiered.citations.labels import NUMERIC, narrative_name
from tiered.citations.markup import LIST_TITLE_ID, PageRefs
from tiered.citations.syntax import Citation


def reference_list(
    refs: PageRefs,
    entries: dict[str, str],
    backlinks: dict[str, list[int]],
    heading: str,
    *,
    order: list[str] | None = None,
) -> str:
    """The page's references, each with a way back to every place citing it.

    Numbered in citation order; or, given ``order`` (author-date styles), a list in
    that order without numbers.
    """
    if not refs.numbers:
        return ""
    keys = order if order is not None else sorted(refs.numbers, key=refs.numbers.__getitem__)
    items = []
    for key in keys:
        backs = " ".join(
            f'<a class="references__back" href="#{refs.cite_id(i)}" '
            f'aria-label="Back to citation {n}">↩</a>'
            for n, i in enumerate(backlinks.get(key, []), 1)
        )
        value = "" if order is not None else f' value="{refs.numbers[key]}"'
        items.append(f'<li id="{refs.ref_id(key)}"{value}>{entries[key]} {backs}</li>')
    title_id = LIST_TITLE_ID
    tag, kind = ("ol", "") if order is None else ("ul", " references__list--author-date")
    return (
        f'<section class="references" aria-labelledby="{title_id}">\n'
        f'<h2 id="{title_id}">{escape(heading)}</h2>\n'
        f'<{tag} class="references__list{kind}">\n' + "\n".join(items) + f"\n</{tag}>\n</section>\n"
    )


# The placeholders the Markdown extension writes (see tiered.citations.markdown).
# The space an author types before "[@key]" goes: AMA's superscripts follow the word.
# (The pattern starts with its literal text, which the regex engine searches for fast;
# the author's text inside is escaped, so it holds no "<" and nothing is rescanned.)
PLACEHOLDER = re.compile(
    r'<span class="citation" data-cites="[^"]*" data-tiered-citation="([0-9]+)">([^<]*)</span>'
)


@dataclass
class Resolved:
    """Phase two's result for one page."""

    content: str  # the page with its citations formatted (the list not appended)
    unknown: list[str]  # keys cited but not in the bibliography, in order
    cited: dict[str, int]  # key -> index of the page's first citation of it
    listing: str = ""  # the page's reference list

    @property
    def page(self) -> str:
        """The page with its reference list at the end."""
        return self.content + self.listing


def _number(
    citations: list[Citation], entries: Mapping[str, Any], nocite: tuple[str, ...]
) -> tuple[dict[str, int], dict[str, list[int]], list[str]]:
    """Numbers in order of first citation, each key's citations, and the unknown keys."""
    numbers: dict[str, int] = {}
    backlinks: dict[str, list[int]] = {}
    unknown: list[str] = []
    for index, citation in enumerate(citations):
        for key in citation.keys:
            if key in entries:
                numbers.setdefault(key, len(numbers) + 1)
                backlinks.setdefault(key, []).append(index)
            else:
                unknown.append(key)
    extra = sorted(entries) if "*" in nocite else [k for k in nocite if k != "*"]
    for key in extra:
        if key in entries:
            numbers.setdefault(key, len(numbers) + 1)
        else:
            unknown.append(key)
    return numbers, backlinks, unknown


def resolve_page(
    content: str,
    citations: list[Citation],
    entries: Mapping[str, dict[str, Any]],
    *,
    heading: str,
    format_entry: Callable[[str], str],
    nocite: tuple[str, ...] = (),
    style: str = "ama",
    suffixes: Mapping[str, str] | None = None,
    place: Callable[[str], str] | None = None,
) -> Resolved:
    """Phase two for one page: number, format, append the list.

    Args:
        content: The page's HTML, with the extension's placeholders.
        citations: The page's citations, in reading order.
        entries: CSL-JSON entries by key.
        heading: The reference list's heading.
        format_entry: Formats the entry with a given key as HTML.
        nocite: Keys listed though not cited (front matter ``nocite``; ``*``: all).
        style: ``ama``, ``vancouver`` or ``apa``.
        suffixes: Year suffixes of author-date styles, key -> letter, site-wide.
        place: Given a citation's HTML, what stands in the page for it (the plugin
            puts the citations in after the search plugins read the page); by default
            the HTML itself.
    """
    numbers, backlinks, unknown = _number(citations, entries, nocite)
    if not numbers and not citations:
        return Resolved(content, unknown, {})
    refs = PageRefs(numbers)
    known = entries.keys()
    names: dict[str, Any]
    if style in NUMERIC:  # only narrative citations show a name
        narrated = {c.items[0].key for c in citations if c.narrative} & numbers.keys()
        names = {key: narrative_name(entries[key]) for key in narrated}
    else:
        suffixes = suffixes or {}
        names = {key: author_date_labels(entries[key], suffixes.get(key, "")) for key in numbers}

    pieces: list[str] = []
    end = 0
    for match in PLACEHOLDER.finditer(content):
        index, source = int(match.group(1)), html.unescape(match.group(2))
        if index >= len(citations):
            continue  # not the extension's (it renames its attribute in raw HTML): as written
        citation = citations[index]
        keep = style != "ama" or citation.narrative or any(k not in known for k in citation.keys)
        keep = keep or any(item.prefix for item in citation.items)
        before = content[end : match.start()]
        if not keep and before.endswith(" "):
            before = before[:-1]  # AMA's superscript follows the word
        rendered = citation_html(
            citation, index, refs, source, known=known, names=names, style=style
        )
        pieces += (before, place(rendered) if place else rendered)
        end = match.end()
    pieces.append(content[end:])
    resolved = "".join(pieces)
    formatted = {key: format_entry(key) for key in numbers}
    cited = {key: indexes[0] for key, indexes in backlinks.items()}
    order = None
    if style not in NUMERIC:
        order = sorted(numbers, key=lambda key: (authordate.sort_order(entries[key]), key))
    listing = reference_list(refs, formatted, backlinks, heading, order=order)
    return Resolved(resolved, unknown, cited, listing)
