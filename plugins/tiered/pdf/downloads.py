"""The "Download PDF" links the plugin adds to topic landing pages and tier pages.

Which page is which is read from the levels plugin's documented markup in the page's
rendered content: a tier page has ``nav.tiered-switcher`` (the current tier's link
carries ``aria-current="page"``), a landing page has ``section.tiered-cards``.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser


@dataclass
class PageRole:
    """What the levels markup says about a page."""

    tier: str | None = None  # a tier page: its tier name
    tier_label: str = ""
    landing: bool = False  # a topic's landing page


class _Role(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.role = PageRole()
        self._in_current = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        classes = (values.get("class") or "").split()
        if "tiered-cards" in classes:
            self.role.landing = True
        if "tiered-switcher__link" in classes and values.get("aria-current") == "page":
            self.role.tier = values.get("data-tier") or None
            self._in_current = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._in_current = False

    def handle_data(self, data: str) -> None:
        if self._in_current:
            self.role.tier_label += data


def page_role(html: str) -> PageRole:
    """Whether ``html`` (a page's rendered content) is a tier page or a landing page."""
    if "tiered-switcher" not in html and "tiered-cards" not in html:
        return PageRole()
    parser = _Role()
    parser.feed(html)
    parser.close()
    parser.role.tier_label = " ".join(parser.role.tier_label.split())
    return parser.role


def links_html(items: list[tuple[str, str]]) -> str:
    """``<p class="tiered-pdf-links">`` with one plain link per ``(href, label)``."""
    links = " · ".join(
        f'<a class="tiered-pdf-links__link" href="{escape(href)}" type="application/pdf">'
        f"{escape(label)}</a>"
        for href, label in items
    )
    return f'<p class="tiered-pdf-links">Download PDF: {links}</p>\n'
