"""The citations' Python-Markdown extension: phase one, finding citations.

Two inline processors run after code spans (190), backslash escapes (180), links
(160) and raw inline HTML (90) have claimed their text, so neither code, ``\\@``, a
link's target nor an HTML attribute is ever read as a citation: bracketed citations
at 86 and narrative ones at 85, both before emphasis, so ``[@a, p. 3 and *passim*]``
stays one citation. Neither runs inside a link's text, Markdown's or an author's raw
``<a>...</a>`` (whose text stays as written: a link inside a link is not HTML; a key
there is not a citation, as it is not in code). A tree processor right after
the inline pass numbers the citations in reading order. Each becomes Pandoc's markup,

    <span class="citation" data-cites="key1 key2" data-tiered-citation="3">[@key1; @key2]</span>

whose text is the author's own until the plugin formats it in a style (phase two),
so nothing is lost when a key is unknown. ``data-tiered-citation`` indexes
``CitationsExtension.citations`` for the page; an author's raw HTML never carries it
(a postprocessor renames it there), so phase two never takes the author's markup
for a citation of its own.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Any

from markdown import Extension, Markdown
from markdown.blockprocessors import BlockProcessor
from markdown.inlinepatterns import InlineProcessor
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from tiered.citations.syntax import BRACKETED, NARRATIVE, Citation, parse_bracketed, parse_narrative
from tiered.markdown_support import in_raw_links, unwrap


class CitationsExtension(Extension):
    """Find Pandoc-style citations; the plugin (or a test) reads ``citations`` after."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.citations: list[Citation] = []

    def extendMarkdown(self, md: Markdown) -> None:
        self.citations = []
        if "@" not in md.ESCAPED_CHARS:  # "\@" is a literal "@", as in Pandoc
            md.ESCAPED_CHARS.append("@")
        md.inlinePatterns.register(_Bracketed(BRACKETED.pattern, md, self), "tiered_cite", 86)
        md.inlinePatterns.register(
            _Narrative(NARRATIVE.pattern, md, self), "tiered_cite_narrative", 85
        )
        md.treeprocessors.register(_ReadingOrder(md, self), "tiered_cite_order", 19)
        md.parser.blockprocessors.register(_RefsMarker(md.parser), "tiered_cite_refs", 95)
        # Before the raw HTML goes back into the page (raw_html, 30).
        md.postprocessors.register(_AuthorMarkup(md), "tiered_cite_author_markup", 31)

    def _element(self, citation: Citation, source: str) -> etree.Element:
        el = etree.Element("span")
        el.set("class", "citation")
        el.set("data-cites", " ".join(citation.keys))
        el.set("data-tiered-citation", str(len(self.citations)))
        el.text = AtomicString(source)
        self.citations.append(citation)
        return el


REFS_MARKER = '<div class="references-here" id="refs"></div>'  # as serialized
_REFS = re.compile(r"^:::+\s*\{\s*#refs\s*\}\s*\n:::+\s*$")


class _RefsMarker(BlockProcessor):
    """Pandoc's ``::: {#refs}`` / ``:::``: the page's reference list goes here."""

    def test(self, parent: etree.Element, block: str) -> bool:
        return bool(_REFS.match(block.strip()))

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        blocks.pop(0)
        marker = etree.SubElement(parent, "div")
        marker.set("id", "refs")
        marker.set("class", "references-here")
        return True


class _ReadingOrder(Treeprocessor):
    """Number the citations as a reader meets them (the inline passes found them by kind)."""

    def __init__(self, md: Markdown, ext: CitationsExtension) -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, root: etree.Element) -> None:
        # Inside an author's raw <a> the text stays as written: a link holds no link.
        inside: dict[int, tuple[etree.Element, set[int]]] = {}
        for parent, el in in_raw_links(self.md, root):
            if el.get("data-tiered-citation") is not None and el.get("class") == "citation":
                inside.setdefault(id(parent), (parent, set()))[1].add(id(el))
        for parent, remove in inside.values():
            unwrap(parent, remove)
        found = self.ext.citations
        ordered: list[Citation] = []
        for el in root.iter("span"):
            index = el.get("data-tiered-citation")
            if index is not None and el.get("class") == "citation":
                el.set("data-tiered-citation", str(len(ordered)))
                ordered.append(found[int(index)])
        self.ext.citations = ordered


# The attribute's name, as a name (so "data-tiered-citation-raw" is not found again).
_OWN_ATTRIBUTE = re.compile(r"\bdata-tiered-citation(?=[\s=/>])", re.IGNORECASE)


class _AuthorMarkup(Postprocessor):
    """The extension's own attribute, in an author's raw HTML, renamed ``-raw``.

    Phase two finds citations by that attribute; raw HTML copying it (as an author
    might from a built page) would be taken for one, with an index of another. (The
    toc extension runs the postprocessors once more for each heading: blocks already
    looked at are not looked at again.)
    """

    def __init__(self, md: Markdown) -> None:
        super().__init__(md)
        self.checked = 0

    def run(self, text: str) -> str:
        blocks = self.md.htmlStash.rawHtmlBlocks
        if self.checked > len(blocks):  # the Markdown instance was reset
            self.checked = 0
        for index in range(self.checked, len(blocks)):
            block = blocks[index]
            # Elements (md_in_html) hold Markdown, whose citations are ours.
            if isinstance(block, str) and "data-tiered-citation" in block.lower():
                blocks[index] = _OWN_ATTRIBUTE.sub("data-tiered-citation-raw", block)
        self.checked = len(blocks)
        return text


Found = tuple[etree.Element | None, int | None, int | None]


class _CitationProcessor(InlineProcessor):
    ANCESTOR_EXCLUDES = ("a",)  # never inside a link's text

    def __init__(self, pattern: str, md: Markdown, ext: CitationsExtension) -> None:
        super().__init__(pattern, md)
        self.ext = ext

    def handleMatch(  # type: ignore[override]
        self, m: re.Match[str], data: str
    ) -> Found:
        # Citations inside an author's raw <a> are undone after the inline pass, in one
        # walk (_ReadingOrder): looking back from each match would be quadratic.
        citation = self.parse(m)
        if citation is None:
            return None, None, None
        return self.ext._element(citation, m.group(0)), m.start(0), m.end(0)

    def parse(self, m: re.Match[str]) -> Citation | None:
        """The citation ``m`` stands for, or None if it is none."""
        raise NotImplementedError


class _Bracketed(_CitationProcessor):
    def parse(self, m: re.Match[str]) -> Citation | None:
        return parse_bracketed(m.group("inner"))


class _Narrative(_CitationProcessor):
    def parse(self, m: re.Match[str]) -> Citation | None:
        return parse_narrative(m)


def makeExtension(**kwargs: Any) -> CitationsExtension:
    """Entry point for ``markdown.Markdown(extensions=[...])`` by module name."""
    return CitationsExtension(**kwargs)
