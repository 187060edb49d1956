"""Raw HTML links as the Markdown extensions see them (placeholders in the text)."""

from __future__ import annotations

import xml.etree.ElementTree as etree

import markdown
from markdown.treeprocessors import Treeprocessor
from tiered.markdown_support import outside_raw_links, raw_link_depth


class _Texts(Treeprocessor):
    """Keeps every text and tail in document order, as a late tree processor sees them."""

    texts: list[str]

    def run(self, root: etree.Element) -> None:
        self.texts = []
        for el in root.iter():
            self.texts.extend(t for t in (el.text, el.tail) if t and t.strip())


def _texts(source: str) -> tuple[markdown.Markdown, list[str]]:
    md = markdown.Markdown()
    walker = _Texts(md)
    md.treeprocessors.register(walker, "texts", -5)
    md.convert(source)
    return md, walker.texts


def test_ranges_outside_a_raw_link_in_one_text() -> None:
    md, texts = _texts('see <a href="x">bone</A> and bone')
    (text,) = texts
    pieces = [text[a:b] for a, b in outside_raw_links(md, text)]
    assert pieces == ["see \x02wzxhzdk:0\x03", "\x02wzxhzdk:1\x03 and bone"]


def test_depth_is_carried_across_text_nodes() -> None:
    md, texts = _texts('<a href="x">bone *emph* bone</a> bone')
    first, tail = texts[0], texts[2]
    depth = raw_link_depth(md, first)
    assert depth == 1
    assert raw_link_depth(md, texts[1], depth=depth) == 1  # inside <em>
    assert [tail[a:b] for a, b in outside_raw_links(md, tail, depth)] == ["\x02wzxhzdk:1\x03 bone"]


def test_stray_close_and_other_raw_html_change_nothing() -> None:
    md, texts = _texts("bone</a> <b>bone</b> <abbr>x</abbr>")
    (text,) = texts
    assert raw_link_depth(md, text) == 0
    assert outside_raw_links(md, text) == [(0, len(text))]


def test_depth_at_an_index() -> None:
    md, texts = _texts('a <a href="x">b</a> c')
    (text,) = texts
    assert raw_link_depth(md, text, text.index("b")) == 1
    assert raw_link_depth(md, text, text.index("c")) == 0
    assert raw_link_depth(md, text, text.index("a")) == 0
