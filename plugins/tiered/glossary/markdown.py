"""The glossary's Python-Markdown extension: links terms while a page renders.

* ``[[term]]`` forces a link and ``[[!word]]`` prevents one: an inline processor
  (priority 175: after code spans and escapes, before links) turns them into marker
  elements.
* A tree processor (priority -1: after every other tree processor, so ``abbr`` has
  marked abbreviations, ``toc`` has given headings their ids, and MkDocs has already
  rewritten the page's own links, which ours need not go through) walks the tree in
  document order, links matches in plain text, resolves the markers and records
  every mention with the h2 section it falls under, for the "Used in" back-links.

It never touches code, pre, links (an author's raw ``<a>...</a>`` included: its
placeholders are followed from one text to the next), headings, abbreviations,
definitions, images, citations, reference lists or text another extension marked as
``AtomicString``. Links are elements with ``AtomicString`` text, so the serializer
escapes them like everything else.

Link markup (documented, other plugins and the theme rely on it)::

    <a class="tiered-glossary-term" href="../glossary/#osteoclast"
       title="Short definition">osteoclasts</a>

(``../glossary/o/#osteoclast`` when the glossary page is split by letter.)
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from markdown import Extension, Markdown, util
from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from tiered.glossary.matcher import Matcher
from tiered.glossary.model import Glossary, Term
from tiered.markdown_support import outside_raw_links, raw_link_depth

Density = Literal["first-per-section", "first-per-page", "all"]

LINK_CLASS = "tiered-glossary-term"
# Starts and ends the paragraph that separates definitions rendered in one pass (a
# private-use character: never in an author's text).
ENTRY_MARK = "\ue000"
# Stands for an entry's definition when it has none: the entry's short text, plain.
SHORT_MARK = "\ue001"
_MARKER = "data-tiered-glossary"
# Never link inside these: code, links, headings, abbreviations, definitions, math, forms.
_SKIP_TAGS = frozenset(
    {"a", "abbr", "button", "code", "dfn", "kbd", "math", "pre", "samp", "script", "style"}
    | {"svg", "textarea", "title", "h1", "h2", "h3", "h4", "h5", "h6"}
)
# Citations and reference lists (tiered/citations, footnotes), titles and our own chrome.
_SKIP_CLASSES = frozenset(
    {"citation", "references", "footnote", "footnotes", "admonition-title"}
    | {"tiered-glossary", "tiered-switcher", "tiered-stepper"}
)
_SKIP_IDS = frozenset({"refs"})


@dataclass
class PageContext:
    """What the extension needs to know about the page being rendered.

    Attributes:
        glossary_href: URL of the glossary page relative to this page ('' = same page),
            used as it is: links are made after MkDocs rewrote Markdown links.
        entry_href: The link to a term's entry, by its anchor, when the glossary is
            split by letter (the entry's letter page, ``../glossary/b/#bone``); None:
            ``glossary_href`` and the anchor.
        tier: The page's tier (front matter ``tier:``), for tier-specific popovers.
        autolink: False: only ``[[term]]`` links (front matter ``glossary: false``).
        exclude: Anchor of a term never linked here (its own glossary entry).
        markers: False when the page has no ``[[`` at all: the marker syntax is then
            not registered, which spares every inline pass a pattern.
    """

    glossary_href: str = "glossary/"
    entry_href: Callable[[str], str] | None = None
    tier: str | None = None
    autolink: bool = True
    exclude: str | None = None
    markers: bool = True


@dataclass
class PageResult:
    """What rendering one page found.

    Attributes:
        used: For each term mentioned (linked or not), by anchor: the h2 sections it
            is mentioned in, id -> title, in page order (empty: only above the first h2).
        unknown: ``[[names]]`` that are no term or alias.
    """

    used: dict[str, dict[str, str]] = field(default_factory=dict)
    unknown: list[str] = field(default_factory=list)


class GlossaryExtension(Extension):
    """Link glossary terms in rendered Markdown.

    Args:
        glossary: The terms.
        density: Which mentions to link.
        context: The page being rendered; the plugin sets a new one per page.
        share: An extension for the same glossary whose compiled matchers to reuse.
    """

    def __init__(
        self,
        glossary: Glossary,
        density: Density = "first-per-section",
        context: PageContext | None = None,
        *,
        share: GlossaryExtension | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.glossary = glossary
        self.density = density
        self.context = context or PageContext()
        self.result = PageResult()
        self.autolinker: Matcher[Term]
        self.names: Matcher[Term]
        self.shortest: int
        if share is not None and share.glossary is glossary:  # compiled once per glossary
            self.autolinker, self.names = share.autolinker, share.names
            self.shortest = share.shortest
        else:
            self.autolinker = Matcher(
                (f, t, t.is_case_sensitive(f))
                for t in glossary.terms
                if t.link
                for f in t.matched_forms
            )
            self.names = Matcher(
                (f, t, t.is_case_sensitive(f)) for t in glossary.terms for f in t.matched_forms
            )
            self.shortest = min((len(f) for t in glossary.terms for f in t.forms), default=1)
        self._by_anchor: dict[str, Term] | None = None

    def term_by_anchor(self, anchor: str | None) -> Term | None:
        """The term whose glossary entry has id ``anchor``."""
        if self._by_anchor is None:
            self._by_anchor = {t.anchor: t for t in self.glossary.terms}
        return self._by_anchor.get(anchor or "")

    def start_page(self, context: PageContext) -> PageResult:
        """Set the page about to render; returns the result it will fill."""
        self.context = context
        self.result = PageResult()
        return self.result

    def extendMarkdown(self, md: Markdown) -> None:
        # MkDocs makes a Markdown instance per page, after on_page_markdown set the context.
        markers = self.context.markers
        if markers:
            md.inlinePatterns.register(_MarkerProcessor(_MARKER_RE, md), "tiered_glossary", 175)
        md.treeprocessors.register(_LinkProcessor(md, self, markers), "tiered_glossary", -1)


_MARKER_RE = r"\[\[(!?)([^\[\]\n|]+?)\]\]"


class _MarkerProcessor(InlineProcessor):
    """``[[term]]`` and ``[[!word]]`` become marker elements the linker resolves."""

    def handleMatch(  # type: ignore[override]
        self, m: re.Match[str], data: str
    ) -> tuple[etree.Element, int, int]:
        prevent, text = m.group(1), m.group(2)
        el = etree.Element("span")
        el.set(_MARKER, "prevent" if prevent else "force")
        el.text = AtomicString(text.strip())
        return el, m.start(0), m.end(0)


def _classes(el: etree.Element) -> set[str]:
    return set((el.get("class") or "").split())


class _LinkProcessor(Treeprocessor):
    def __init__(self, md: Markdown, ext: GlossaryExtension, markers: bool) -> None:
        super().__init__(md)
        self.ext = ext
        self.markers = markers  # the marker syntax is registered in md
        self.seen: set[str] = set()
        self.section: tuple[str, str] | None = None
        self.names: dict[str, str] = {}
        self.attributes: dict[str, dict[str, str]] = {}
        self.raw_links = 0  # the author's raw <a> links open where the walk is

    def run(self, root: etree.Element) -> None:
        self.seen = set()
        self.section = None
        self.names = _toc_names(getattr(self.md, "toc_tokens", []))
        self.attributes = {}
        self.raw_links = 0
        self.ext.result.used = {}
        self._walk(root)
        if self.markers:  # else this Markdown makes no marker: nothing to unwrap
            self._unwrap_markers(root)

    # -- walking -------------------------------------------------------------------

    def _walk(self, el: etree.Element) -> None:
        tag = el.tag
        if tag == "h2":
            self._enter_section(el)
        elif tag == "p" and el.text and not len(el) and el.text[0] in (ENTRY_MARK, SHORT_MARK):
            if el.text.startswith(ENTRY_MARK):
                # Definitions rendered together: each starts a fresh "page" for its own term.
                self.ext.context.exclude = el.text.strip(ENTRY_MARK)
                self.seen = set()
                return
            if el.text == SHORT_MARK:  # an entry without definition shows its short text
                term = self.ext.term_by_anchor(self.ext.context.exclude)
                el.text = term.short if term is not None else ""
        marker = el.get(_MARKER)
        if marker is not None:
            if marker == "force" and self.raw_links:
                el.set(_MARKER, "prevent")  # inside the author's own link: no link in it
            elif marker == "force":
                self._force(el)
            return
        classes = el.get("class")
        if (
            tag in _SKIP_TAGS
            or el.get("id") in _SKIP_IDS
            or (classes and not _SKIP_CLASSES.isdisjoint(classes.split()))
        ):
            self._pass_over(el)
            return
        children = list(el)
        inserted = self._link(el.text)
        if inserted is not None:
            el.text, links = inserted
            el[0:0] = links
        offset = len(el) - len(children)
        for index, child in enumerate(children):
            self._walk(child)
            inserted = self._link(child.tail)
            if inserted is not None:
                child.tail, links = inserted
                at = index + offset + 1
                el[at:at] = links
                offset += len(links)

    def _pass_over(self, el: etree.Element) -> None:
        """Follow the raw links that open or close inside an element left as it is."""
        self._follow_raw_links(el.text)
        for child in el:
            self._pass_over(child)
            self._follow_raw_links(child.tail)

    def _follow_raw_links(self, text: str | None) -> None:
        # Only a placeholder can open or close a raw link: most texts have none.
        if text and util.STX in text:
            self.raw_links = raw_link_depth(self.md, text, depth=self.raw_links)

    def _enter_section(self, heading: etree.Element) -> None:
        # toc's plain-text name: no permalink sign, no stashed markup.
        section_id = heading.get("id")
        title = self.names.get(section_id or "") or _text(heading)
        self.section = (section_id, title) if section_id and title else None
        if self.ext.density == "first-per-section":
            self.seen = set()

    def _link(self, text: str | None) -> tuple[str, list[etree.Element]] | None:
        """``text`` split around the mentions to link: the text before the first link,
        and the links (each carrying the text after it as its tail); None: no link.

        Text inside an author's raw ``<a>`` is never linked (no link in a link).
        """
        if not text:
            return None
        depth = self.raw_links
        self._follow_raw_links(text)
        if len(text) < self.ext.shortest or isinstance(text, AtomicString):
            return None  # short texts are mostly the line breaks between elements
        hits = self.ext.autolinker.find(text)
        if not hits:
            return None
        outside = outside_raw_links(self.md, text, depth) if depth or util.STX in text else None
        context = self.ext.context
        every = self.ext.density == "all"
        lead = text
        links: list[etree.Element] = []
        cursor = 0
        for start, end, term in hits:
            anchor = term.anchor
            if anchor == context.exclude:
                continue
            self._record(anchor)
            if not context.autolink or (not every and anchor in self.seen):
                continue
            if outside is not None and not any(a <= start and end <= b for a, b in outside):
                continue
            self.seen.add(anchor)
            link = etree.Element("a", self._attributes(term))
            link.text = AtomicString(text[start:end])
            if links:
                links[-1].tail = text[cursor:start]
            else:
                lead = text[:start]
            links.append(link)
            cursor = end
        if not links:
            return None
        links[-1].tail = text[cursor:]
        return lead, links

    def _force(self, el: etree.Element) -> None:
        name = str(el.text or "")
        term = self.ext.names.lookup(name)
        if term is None:
            self.ext.result.unknown.append(name)
            el.set(_MARKER, "prevent")  # unwrapped later: the text stays, unlinked
            return
        self.seen.add(term.anchor)
        self._record(term.anchor)
        el.attrib.clear()
        el.tag = "a"
        el.attrib.update(self._attributes(term))
        self._follow_raw_links(el.text)

    def _attributes(self, term: Term) -> dict[str, str]:
        attributes = self.attributes.get(term.anchor)
        if attributes is None:
            context = self.ext.context
            href = (
                context.entry_href(term.anchor)
                if context.entry_href is not None
                else f"{context.glossary_href}#{term.anchor}"
            )
            attributes = {"class": LINK_CLASS, "href": href}
            short = term.short_for(self.ext.context.tier)
            if short:
                attributes["title"] = short
            self.attributes[term.anchor] = attributes
        return attributes

    def _record(self, anchor: str) -> None:
        sections = self.ext.result.used.get(anchor)
        if sections is None:
            sections = self.ext.result.used[anchor] = {}
        if self.section is not None and self.section[0] not in sections:
            sections[self.section[0]] = self.section[1]

    # -- markers ---------------------------------------------------------------------

    def _unwrap_markers(self, root: etree.Element) -> None:
        for parent in root.iter():
            for index, child in reversed(list(enumerate(parent))):
                if child.get(_MARKER) != "prevent":
                    continue
                text = f"{child.text or ''}{child.tail or ''}"
                if index == 0:
                    parent.text = f"{parent.text or ''}{text}"
                else:
                    previous = parent[index - 1]
                    previous.tail = f"{previous.tail or ''}{text}"
                parent.remove(child)


def _toc_names(tokens: list[dict[str, Any]]) -> dict[str, str]:
    names: dict[str, str] = {}
    for token in tokens:
        names[str(token["id"])] = str(token["name"])
        names.update(_toc_names(token.get("children", [])))
    return names


def _text(heading: etree.Element) -> str | None:
    parts = [heading.text or ""]
    for child in heading:
        if "headerlink" not in _classes(child):
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return "".join(parts).strip() or None


def makeExtension(**kwargs: Any) -> GlossaryExtension:
    """Entry point for ``markdown.Markdown(extensions=[...])`` by module name."""
    return GlossaryExtension(**kwargs)
