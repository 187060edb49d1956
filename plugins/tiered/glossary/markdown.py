"""The glossary's Python-Markdown extension: links terms while a page renders.

* ``[[term]]`` forces a link and ``[[!word]]`` prevents one: an inline processor
  (priority 175: after code spans and escapes, before links) turns them into marker
  elements.
* A tree processor (priority 6.5: after inline patterns, ``attr_list`` and ``abbr``, before
  ``toc``) walks the tree in document order, links matches in plain text, resolves
  the markers and records every mention with the heading it falls under.
* A second tree processor (priority 4, after ``toc`` gave headings their ids)
  turns the recorded headings into section ids for the "Used in" back-links.

It never touches code, pre, links, headings, abbreviations, definitions, images,
citations, reference lists or text another extension marked as ``AtomicString``.

Link markup (documented, other plugins and the theme rely on it)::

    <a class="tiered-glossary-term" data-tiered-term="osteoclast"
       href="../glossary/#osteoclast" title="Short definition">osteoclasts</a>
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from typing import Any, Literal

from markdown import Extension, Markdown
from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from tiered.glossary.matcher import Matcher
from tiered.glossary.model import Glossary, Term

Density = Literal["first-per-section", "first-per-page", "all"]

LINK_CLASS = "tiered-glossary-term"
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
        glossary_href: URL of the glossary page relative to this page ('' = same page).
        tier: The page's tier (front matter ``tier:``), for tier-specific popovers.
        autolink: False: only ``[[term]]`` links (front matter ``glossary: false``).
        exclude: Anchor of a term never linked here (its own glossary entry).
    """

    glossary_href: str = "glossary/"
    tier: str | None = None
    autolink: bool = True
    exclude: str | None = None


@dataclass
class Mention:
    """A term found on the page, and the section (h2) it is under."""

    term: Term
    linked: bool
    section_id: str | None = None
    section_title: str | None = None


@dataclass
class PageResult:
    """What rendering one page found."""

    mentions: list[Mention] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)  # [[names]] that are no term


class GlossaryExtension(Extension):
    """Link glossary terms in rendered Markdown.

    Args:
        glossary: The terms.
        density: Which mentions to link.
        context: The page being rendered; the plugin sets a new one per page.
    """

    def __init__(
        self,
        glossary: Glossary,
        density: Density = "first-per-section",
        context: PageContext | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.glossary = glossary
        self.density = density
        self.context = context or PageContext()
        self.result = PageResult()
        linked = [(f, t, t.is_case_sensitive(f)) for t in glossary.terms if t.link for f in t.forms]
        every = [(f, t, t.is_case_sensitive(f)) for t in glossary.terms for f in t.forms]
        self.autolinker: Matcher[Term] = Matcher(linked)
        self.names: Matcher[Term] = Matcher(every)

    def start_page(self, context: PageContext) -> PageResult:
        """Set the page about to render; returns the result it will fill."""
        self.context = context
        self.result = PageResult()
        return self.result

    def extendMarkdown(self, md: Markdown) -> None:
        md.inlinePatterns.register(_MarkerProcessor(_MARKER_RE, md), "tiered_glossary", 175)
        md.treeprocessors.register(_LinkProcessor(md, self), "tiered_glossary", 6.5)
        md.treeprocessors.register(_SectionProcessor(md, self), "tiered_glossary_sections", 4)


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


def _skipped(el: etree.Element) -> bool:
    return (
        el.tag in _SKIP_TAGS
        or bool(_classes(el) & _SKIP_CLASSES)
        or el.get("id") in _SKIP_IDS
        or el.get(_MARKER) is not None
    )


class _LinkProcessor(Treeprocessor):
    def __init__(self, md: Markdown, ext: GlossaryExtension) -> None:
        super().__init__(md)
        self.ext = ext
        self.seen: set[str] = set()
        self.section: etree.Element | None = None
        self.headings: dict[int, etree.Element] = {}

    def run(self, root: etree.Element) -> None:
        self.seen = set()
        self.section = None
        self.ext.result.mentions = []
        self._walk(root)
        self._unwrap_markers(root)

    # -- walking -------------------------------------------------------------------

    def _walk(self, el: etree.Element) -> None:
        if el.tag == "h2":
            self.section = el
            if self.ext.density == "first-per-section":
                self.seen = set()
        if el.get(_MARKER) == "force":
            self._force(el)
            return
        if _skipped(el):
            return
        if el.text and not isinstance(el.text, AtomicString):
            head, links = self._link(el.text)
            if links:
                el.text = head
                for index, link in enumerate(links):
                    el.insert(index, link)
        for child in list(el):
            self._walk(child)
            if child.tail and not isinstance(child.tail, AtomicString):
                head, links = self._link(child.tail)
                if links:
                    child.tail = head
                    position = list(el).index(child) + 1
                    for offset, link in enumerate(links):
                        el.insert(position + offset, link)

    def _link(self, text: str) -> tuple[str, list[etree.Element]]:
        """Split ``text`` into leading text and links, each carrying its tail."""
        context = self.ext.context
        hits = self.ext.autolinker.find(text) if self.ext.autolinker else []
        links: list[etree.Element] = []
        head = text
        cursor = 0
        for hit in hits:
            term = hit.value
            if term.anchor == context.exclude:
                continue
            wanted = context.autolink and (
                self.ext.density == "all" or term.anchor not in self.seen
            )
            self._record(term, linked=wanted)
            if not wanted:
                continue
            self.seen.add(term.anchor)
            link = self._anchor(term, text[hit.start : hit.end])
            if links:
                links[-1].tail = text[cursor : hit.start]
            else:
                head = text[: hit.start]
            links.append(link)
            cursor = hit.end
        if links:
            links[-1].tail = text[cursor:]
        return head, links

    def _force(self, el: etree.Element) -> None:
        name = str(el.text or "")
        term = self.ext.names.lookup(name)
        if term is None:
            self.ext.result.unknown.append(name)
            el.set(_MARKER, "prevent")  # unwrapped later: the text stays, unlinked
            return
        self.seen.add(term.anchor)
        self._record(term, linked=True)
        link = self._anchor(term, name)
        el.attrib.clear()
        el.tag = "a"
        el.attrib.update(link.attrib)

    def _anchor(self, term: Term, text: str) -> etree.Element:
        link = etree.Element("a")
        link.set("class", LINK_CLASS)
        link.set("href", f"{self.ext.context.glossary_href}#{term.anchor}")
        short = term.short_for(self.ext.context.tier)
        if short:
            link.set("title", short)
        link.set("data-tiered-term", term.anchor)
        link.text = AtomicString(text)
        return link

    def _record(self, term: Term, *, linked: bool) -> None:
        mention = Mention(term, linked)
        if self.section is not None:
            # Ids come later (toc); _SectionProcessor fills them in from this element.
            self.headings[id(mention)] = self.section
        self.ext.result.mentions.append(mention)

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


class _SectionProcessor(Treeprocessor):
    """After ``toc``: give each mention its section's id and title."""

    def __init__(self, md: Markdown, ext: GlossaryExtension) -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, root: etree.Element) -> None:
        linker = self.md.treeprocessors["tiered_glossary"]
        assert isinstance(linker, _LinkProcessor)
        names = _toc_names(getattr(self.md, "toc_tokens", []))
        for mention in self.ext.result.mentions:
            heading = linker.headings.pop(id(mention), None)
            if heading is not None:
                mention.section_id = heading.get("id")
                # toc's plain-text name: no permalink sign, no stashed markup.
                mention.section_title = names.get(mention.section_id or "") or _text(heading)
        linker.headings.clear()


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
