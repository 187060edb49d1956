"""Built HTML to an ElementTree: the tokenizer the PDF export reads pages with.

MkDocs writes well-formed HTML, so the standard library's tokenizer with the C tree
builder is enough: several times faster than an HTML5 parser, which matters on a large
site. Pure: no MkDocs, no WeasyPrint.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from html.parser import HTMLParser

HEADINGS = {f"h{n}": n for n in range(1, 7)}

_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"}
    | {"param", "source", "track", "wbr"}
)


class _TreeParser(HTMLParser):
    """HTML to an ElementTree, for the well-formed HTML MkDocs writes.

    Tags left open are closed at the next matching end tag or at the end; stray end
    tags are ignored.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.builder = ET.TreeBuilder()
        self.builder.start("root", {})
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.builder.start(tag, {name: value or "" for name, value in attrs})
        if tag in _VOID:
            self.builder.end(tag)
        else:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.builder.start(tag, {name: value or "" for name, value in attrs})
        self.builder.end(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.open:
            return
        while self.open:
            name = self.open.pop()
            self.builder.end(name)
            if name == tag:
                return

    def handle_data(self, data: str) -> None:
        self.builder.data(data)

    def finish(self) -> ET.Element:
        self.close()
        while self.open:
            self.builder.end(self.open.pop())
        self.builder.end("root")
        root: ET.Element = self.builder.close()
        return root


def parse_html(text: str) -> ET.Element:
    """A ``root`` element holding whatever ``text`` holds."""
    parser = _TreeParser()
    parser.feed(text)
    return parser.finish()


_ARTICLE = '<article class="md-content__inner'


def parse_page(text: str) -> ET.Element:
    """The ``<html>`` element of a page's ``text``, with its head and (at least) its article.

    On a Material page only the ``<article>`` is parsed from the body: the navigation
    around it lists every page of the site and would make reading a large site slow.
    """
    start = text.find(_ARTICLE)
    end = text.rfind("</article>")
    if start != -1 and end > start:
        head_end = text.find("</head>")
        text = text[: max(head_end, 0)] + "</head><body>" + text[start : end + 10] + "</body>"
    root = parse_html(text)
    html = root.find("html")
    return html if html is not None else root


def content_root(root: ET.Element) -> ET.Element:
    """The article: Material's ``article.md-content__inner``, else ``[role=main]``, ``main``."""
    for element in root.iter("article"):
        if "md-content__inner" in classes(element):
            return element
    for element in root.iter():
        if element.get("role") == "main":
            return element
    main = root.find(".//main")
    if main is not None:
        return main
    body = root.find("body")
    return body if body is not None else root


def classes(element: ET.Element) -> set[str]:
    """The element's ``class`` names."""
    return set((element.get("class") or "").split())


def heading_text(element: ET.Element) -> str:
    """A heading's words, without the permalink sign."""
    return " ".join("".join(element.itertext()).replace("¶", "").split())
