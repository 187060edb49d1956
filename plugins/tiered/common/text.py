"""Plain text from rendered HTML, for checks that read what readers read."""

from __future__ import annotations

import unicodedata
from html.parser import HTMLParser

SKIP = frozenset({"code", "pre", "script", "style", "svg", "math", "kbd", "samp", "nav"})
# The plugins' own chrome (switcher, badges, cards) is not article text.
SKIP_CLASS_PREFIX = "tiered-"
_VOID = frozenset(
    {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)


class _Text(HTMLParser):
    def __init__(self, skip: frozenset[str], skip_classes: frozenset[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.skip = skip
        self.skip_classes = skip_classes
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        if self.depth:
            self.depth += 1
            return
        classes = next((v or "" for k, v in attrs if k == "class"), "").split()
        chrome = any(
            c.startswith(SKIP_CLASS_PREFIX) and c != "tiered-glossary-term" for c in classes
        )
        if tag in self.skip or chrome or self.skip_classes.intersection(classes):
            self.depth = 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag not in _VOID:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if not self.depth:
            self.parts.append(data)


_BLOCKS = frozenset(
    {"p", "li", "br", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "div", "dd", "dt"}
    | {"figcaption", "blockquote", "section", "ul", "ol", "dl", "table", "details", "summary"}
)


def visible_text(
    html: str, skip: frozenset[str] = SKIP, skip_classes: frozenset[str] = frozenset()
) -> str:
    """The text of ``html`` outside code, scripts and the like; blocks on their own lines.

    Elements named in ``skip``, or with a class in ``skip_classes``, are left out whole.
    """
    parser = _Text(skip, skip_classes)
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)


def sort_key(text: str) -> str:
    """Accent- and case-insensitive ordering key ("Ångström" sorts with "angstrom")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
