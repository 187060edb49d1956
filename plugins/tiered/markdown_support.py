"""What the tiered Markdown extensions share (middle floor: Python-Markdown, no MkDocs).

Raw HTML links. Python-Markdown stashes an author's inline raw HTML (``<a href=..>``,
``</a>``) and leaves a placeholder in the text, so inline and tree processors see the
text between an opening and a closing tag as plain text. Anything they turn into a
link there would nest a link inside the author's link, which HTML forbids. These
functions tell where such raw links are open, from the placeholders and the stash.

A tree processor reads its text nodes as they are. An inline processor's ``data`` holds
the inline stash's placeholders instead (raw HTML already claimed by an earlier inline
pattern): give these functions ``self.unescape(data[:m.start()])``, which puts the raw
HTML stash's placeholders back.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Iterator

from markdown import Markdown, util

# util.HTML_PLACEHOLDER is STX "wzxhzdk:%s" ETX; the index is bounded by the digits.
_PLACEHOLDER = re.compile(re.escape(util.HTML_PLACEHOLDER).replace("%s", r"(\d+)"))
_OPEN = re.compile(r"<a[\s>/]", re.IGNORECASE)
_CLOSE = re.compile(r"</a[\s>]", re.IGNORECASE)


def raw_link_changes(md: Markdown, text: str) -> Iterator[tuple[int, int]]:
    """``(index, +1 or -1)`` where a raw ``<a>`` opens or a ``</a>`` closes in ``text``.

    The index is the end of the opening tag's placeholder, or the start of the
    closing tag's, so ``index`` splits the text into outside and inside.
    """
    blocks = md.htmlStash.rawHtmlBlocks
    if util.STX not in text:
        return
    for match in _PLACEHOLDER.finditer(text):
        number = int(match.group(1))
        if number >= len(blocks):
            continue
        raw = str(blocks[number])
        if _OPEN.match(raw):
            yield match.end(), 1
        elif _CLOSE.match(raw):
            yield match.start(), -1


def raw_link_depth(md: Markdown, text: str, end: int | None = None, depth: int = 0) -> int:
    """How many raw links are open at ``text[end]`` (the end of text by default).

    ``depth`` is how many were open where ``text`` starts (a tree walk carries it from
    one text node to the next). Never below zero: a stray ``</a>`` closes nothing.
    """
    limit = len(text) if end is None else end
    for index, change in raw_link_changes(md, text):
        if index > limit:
            break
        depth = max(0, depth + change)
    return depth


def outside_raw_links(md: Markdown, text: str, depth: int = 0) -> list[tuple[int, int]]:
    """The ``(start, end)`` ranges of ``text`` outside any raw link.

    ``depth``: raw links already open where ``text`` starts.
    """
    ranges: list[tuple[int, int]] = []
    start: int | None = 0 if depth == 0 else None
    for index, change in raw_link_changes(md, text):
        before = depth
        depth = max(0, depth + change)
        if before == 0 and depth > 0 and start is not None:
            ranges.append((start, index))
            start = None
        elif before > 0 and depth == 0:
            start = index
    if start is not None:
        ranges.append((start, len(text)))
    return ranges


def has_raw_links(md: Markdown) -> bool:
    """Whether the page so far has any raw ``<a>`` (else nothing need be checked)."""
    return any(_OPEN.match(str(block)) for block in md.htmlStash.rawHtmlBlocks)


def in_raw_links(md: Markdown, root: etree.Element) -> list[tuple[etree.Element, etree.Element]]:
    """``(parent, element)`` for each element that starts inside an author's raw link.

    For a tree processor that runs after the inline pass: one walk in document order
    (text, children, tails), carrying the open-link depth, without recursion (nesting
    may be deep). Linear in the size of the tree.
    """
    if not has_raw_links(md):
        return []
    found: list[tuple[etree.Element, etree.Element]] = []
    depth = raw_link_depth(md, root.text or "")
    stack: list[tuple[etree.Element, Iterator[etree.Element]]] = [(root, iter(root))]
    while stack:
        parent, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if stack and parent.tail:
                depth = raw_link_depth(md, parent.tail, depth=depth)
            continue
        if depth:
            found.append((parent, child))
        if child.text:
            depth = raw_link_depth(md, child.text, depth=depth)
        stack.append((child, iter(child)))
    return found


def unwrap(parent: etree.Element, remove: set[int]) -> None:
    """Replace the children of ``parent`` whose ``id()`` is in ``remove`` by their text.

    One pass over the children, so unwrapping many is linear.
    """
    kept: list[etree.Element] = []
    text = parent.text or ""
    for child in list(parent):
        if id(child) in remove:
            piece = "".join(child.itertext()) + (child.tail or "")
            if kept:
                kept[-1].tail = (kept[-1].tail or "") + piece
            else:
                text += piece
        else:
            kept.append(child)
    parent.text = text or None
    parent[:] = kept


def without_raw_html(md: Markdown) -> Markdown:
    """``md`` with raw HTML read as text: for Markdown from data files, not pages.

    A page is its author's own HTML; a data file (a glossary definition) is not, so
    what looks like a tag there is shown, escaped, as written. Markdown itself
    (emphasis, links, lists) still renders. ``md_in_html`` and the plain Markdown
    register their block handling under the same name, so both are covered.
    """
    for registry, name in ((md.preprocessors, "html_block"), (md.inlinePatterns, "html")):
        if name in registry:
            registry.deregister(name)
    return md
