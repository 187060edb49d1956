"""Which PDFs a site gets, and the print HTML of each.

A :class:`Document` is a cover, a table of contents, chapters (tier pages) and a
glossary of the terms its chapters use. Topic documents have the tiers as chapters,
tier documents the topics, the library has each topic as a part with its tiers as
chapters. Everything taken from the site is serialized from parsed trees (escaped by
the serializer); everything this module adds is escaped here.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from html import escape
from typing import Literal

from tiered.common.dates import format_date
from tiered.common.text import sort_key
from tiered.pdf.links import resolve_cross_links
from tiered.pdf.model import Site, SitePage, Topic
from tiered.pdf.names import (
    category_path,
    category_tier_path,
    library_path,
    tier_path,
    topic_path,
)
from tiered.pdf.scope import Shelf, shelves

Kind = Literal["topic", "tier", "library"]


@dataclass(frozen=True)
class Chapter:
    """One tier page in a document."""

    page: SitePage
    title: str  # the chapter heading
    subtitle: str  # the page's own title, when the heading is the tier or topic
    running: str  # the running header on its pages
    part: str = ""  # library: the topic this chapter starts, if it is the first


@dataclass
class Document:
    """One PDF to write."""

    kind: Kind
    name: str  # output path inside the PDF folder, ``topics/x.pdf``
    title: str
    subtitle: str
    chapters: list[Chapter] = field(default_factory=list)

    @property
    def size(self) -> int:
        """A rough cost, to start the longest documents first."""
        return sum(len(ET.tostring(c.page.content)) for c in self.chapters)


def _latest_review(chapters: list[Chapter]) -> str:
    dates = [c.page.reviewed for c in chapters if c.page.reviewed]
    if not dates:
        return ""
    return format_date(dt.date.fromisoformat(max(dates)))


def topic_document(site: Site, topic: Topic) -> Document:
    """A topic with its tiers as chapters."""
    chapters = [
        Chapter(
            page=page,
            title=site.tiers.get(page.tier or "", page.tier_label),
            subtitle=page.title,
            running=f"{topic.title}: {site.tiers.get(page.tier or '', page.tier_label)}",
        )
        for page in topic.pages
        if not page.is_empty
    ]
    tiers = ", ".join(c.title for c in chapters)
    return Document(
        "topic", topic_path(topic.slug), topic.title, f"Reading levels: {tiers}", chapters
    )


def tier_document(site: Site, tier: str, shelf: Shelf | None = None) -> Document:
    """Every topic at one tier (of the site, or of a category): the handout collection."""
    label = site.tiers.get(tier, tier)
    chapters = [
        Chapter(
            page=page, title=topic.title, subtitle=page.title, running=f"{topic.title}: {label}"
        )
        for topic, page in site.tier_pages(tier, shelf.topics if shelf else None)
        if not page.is_empty
    ]
    if shelf is not None:
        return Document(
            "tier",
            category_tier_path(shelf.slug, tier),
            f"{shelf.title}: {label} articles",
            f"Every topic in {shelf.title} at the {label} level",
            chapters,
        )
    return Document(
        "tier", tier_path(tier), f"{label} articles", f"Every topic at the {label} level", chapters
    )


def library_document(site: Site, title: str, shelf: Shelf | None = None) -> Document:
    """Every topic (of the site, or of a category) as a part, its tiers as chapters."""
    chapters = []
    topics = site.ordered_topics() if shelf is None else shelf.topics
    for topic in topics:
        pages = [page for page in topic.pages if not page.is_empty]
        for n, page in enumerate(pages):
            label = site.tiers.get(page.tier or "", page.tier_label)
            chapters.append(
                Chapter(
                    page=page,
                    title=label,
                    subtitle=page.title,
                    running=f"{topic.title}: {label}",
                    part=topic.title if n == 0 else "",
                )
            )
    count = len(topics)
    subtitle = f"{count} topic{'s' if count != 1 else ''} at every reading level"
    if shelf is not None:
        return Document("library", category_path(shelf.slug), shelf.title, subtitle, chapters)
    return Document("library", library_path(), title, subtitle, chapters)


def assemble(document: Document, site: Site, site_name: str, built: dt.date) -> str:
    """The print HTML of ``document``: cover, contents, chapters, glossary."""
    body = [_cover(document, site_name, built), _contents(document)]
    body += _chapters(document, range(len(document.chapters)))
    body.append(_glossary(document, site))
    return _html(document, site, site_name, built, body)


def _html(document: Document, site: Site, site_name: str, built: dt.date, body: list[str]) -> str:
    lang = escape(document.chapters[0].page.lang or site.lang if document.chapters else site.lang)
    return (
        f'<!doctype html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(document.title)}</title>\n"
        f'<meta name="description" content="{escape(document.subtitle)}">\n'
        f'<meta name="author" content="{escape(site_name)}">\n'
        f'<meta name="generator" content="tiered">\n'
        f'<meta name="dcterms.created" content="{built.isoformat()}">\n'
        f'</head>\n<body class="{document.kind}">\n' + "\n".join(body) + "\n</body>\n</html>\n"
    )


def _chapters(document: Document, numbers: range) -> list[str]:
    inside = {c.page.path: c.page.key for c in document.chapters}
    shift = 1 if document.kind == "library" else 0
    return [_chapter(document.chapters[n], n, inside, shift) for n in numbers]


_HREF = re.compile(r'\shref="#([^"]+)"')
_ID = re.compile(r'\sid="([^"]+)"')


@dataclass
class Part:
    """One part of a document rendered in parts (see ``tiered.pdf.merge``)."""

    html: str
    owned: set[str]  # anchors its own content holds


def _placeholders(body: list[str]) -> tuple[list[str], set[str]]:
    """Empty anchors for the link targets another part holds, so WeasyPrint keeps the links.

    Only our own serialized markup is scanned, where attributes are always double-quoted.
    """
    text = "\n".join(body)
    owned = set(_ID.findall(text))
    missing = sorted(set(_HREF.findall(text)) - owned)
    anchors = "".join(f'<div class="placeholder" id="{escape(name)}"></div>' for name in missing)
    return ([f'<div class="placeholders">{anchors}</div>'] if missing else []), owned


def assemble_parts(
    document: Document, site: Site, site_name: str, built: dt.date, count: int
) -> list[Part]:
    """The chapters in ``count`` parts of about equal size, whole topics each.

    The glossary ends the last part. The cover and contents, whose page numbers are only
    known once the parts are laid out, are :func:`assemble_front`.
    """
    groups: list[list[int]] = []
    for n, chapter in enumerate(document.chapters):
        if chapter.part or document.kind != "library" or not groups:
            groups.append([])
        groups[-1].append(n)
    sizes = [sum(len(ET.tostring(document.chapters[n].page.content)) for n in g) for g in groups]
    total = sum(sizes)
    parts: list[list[int]] = [[]]
    done = 0
    for group, size in zip(groups, sizes, strict=True):
        if parts[-1] and done >= total * len(parts) / count and len(parts) < count:
            parts.append([])
        parts[-1] += group
        done += size
    out = []
    for i, numbers in enumerate(parts):
        body = _chapters(document, range(numbers[0], numbers[-1] + 1))
        if i == len(parts) - 1:
            body.append(_glossary(document, site))
        extra, owned = _placeholders(body)
        out.append(Part(_html(document, site, site_name, built, body + extra), owned))
    return out


def assemble_front(
    document: Document, site: Site, site_name: str, built: dt.date, pages: dict[str, int]
) -> Part:
    """The cover and contents of a document rendered in parts, with its page numbers."""
    body = [_cover(document, site_name, built), _contents(document, pages)]
    extra, owned = _placeholders(body)
    # First: after the contents, the page break would give them a page of their own.
    return Part(_html(document, site, site_name, built, extra + body), owned)


def _cover(document: Document, site_name: str, built: dt.date) -> str:
    reviewed = _latest_review(document.chapters)
    review = f'<p class="cover__reviewed">Medically reviewed on {escape(reviewed)}</p>\n'
    return (
        '<section class="cover">\n'
        f'<p class="cover__site">{escape(site_name)}</p>\n'
        f'<h1 class="cover__title">{escape(document.title)}</h1>\n'
        f'<p class="cover__subtitle">{escape(document.subtitle)}</p>\n'
        + (review if reviewed else "")
        + f'<p class="cover__built">PDF made on {escape(format_date(built))}</p>\n'
        "</section>"
    )


def _contents(document: Document, pages: dict[str, int] | None = None) -> str:
    def entry(anchor: str, text: str) -> str:
        number = ""
        if pages is not None:
            number = f'<span class="toc__page">{pages.get(anchor, "")}</span>'
        return f'<a href="#{escape(anchor)}">{escape(text)}{number}</a>'

    items = []
    for n, chapter in enumerate(document.chapters):
        if chapter.part:
            items.append(f'<li class="toc__part">{entry(f"part-{n}", chapter.part)}</li>')
        sections = ""
        if document.kind != "library":
            entries = [
                f"<li>{entry(anchor, text)}</li>" for anchor, text in chapter.page.sections()
            ]
            sections = f"\n<ol>{''.join(entries)}</ol>" if entries else ""
        items.append(
            f'<li class="toc__chapter">{entry(f"chapter-{n}", chapter.title)}{sections}</li>'
        )
    items.append(f'<li class="toc__chapter">{entry("glossary", "Glossary")}</li>')
    fixed = " toc--fixed" if pages is not None else ""
    return (
        f'<nav class="toc{fixed}" aria-labelledby="toc-title">\n'
        '<h2 class="toc__title" id="toc-title">Contents</h2>\n'
        "<ol>\n" + "\n".join(items) + "\n</ol>\n</nav>"
    )


def _chapter(chapter: Chapter, n: int, inside: dict[str, str], shift: int) -> str:
    page = chapter.page
    resolve_cross_links(page, inside)
    for heading, level in page.headings:
        heading.tag = f"h{min(6, level + shift)}"
    content = ET.tostring(page.content, encoding="unicode", method="html")
    level = 1 + shift
    part = ""
    if chapter.part:
        part = f'<h1 class="part__title" id="part-{n}">{escape(chapter.part)}</h1>\n'
    reviewed = (
        f'<p class="chapter__reviewed">Medically reviewed on {escape(page.reviewed_text)}</p>\n'
        if page.reviewed_text
        else ""
    )
    return (
        f'<section class="chapter" id="{escape(page.key)}">\n{part}'
        f'<h{level} class="chapter__title" id="chapter-{n}" '
        f'data-running="{escape(chapter.running)}">{escape(chapter.title)}</h{level}>\n'
        f'<p class="chapter__subtitle">{escape(chapter.subtitle)}</p>\n'
        f"{reviewed}{content}\n</section>"
    )


def _glossary(document: Document, site: Site) -> str:
    """The terms the chapters used, each with the definition the first use carried."""
    entries: dict[str, tuple[str, str]] = {}
    for chapter in document.chapters:
        for use in chapter.page.glossary:
            name = site.glossary_names.get((use.glossary_page, use.anchor), use.text)
            if sort_key(name) not in entries:
                entries[sort_key(name)] = (name, use.definition)
    items = [
        f"<dt>{escape(name)}</dt>\n<dd>{escape(definition)}</dd>"
        for _key, (name, definition) in sorted(entries.items())
    ]
    body = (
        "<dl>\n" + "\n".join(items) + "\n</dl>"
        if items
        else "<p>The articles in this document use no glossary terms.</p>"
    )
    return (
        '<section class="glossary">\n<h1 class="glossary__title" id="glossary" '
        f'data-running="Glossary">Glossary</h1>\n{body}\n</section>'
    )


def plan(
    site: Site,
    *,
    topics: bool,
    tiers: bool,
    library: bool,
    library_title: str,
    whole_site: bool = True,
    by_category: bool = True,
    only_topic: str | None = None,
    only_tier: str | None = None,
) -> tuple[list[Document], list[str]]:
    """The documents to write, and warnings about the ones that would be empty.

    ``whole_site``: the site-wide tier and library PDFs; ``by_category``: the same per
    category, when the site's pages carry categories (see :mod:`tiered.pdf.scope`).
    """
    documents: list[Document] = []
    warnings: list[str] = []
    selected = only_topic is not None or only_tier is not None
    if topics and (not selected or only_topic is not None):
        for topic in site.ordered_topics():
            if only_topic is not None and topic.slug != only_topic:
                continue
            if all(page.is_empty for page in topic.pages):
                warnings.append(f"{topic.folder}: topic '{topic.slug}' is empty: no PDF for it")
                continue
            documents.append(topic_document(site, topic))
    collections: list[Shelf | None] = [None] if whole_site else []
    collections += shelves(site) if by_category else []
    for shelf in collections:
        if tiers and (not selected or only_tier is not None):
            for tier in site.tiers:
                if only_tier is None or tier == only_tier:
                    _tier(site, tier, shelf, documents, warnings)
        if library and not selected:
            _library(site, library_title, shelf, documents, warnings)
    return documents, warnings


def _tier(
    site: Site, tier: str, shelf: Shelf | None, documents: list[Document], warnings: list[str]
) -> None:
    pages = site.tier_pages(tier, shelf.topics if shelf else None)
    if shelf is not None and not pages:
        return  # the category has no page at this tier: nothing to print, nothing wrong
    if all(page.is_empty for _topic, page in pages):
        where = f" in category '{shelf.slug}'" if shelf else ""
        warnings.append(f"tier '{tier}'{where} has no pages with content: no PDF for it")
        return
    documents.append(tier_document(site, tier, shelf))


def _library(
    site: Site, title: str, shelf: Shelf | None, documents: list[Document], warnings: list[str]
) -> None:
    members = list(site.topics.values()) if shelf is None else shelf.topics
    if any(not page.is_empty for topic in members for page in topic.pages):
        documents.append(library_document(site, title, shelf))
    elif shelf is None:
        warnings.append("the site has no tier pages with content: no library PDF")
    else:
        warnings.append(f"category '{shelf.slug}' has no tier pages with content: no PDF for it")
