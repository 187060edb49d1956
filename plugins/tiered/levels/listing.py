"""HTML of the generated Topics A–Z and category pages; no MkDocs here.

Pure functions of plain data (tested as golden HTML). Every title, summary and
description comes from front matter or config and is escaped here. Semantic lists,
``aria-current`` on the letter being shown, no JavaScript.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from tiered.levels.render import TierLink


@dataclass(frozen=True)
class TopicItem:
    """One topic as the A–Z and category pages list it.

    Attributes:
        title: The topic's title.
        href: Its landing page, relative to the listing page.
        summary: The landing page's ``summary:``, if any.
        category: The category's title and page (``None`` on a category's own page,
            or when the topic has none).
        tiers: Links to the topic's tier pages, simplest first.
    """

    title: str
    href: str
    summary: str | None = None
    category: tuple[str, str] | None = None
    tiers: tuple[TierLink, ...] = ()


@dataclass(frozen=True)
class LetterLink:
    """A letter of the letters bar: ``href`` is an anchor or a letter page."""

    letter: str
    href: str
    current: bool = False


@dataclass(frozen=True)
class CategoryItem:
    """A category as the A–Z page lists it."""

    title: str
    href: str
    description: str = ""
    count: int = 0


def _attr(value: str) -> str:
    return escape(value, quote=True)


def letter_id(letter: str) -> str:
    """The anchor of a letter's section (``#`` becomes ``other``)."""
    return "tiered-az-" + ("other" if letter == "#" else letter.lower())


def letters_bar(letters: list[LetterLink]) -> str:
    """The row of letters at the top of the A–Z pages."""
    items = []
    for link in letters:
        aria = ' aria-current="page"' if link.current else ""
        if link.letter == "#":
            aria += ' aria-label="Other characters"'
        items.append(f'<li><a href="{_attr(link.href)}"{aria}>{escape(link.letter)}</a></li>')
    return (
        '<nav class="tiered-az__letters" aria-label="Topics by letter">\n<ul>\n'
        + "\n".join(items)
        + "\n</ul>\n</nav>\n"
    )


def topics(items: list[TopicItem], category: str | None = None) -> str:
    """A list of topics: title, category, summary and the tier links of each.

    ``category``: on a category's own page, its slug (``data-tiered-category``, which
    the PDF plugin reads to link the category's PDFs).
    """
    out = []
    for item in items:
        parts = [
            f'<li class="tiered-az__topic">\n<a class="tiered-az__title" '
            f'href="{_attr(item.href)}">{escape(item.title)}</a>'
        ]
        if item.category is not None:
            title, href = item.category
            parts.append(
                f' <span class="tiered-az__category">in <a href="{_attr(href)}">'
                f"{escape(title)}</a></span>"
            )
        parts.append("\n")
        if item.summary:
            parts.append(f'<p class="tiered-az__summary">{escape(item.summary)}</p>\n')
        if item.tiers:
            links = "".join(
                f'<li><a href="{_attr(tier.href)}" data-tier="{_attr(tier.name)}">'
                f"{escape(tier.label)}</a></li>"
                for tier in item.tiers
            )
            parts.append(
                f'<ul class="tiered-az__tiers" aria-label="{_attr(item.title)}: reading levels">'
                f"{links}</ul>\n"
            )
        parts.append("</li>")
        out.append("".join(parts))
    mark = f' data-tiered-category="{_attr(category)}"' if category else ""
    return f'<ul class="tiered-az__list"{mark}>\n' + "\n".join(out) + "\n</ul>\n"


def letter_section(letter: str, items: list[TopicItem]) -> str:
    """One letter's heading and topics."""
    anchor = letter_id(letter)
    return (
        f'<section class="tiered-az__letter" aria-labelledby="{anchor}">\n'
        f'<h2 id="{anchor}">{escape(letter)}</h2>\n' + topics(items) + "</section>\n"
    )


def categories(items: list[CategoryItem]) -> str:
    """The categories, each with its description and its number of topics."""
    out = []
    for item in items:
        count = f"{item.count} topic" + ("" if item.count == 1 else "s")
        description = (
            f'<p class="tiered-az__summary">{escape(item.description)}</p>\n'
            if item.description
            else ""
        )
        out.append(
            f'<li class="tiered-az__topic">\n<a class="tiered-az__title" '
            f'href="{_attr(item.href)}">{escape(item.title)}</a> '
            f'<span class="tiered-az__category">{count}</span>\n{description}</li>'
        )
    return (
        '<section class="tiered-az__categories" aria-labelledby="tiered-az-categories">\n'
        '<h2 id="tiered-az-categories">Categories</h2>\n'
        '<ul class="tiered-az__list">\n' + "\n".join(out) + "\n</ul>\n</section>\n"
    )
