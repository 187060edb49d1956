"""The "Download PDF" links the plugin adds to topic landing pages and tier pages.

Which page is which is read from the levels plugin's documented markup in the page's
rendered content: a tier page has ``nav.tiered-switcher`` (the current tier's link
carries ``aria-current="page"``), a landing page has ``section.tiered-cards``; either
carries ``data-tiered-category`` when the topic is in a category. A category's own page
has ``ul.tiered-az__list[data-tiered-category]``, its topics' tier links ``data-tier``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser

from tiered.pdf.names import is_slug


@dataclass
class PageRole:
    """What the levels markup says about a page."""

    tier: str | None = None  # a tier page: its tier name
    tier_label: str = ""
    landing: bool = False  # a topic's landing page
    category: str | None = None  # the topic's category slug (on a category page: its own)
    category_page: bool = False  # a category's own page
    tiers: dict[str, str] = field(default_factory=dict)  # category page: tier -> label


class _Role(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.role = PageRole()
        self._in_current = False
        self._tier: str | None = None  # a category page's tier link being read

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        classes = (values.get("class") or "").split()
        category = values.get("data-tiered-category")
        if "tiered-cards" in classes:
            self.role.landing = True
            self.role.category = category or self.role.category
        if "tiered-switcher" in classes:
            self.role.category = category or self.role.category
        if "tiered-az__list" in classes and category:
            self.role.category_page = True
            self.role.category = category
        tier = values.get("data-tier")
        if self.role.category_page and tag == "a" and tier and tier not in self.role.tiers:
            self._tier = tier
            self.role.tiers[tier] = ""
        if "tiered-switcher__link" in classes and values.get("aria-current") == "page":
            self.role.tier = values.get("data-tier") or None
            self._in_current = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._in_current = False
            self._tier = None

    def handle_data(self, data: str) -> None:
        if self._in_current:
            self.role.tier_label += data
        if self._tier is not None:
            self.role.tiers[self._tier] += data


def page_role(html: str) -> PageRole:
    """Whether ``html`` (a page's rendered content) is a tier page or a landing page."""
    if (
        "tiered-switcher" not in html
        and "tiered-cards" not in html
        and ("data-tiered-category" not in html)
    ):
        return PageRole()
    parser = _Role()
    parser.feed(html)
    parser.close()
    role = parser.role
    role.tier_label = " ".join(role.tier_label.split())
    role.tiers = {name: " ".join(label.split()) or name for name, label in role.tiers.items()}
    if role.category is not None and not is_slug(role.category):
        role.category = None  # it names a file: only what tiered/levels can write
        role.category_page = False
        role.tiers = {}
    return role


def links_html(items: list[tuple[str, str]]) -> str:
    """``<p class="tiered-pdf-links">`` with one plain link per ``(href, label)``."""
    links = " · ".join(
        f'<a class="tiered-pdf-links__link" href="{escape(href)}" type="application/pdf">'
        f"{escape(label)}</a>"
        for href, label in items
    )
    return f'<p class="tiered-pdf-links">Download PDF: {links}</p>\n'
