"""Citations and reference lists as HTML (AMA numbering); pure functions of plain data."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Container, Mapping
from dataclasses import dataclass
from html import escape
from typing import Any

from tiered.citations import authordate
from tiered.citations.styles import (
    NUMERIC,
    ama_locator,
    collapse,
    narrative_name,
    vancouver_locator,
)
from tiered.citations.syntax import Citation, CiteItem
from tiered.common.text import sort_key

_NOT_ANCHOR = re.compile(r"[^\w-]+")


def ascii_html(fragment: str) -> str:
    """``fragment`` with each non-ASCII character as a character reference (``&#252;``).

    The same HTML to a browser. Python keeps a string of pure ASCII at one byte a
    character and encodes it to UTF-8 by copying; a single ``↩`` in an otherwise ASCII
    page makes the whole rendered page (navigation included) a wide string, and writing
    it several times slower.
    """
    if fragment.isascii():
        return fragment
    return fragment.encode("ascii", "xmlcharrefreplace").decode("ascii")


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


_TAG = re.compile(r"<[^>]+>")


def plain_text(entry_html: str) -> str:
    """A formatted entry as plain text, for a title attribute."""
    return " ".join(html.unescape(_TAG.sub("", entry_html)).split())


_EMPHASIS = re.compile(r"(?<![\w*_])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*_])")


def _inline(text: str) -> str:
    """A prefix or suffix: escaped, with Markdown emphasis (``*passim*``) kept."""
    return _EMPHASIS.sub(r"<em>\2</em>", escape(text))


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
    title_id = f"references-{refs.page}"
    tag, kind = ("ol", "") if order is None else ("ul", " references__list--author-date")
    return (
        f'<section class="references" aria-labelledby="{title_id}">\n'
        f'<h2 id="{title_id}">{escape(heading)}</h2>\n'
        f'<{tag} class="references__list{kind}">\n' + "\n".join(items) + f"\n</{tag}>\n</section>\n"
    )


# The placeholders the Markdown extension writes (see tiered.citations.markdown).
# The space an author types before "[@key]" goes: AMA's superscripts follow the word.
# (The pattern starts with its literal text, which the regex engine searches for fast.)
PLACEHOLDER = re.compile(
    r'<span class="citation" data-cites="[^"]*" data-tiered-citation="(\d+)">(.*?)</span>',
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
    page: str,
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
        page: The page's part of anchors (``anchor_part(page.url)``).
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
    refs = PageRefs(page, numbers)
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
    cited = {key: [refs.cite_id(i) for i in indexes] for key, indexes in backlinks.items()}
    order = None
    if style not in NUMERIC:
        order = sorted(numbers, key=lambda key: (authordate.sort_order(entries[key]), key))
    listing = reference_list(refs, formatted, backlinks, heading, order=order)
    return Resolved(resolved, unknown, cited, listing)


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


@dataclass(frozen=True)
class CitedIn:
    """A page citing an entry: its title, its URL and the ids of the citations."""

    title: str
    href: str
    cite_ids: tuple[str, ...]


def bibliography_page(
    order: list[str],
    entries: Mapping[str, str],
    cited_in: Mapping[str, list[CitedIn]],
    place: Callable[[str], str] = lambda html: html,
) -> str:
    """The site-wide list: every cited entry with links back to where it is cited.

    ``place`` takes each "Cited in" list and returns what stands for it in the page
    (the plugin defers them, so that search does not index page titles as sources).
    """
    items = []
    for key in order:
        back = []
        for where in cited_in.get(key, []):
            first = f"{where.href}#{where.cite_ids[0]}" if where.cite_ids else where.href
            back.append(f'<a href="{escape(first)}">{escape(where.title)}</a>')
        cited = (
            place(f' <span class="references__cited-in">Cited in: {", ".join(back)}</span>')
            if back
            else ""
        )
        items.append(f'<li id="ref-{anchor_part(key)}">{entries[key]}{cited}</li>')
    return '<ul class="references references--site">\n' + "\n".join(items) + "\n</ul>\n"
