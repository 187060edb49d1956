"""Plain text from rendered HTML, for checks that read what readers read.

Every tier page is read this way once per build (readability, and plain language from
the same blocks), so the reading is a scanner over the page rather than
:class:`html.parser.HTMLParser` (whose callbacks cost more than the rest of the checks
together at library size). It reads what MkDocs and Python-Markdown write, and an
author's own HTML as a browser would show its text: tags and comments are not text,
character references are, ``script`` and ``style`` hold no text. Each step looks at
most as far as the next ``<``, or finds one fixed string, so the time is linear in
the page.
"""

from __future__ import annotations

import re
import unicodedata
from html import unescape

SKIP = frozenset({"code", "pre", "script", "style", "svg", "math", "kbd", "samp", "nav"})
# The plugins' own chrome (switcher, badges, cards) is not article text.
SKIP_CLASS_PREFIX = "tiered-"
_KEPT_CHROME = "tiered-glossary-term"
_VOID = frozenset(
    {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
_BLOCKS = frozenset(
    {"p", "li", "br", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "div", "dd", "dt"}
    | {"figcaption", "blockquote", "section", "ul", "ol", "dl", "table", "details", "summary"}
)
# Elements whose content is raw text up to their end tag, never markup.
_RAW = frozenset({"script", "style"})

# A tag at a "<": its name, then attributes up to ">": runs of plain characters between
# quoted values (which never cross a "<"). A run cannot hold a quote and a value starts
# with one, so there is one way to match and a failed match gives up at the next "<".
_TAG = re.compile(r"""<(/?)([A-Za-z][^\s/<>]*)((?:[^<>"']*(?:"[^"<]*"|'[^'<]*'))*[^<>"']*)>""")
_CLASS = re.compile(r"""\sclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.IGNORECASE)
_RAW_END = {name: re.compile(rf"</{name}\s*>", re.IGNORECASE) for name in _RAW}


def visible_text(
    html: str,
    skip: frozenset[str] = SKIP,
    skip_classes: frozenset[str] = frozenset(),
    *,
    newlines_as_spaces: bool = False,
) -> str:
    """The text of ``html`` outside code, scripts and the like; blocks on their own lines.

    Elements named in ``skip``, or with a class in ``skip_classes`` (or one of the
    plugins' own ``tiered-`` classes, but for glossary terms), are left out whole. A
    block element starts a new line. With ``newlines_as_spaces``, a line break in the
    HTML is a space (as browsers show a hard-wrapped paragraph), so only elements end
    lines.
    """
    parts: list[str] = []
    depth = 0  # > 0: inside a left-out element, this many elements deep
    pos = 0
    end = len(html)
    while pos < end:
        lt = html.find("<", pos)
        if lt < 0:
            lt = end
        if lt > pos and not depth:
            parts.append(_data(html[pos:lt], newlines_as_spaces))
        if lt == end:
            break
        if html.startswith(("<!", "<?"), lt):
            pos = _declaration_end(html, lt)
            continue
        tag = _TAG.match(html, lt)
        if tag is None:  # not markup: a "<" in text
            if not depth:
                parts.append("<")
            pos = lt + 1
            continue
        pos = tag.end()
        name = tag.group(2).lower()
        if name in _RAW and not tag.group(1) and not tag.group(3).endswith("/"):
            found = _RAW_END[name].search(html, pos)
            pos = found.end() if found else end
            continue  # never text, left out or not
        depth, block = _after(tag, name, depth, skip, skip_classes)
        if block:
            parts.append("\n")
    return "".join(parts)


def _after(
    tag: re.Match[str], name: str, depth: int, skip: frozenset[str], skip_classes: frozenset[str]
) -> tuple[int, bool]:
    """How deep inside left-out elements the scanner is after ``tag``; whether a block starts."""
    closing, attrs = tag.group(1), tag.group(3)
    if name in _VOID:
        return depth, False
    if closing:
        return depth - (depth > 0), False
    opened = not attrs.endswith("/")  # <span/> opens and closes
    if depth:
        return depth + opened, False
    if name in skip or _left_out(attrs, skip_classes):
        return int(opened), False
    return 0, name in _BLOCKS


def _data(text: str, newlines_as_spaces: bool) -> str:
    if "&" in text:
        text = unescape(text)
    return text.replace("\n", " ") if newlines_as_spaces else text


def _declaration_end(html: str, lt: int) -> int:
    """Where a comment, ``<!DOCTYPE>``, ``<![CDATA[`` or ``<?...>`` at ``lt`` ends."""
    if html.startswith("<!--", lt):
        close = html.find("-->", lt + 4)
        return len(html) if close < 0 else close + 3
    close = html.find(">", lt + 2)
    return len(html) if close < 0 else close + 1


def _left_out(attrs: str, skip_classes: frozenset[str]) -> bool:
    """Whether a start tag's ``class`` puts the element outside the text."""
    if "class" not in attrs.lower():
        return False
    found = _CLASS.search(attrs)
    if found is None:
        return False
    classes = (found.group(1) or found.group(2) or found.group(3) or "").split()
    return any(
        c in skip_classes or (c.startswith(SKIP_CLASS_PREFIX) and c != _KEPT_CHROME)
        for c in classes
    )


def sort_key(text: str) -> str:
    """Accent- and case-insensitive ordering key ("Ångström" sorts with "angstrom")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
