"""HTML for the reading-level switcher, tier badge, step links and landing cards.

Pure functions of plain data, so they are tested as golden HTML. Every value that
comes from config or front matter is escaped here; the markup needs no JavaScript.
The classes and ``data-tier`` attributes are the documented hooks for themes and
for ``levels.js``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape

from tiered.common.dates import format_date


@dataclass(frozen=True)
class TierLink:
    """A link to one tier of a topic, as seen from the current page.

    Attributes:
        name: Tier name (``data-tier``).
        label: Tier label shown to readers.
        href: URL relative to the current page.
        description: The tier's one-line description.
        summary: The tier page's own ``summary:``, if any.
        current: Whether this is the page being rendered.
    """

    name: str
    label: str
    href: str
    description: str = ""
    summary: str | None = None
    current: bool = False


def _attr(value: str) -> str:
    return escape(value, quote=True)


def _category(slug: str | None) -> str:
    """``data-tiered-category``: the topic's category, for the PDF plugin's links."""
    return f' data-tiered-category="{_attr(slug)}"' if slug else ""


def switcher(links: list[TierLink], category: str | None = None) -> str:
    """The ``<nav aria-label="Reading level">`` at the top of a tier page.

    ``category`` is the slug of the topic's category, if it has one.
    """
    current = next((link.name for link in links if link.current), "")
    items = []
    for link in links:
        aria = ' aria-current="page"' if link.current else ""
        items.append(
            f'<li><a class="tiered-switcher__link" href="{_attr(link.href)}" '
            f'data-tier="{_attr(link.name)}"{aria}>{escape(link.label)}</a></li>'
        )
    return (
        f'<nav class="tiered-switcher" aria-label="Reading level" '
        f'data-tiered-current="{_attr(current)}"{_category(category)}>\n'
        '<span class="tiered-switcher__title" aria-hidden="true">Reading level</span>\n'
        '<ul class="tiered-switcher__list">\n' + "\n".join(items) + "\n</ul>\n</nav>\n"
    )


def badge(name: str, label: str, description: str, reviewed: dt.date | None) -> str:
    """The tier badge, and the date of the last medical review when there is one."""
    parts = [
        f'<p class="tiered-badge" data-tier="{_attr(name)}">'
        f'<span class="tiered-badge__label">{escape(label)}</span>'
    ]
    if description:
        parts.append(f' <span class="tiered-badge__description">{escape(description)}</span>')
    parts.append("</p>\n")
    if reviewed is not None:
        parts.append(
            '<p class="tiered-reviewed">Medically reviewed on '
            f'<time datetime="{reviewed.isoformat()}">{format_date(reviewed)}</time></p>\n'
        )
    return "".join(parts)


def stepper(simpler: TierLink | None, more: TierLink | None) -> str:
    """The "Simpler" / "More detail" links at the end of a tier page."""
    if simpler is None and more is None:
        return ""
    items = []
    # The arrows as character references: one non-ASCII character makes Python hold
    # the whole page's HTML at two bytes a character (MkDocs keeps every page's to the
    # end of the build: ~19 MiB at 1,000 topics, and more with reference lists).
    if simpler is not None:
        items.append(
            f'<a class="tiered-stepper__link tiered-stepper__link--simpler" '
            f'href="{_attr(simpler.href)}" data-tier="{_attr(simpler.name)}">'
            f'<span aria-hidden="true">&#8592; </span>Simpler: {escape(simpler.label)}</a>'
        )
    if more is not None:
        items.append(
            f'<a class="tiered-stepper__link tiered-stepper__link--more" '
            f'href="{_attr(more.href)}" data-tier="{_attr(more.name)}">'
            f'More detail: {escape(more.label)}<span aria-hidden="true"> &#8594;</span></a>'
        )
    return (
        '<nav class="tiered-stepper" aria-label="Other reading levels">\n'
        + "\n".join(items)
        + "\n</nav>\n"
    )


def cards(links: list[TierLink], category: str | None = None) -> str:
    """The tiers of a topic as cards, for its landing page (``category``: its slug)."""
    items = []
    for link in links:
        summary = (
            f'<p class="tiered-card__summary">{escape(link.summary)}</p>\n' if link.summary else ""
        )
        description = (
            f'<p class="tiered-card__description">{escape(link.description)}</p>\n'
            if link.description
            else ""
        )
        items.append(
            f'<li class="tiered-card" data-tier="{_attr(link.name)}">\n'
            f'<a class="tiered-card__link" href="{_attr(link.href)}">{escape(link.label)}</a>\n'
            f"{description}{summary}"
            '<p class="tiered-card__remembered" hidden>Your last reading level</p>\n'
            "</li>"
        )
    return (
        f'<section class="tiered-cards"{_category(category)} '
        'aria-labelledby="tiered-cards-title">\n'
        '<h2 id="tiered-cards-title">Choose a reading level</h2>\n'
        '<ul class="tiered-cards__list">\n' + "\n".join(items) + "\n</ul>\n</section>\n"
    )
