"""What the PDF export knows about a built site: pages cleaned for print, topics, tiers.

Plain data, filled by :mod:`tiered.pdf.collect`, read by :mod:`tiered.pdf.document`.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from tiered.common.text import sort_key
from tiered.pdf.tree import heading_text


@dataclass
class CrossLink:
    """A link from one page of the site to another page (and maybe an anchor on it)."""

    element: ET.Element
    target: str  # site-relative path of the target HTML file
    fragment: str


@dataclass
class GlossaryUse:
    """A glossary term mentioned on a page."""

    anchor: str  # the entry's id on the glossary page
    glossary_page: str  # site-relative path of the glossary page
    text: str  # the words the page used
    definition: str  # the link's title: the short definition for that page's tier


@dataclass
class SitePage:
    """One built page, cleaned for print."""

    path: str  # site-relative path of its HTML file, ``topics/x/fundamentals/index.html``
    key: str  # prefix that makes its ids unique inside any document
    title: str
    lang: str
    tier: str | None = None
    tier_label: str = ""
    tier_order: tuple[str, ...] = ()
    reviewed: str | None = None  # ISO date
    reviewed_text: str = ""
    category: str | None = None  # <meta name="tiered:category">: its topic's category slug
    category_title: str = ""
    content: ET.Element = field(default_factory=lambda: ET.Element("div"))
    headings: list[tuple[ET.Element, int]] = field(default_factory=list)
    cross_links: list[CrossLink] = field(default_factory=list)
    glossary: list[GlossaryUse] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    is_empty: bool = False  # no text or figure left once the furniture is gone

    def sections(self) -> list[tuple[str, str]]:
        """``(id, text)`` of its second-level headings, for the contents."""
        return [
            (h.get("id", ""), heading_text(h))
            for h, level in self.headings
            if level == 2 and h.get("id")
        ]


@dataclass
class Topic:
    """A topic folder: its landing page (if any) and its tier pages, simplest first."""

    slug: str
    folder: str  # site-relative folder, ``topics/x``
    title: str
    pages: list[SitePage] = field(default_factory=list)
    category: str | None = None  # the slug its pages carry, if any
    category_title: str = ""


@dataclass
class Site:
    """What the PDF export knows about a built site."""

    root: Path
    lang: str = "en"
    topics: dict[str, Topic] = field(default_factory=dict)
    tiers: dict[str, str] = field(default_factory=dict)  # name -> label, simplest first
    glossary_names: dict[tuple[str, str], str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def tier_pages(
        self, tier: str, topics: list[Topic] | None = None
    ) -> list[tuple[Topic, SitePage]]:
        """Every topic's page at ``tier`` (of ``topics``, default all), in title order."""
        return [
            (topic, page)
            for topic in (self.ordered_topics() if topics is None else topics)
            for page in topic.pages
            if page.tier == tier
        ]

    def ordered_topics(self) -> list[Topic]:
        """Topics by title (accent- and case-insensitive), then slug."""
        return sorted(self.topics.values(), key=lambda t: (sort_key(t.title), t.slug))
