"""Citations and reference lists as HTML (AMA numbering); pure functions of plain data."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from html import escape
from typing import Any

from tiered.citations.styles import ama_locator, collapse, narrative_name, vancouver_locator
from tiered.citations.syntax import Citation

_NOT_ANCHOR = re.compile(r"[^\w-]+")


def anchor_part(text: str) -> str:
    """A fragment of an id: ``topics/x/fundamentals/`` -> ``topics-x-fundamentals``."""
    return _NOT_ANCHOR.sub("-", text).strip("-") or "home"


@dataclass(frozen=True)
class PageRefs:
    """A page's numbering: key -> number, in order of first citation."""

    page: str  # anchor_part of the page
    numbers: dict[str, int]

    def ref_id(self, key: str) -> str:
        return f"ref-{self.page}-{anchor_part(key)}"

    def cite_id(self, index: int) -> str:
        return f"cite-{self.page}-{index}"


def citation_html(
    citation: Citation,
    index: int,
    refs: PageRefs,
    source: str,
    *,
    known: set[str],
    names: dict[str, str],
    titles: Mapping[str, str] | None = None,
    style: str = "ama",
) -> str:
    """One citation in place of the author's ``[@key]``.

    AMA: superscript numbers, ``1(p33)``; Vancouver: numbers in brackets, ``[1, p. 33]``.

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
    parts = []
    plain = [item for item in citation.items if not item.label and not item.locator]
    numbers = [refs.numbers[item.key] for item in citation.items]
    if len(plain) == len(citation.items):
        # No locators: collapse runs (1-3,5), each number linking to its entry.
        by_number = {refs.numbers[item.key]: item.key for item in citation.items}
        for label in collapse(sorted(set(numbers))):
            first, _dash, last = label.partition("-")
            span = range(int(first), int(last or first) + 1)
            parts.append(_link(refs, [by_number[n] for n in span if n in by_number], label, titles))
    else:
        for item in citation.items:
            locator = (ama_locator if style == "ama" else vancouver_locator)(
                item.label, item.locator
            )
            label = f"{refs.numbers[item.key]}{locator}"
            parts.append(_link(refs, [item.key], label, titles))
    sup = f"<sup>{','.join(parts)}</sup>" if style == "ama" else f"[{', '.join(parts)}]"
    before = " ".join(_inline(i.prefix) for i in citation.items if i.prefix)
    after = " ".join(_inline(i.suffix) for i in citation.items if i.suffix)
    if citation.narrative:
        before = escape(names.get(citation.items[0].key, ""))
    text = (f"{before} " if before and not citation.narrative else before) + sup
    if after:
        text += f" ({after})"
    return f'<span class="citation" data-cites="{keys}" id="{refs.cite_id(index)}">{text}</span>'


def _link(refs: PageRefs, keys: list[str], label: str, titles: Mapping[str, str] | None) -> str:
    """A number linking to its entry; its title (the popover) is the entry as text."""
    title = " | ".join(titles[k] for k in keys if k in titles) if titles else ""
    attributes = f' class="tiered-citation-link" title="{escape(title)}"' if title else ""
    return f'<a href="#{refs.ref_id(keys[0])}"{attributes}>{escape(label)}</a>'


_TAG = re.compile(r"<[^>]+>")


def plain_text(entry_html: str) -> str:
    """A formatted entry as plain text, for a title attribute."""
    return " ".join(html.unescape(_TAG.sub("", entry_html)).split())


_EMPHASIS = re.compile(r"(?<![\w*_])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*_])")


def _inline(text: str) -> str:
    """A prefix or suffix: escaped, with Markdown emphasis (``*passim*``) kept."""
    return _EMPHASIS.sub(r"<em>\2</em>", escape(text))


def reference_list(
    refs: PageRefs, entries: dict[str, str], backlinks: dict[str, list[int]], heading: str
) -> str:
    """The page's numbered references, each with a way back to every place citing it."""
    if not refs.numbers:
        return ""
    items = []
    for key, number in sorted(refs.numbers.items(), key=lambda kv: kv[1]):
        backs = " ".join(
            f'<a class="references__back" href="#{refs.cite_id(i)}" '
            f'aria-label="Back to citation {n}">↩</a>'
            for n, i in enumerate(backlinks.get(key, []), 1)
        )
        items.append(f'<li id="{refs.ref_id(key)}" value="{number}">{entries[key]} {backs}</li>')
    title_id = f"references-{refs.page}"
    return (
        f'<section class="references" aria-labelledby="{title_id}">\n'
        f'<h2 id="{title_id}">{escape(heading)}</h2>\n'
        '<ol class="references__list">\n' + "\n".join(items) + "\n</ol>\n</section>\n"
    )


# The placeholders the Markdown extension writes (see tiered.citations.markdown).
# The space an author types before "[@key]" goes: AMA's superscripts follow the word.
PLACEHOLDER = re.compile(
    r'( ?)<span class="citation" data-cites="[^"]*" data-tiered-citation="(\d+)">(.*?)</span>',
    re.DOTALL,
)


@dataclass
class Resolved:
    """Phase two's result for one page."""

    content: str  # the page with its citations formatted (the list not appended)
    unknown: list[str]  # keys cited but not in the bibliography, in order
    cited: dict[str, list[str]]  # key -> ids of the citations of it on the page
    listing: str = ""  # the page's reference list

    @property
    def page(self) -> str:
        """The page with its reference list at the end."""
        return self.content + self.listing


def resolve_page(
    content: str,
    citations: list[Citation],
    entries: Mapping[str, dict[str, Any]],
    *,
    page: str,
    heading: str,
    format_entry: Callable[[str], str],
    nocite: tuple[str, ...] = (),
    style: str = "ama",
) -> Resolved:
    """Phase two for one page: number, format, append the list.

    Args:
        content: The page's HTML, with the extension's placeholders.
        citations: The page's citations, in reading order.
        entries: CSL-JSON entries by key.
        page: The page's part of anchors (``anchor_part(page.url)``).
        heading: The reference list's heading.
        format_entry: Formats the entry with a given key as HTML.
        nocite: Keys listed though not cited (front matter ``nocite``; ``*``: all).
    """
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
    if not numbers and not citations:
        return Resolved(content, unknown, {})
    refs = PageRefs(page, numbers)
    known = set(entries)
    names = {key: narrative_name(entries[key]) for key in numbers}

    def replace(match: re.Match[str]) -> str:
        space, index, source = match.group(1), int(match.group(2)), html.unescape(match.group(3))
        citation = citations[index]
        keep = style != "ama" or citation.narrative or any(k not in known for k in citation.keys)
        keep = keep or any(item.prefix for item in citation.items)
        rendered = citation_html(
            citation, index, refs, source, known=known, names=names, titles=titles, style=style
        )
        return (space if keep else "") + rendered

    formatted = {key: format_entry(key) for key in numbers}
    titles = {key: plain_text(text) for key, text in formatted.items()}
    resolved = PLACEHOLDER.sub(replace, content)
    cited = {key: [refs.cite_id(i) for i in indexes] for key, indexes in backlinks.items()}
    listing = reference_list(refs, formatted, backlinks, heading)
    return Resolved(resolved, unknown, cited, listing)


def source_link(key: str, csl: Mapping[str, Any], href: str, title: str) -> str:
    """An author-year link to an entry ("Khosla et al, 2012"), for citations outside prose."""
    year = (csl.get("issued") or {}).get("date-parts", [[""]])[0][0]
    label = f"{narrative_name(dict(csl))}, {year}" if year else narrative_name(dict(csl))
    return (
        f'<a class="tiered-citation-link" href="{escape(href)}" title="{escape(title)}">'
        f"{escape(label)}</a>"
    )


@dataclass(frozen=True)
class CitedIn:
    """A page citing an entry: its title, its URL and the ids of the citations."""

    title: str
    href: str
    cite_ids: tuple[str, ...]


def bibliography_page(
    order: list[str], entries: Mapping[str, str], cited_in: Mapping[str, list[CitedIn]]
) -> str:
    """The site-wide list: every cited entry with links back to where it is cited."""
    items = []
    for key in order:
        back = []
        for where in cited_in.get(key, []):
            first = f"{where.href}#{where.cite_ids[0]}" if where.cite_ids else where.href
            back.append(f'<a href="{escape(first)}">{escape(where.title)}</a>')
        cited = (
            f' <span class="references__cited-in">Cited in: {", ".join(back)}</span>'
            if back
            else ""
        )
        items.append(f'<li id="ref-{anchor_part(key)}">{entries[key]}{cited}</li>')
    return '<ul class="references references--site">\n' + "\n".join(items) + "\n</ul>\n"
