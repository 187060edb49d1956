"""The site-wide bibliography page: every cited entry, with where it is cited.

A topic's tier pages are summarised as one item of "Cited in": the topic's title
(linking to its landing page) and a short link to each citing tier, so an entry cited
by every tier of a topic costs one item, not three long page titles. A bibliography
bigger than the ``split`` option is split by the first letter of the first author
(the list's own order): the references page then lists the letters, and each letter
has its own page; :meth:`Parts.page_of` says which page holds an entry, for every
link to it.
"""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from html import escape

from tiered.citations.markup import anchor_part

OTHER_LETTER = "#"


@dataclass(frozen=True)
class CitedIn:
    """A page citing an entry: its title, its URL and the ids of the citations."""

    title: str
    href: str
    cite_ids: tuple[str, ...]


@dataclass(frozen=True)
class TopicCitedIn:
    """A topic some of whose tier pages cite an entry.

    Attributes:
        title: The topic's title (its landing page's).
        href: Its landing page.
        tiers: Each citing tier page, in reading order, with the tier's short name.
    """

    title: str
    href: str
    tiers: tuple[tuple[str, CitedIn], ...]


def _first(where: CitedIn) -> str:
    return f"{where.href}#{where.cite_ids[0]}" if where.cite_ids else where.href


def cited_in_item(where: CitedIn | TopicCitedIn) -> str:
    """One item of a "Cited in" list: a page, or a topic with links to its tiers."""
    if isinstance(where, CitedIn):
        return f'<a href="{escape(_first(where))}">{escape(where.title)}</a>'
    tiers = " · ".join(
        f'<a href="{escape(_first(page))}" title="{escape(page.title)}">{escape(short)}</a>'
        for short, page in where.tiers
    )
    return f'<a href="{escape(where.href)}">{escape(where.title)}</a> ({tiers})'


def bibliography_page(
    order: list[str],
    entries: Mapping[str, str],
    cited_in: Mapping[str, Sequence[CitedIn | TopicCitedIn]],
    place: Callable[[str], str] = lambda html: html,
) -> str:
    """The site-wide list: every cited entry with links back to where it is cited.

    ``place`` takes each "Cited in" list and returns what stands for it in the page
    (the plugin defers them, so that search does not index page titles as sources).
    """
    items = []
    for key in order:
        back = [cited_in_item(where) for where in cited_in.get(key, [])]
        cited = (
            place(f' <span class="references__cited-in">Cited in: {", ".join(back)}</span>')
            if back
            else ""
        )
        items.append(f'<li id="ref-{anchor_part(key)}">{entries[key]}{cited}</li>')
    return '<ul class="references references--site">\n' + "\n".join(items) + "\n</ul>\n"


def letter(sort_key: str) -> str:
    """The letter an entry is listed under: its sort key's first, ``#`` if not A-Z."""
    first = sort_key[:1].upper()
    return first if "A" <= first <= "Z" else OTHER_LETTER


@dataclass
class Parts:
    """Which page lists each entry: the references page, or its letter's page.

    Args:
        index: The references page's path in docs (``references.md``).
        parts: Each key's part (``B``; ``S 2``, the second of a letter too big for one
            page); empty: no split.
        labels: The parts' labels, in order.
    """

    index: str
    parts: dict[str, str] = field(default_factory=dict)
    labels: list[str] = field(default_factory=list)

    @classmethod
    def split(cls, index: str, orders: Mapping[str, tuple[str, ...]], limit: int) -> Parts:
        """Parts by letter when there are more than ``limit`` entries, else one page.

        ``orders`` holds each key's sort order (its first author's sort key first). A
        letter with more than ``limit`` entries is cut into even runs of at most that
        many, in list order, so no part outgrows the whole page it replaces.
        """
        if len(orders) <= limit:
            return cls(index)
        by_letter: dict[str, list[str]] = {}
        for key in sorted(orders, key=lambda key: (orders[key], key)):
            by_letter.setdefault(letter(orders[key][0]), []).append(key)
        result = cls(index)
        for first in sorted(by_letter, key=lambda c: (c == OTHER_LETTER, c)):
            keys = by_letter[first]
            runs = -(-len(keys) // limit)
            for run in range(runs):
                label = first if runs == 1 else f"{first} {run + 1}"
                result.labels.append(label)
                start, end = run * len(keys) // runs, (run + 1) * len(keys) // runs
                for key in keys[start:end]:
                    result.parts[key] = label
        return result

    @functools.cached_property
    def paths(self) -> dict[str, str]:
        """Part label -> path of its page in docs (``references/b.md``, ``references/s-2.md``)."""
        folder = posixpath.splitext(self.index)[0]
        return {
            label: posixpath.join(
                folder, label.replace(OTHER_LETTER, "other").replace(" ", "-").lower() + ".md"
            )
            for label in self.labels
        }

    def page_of(self, key: str) -> str:
        """The path in docs of the page listing ``key``'s entry (the one rule for links)."""
        found = self.parts.get(key)
        return self.paths[found] if found is not None else self.index


def letter_bar(links: Sequence[tuple[str, str | None]]) -> str:
    """The letters, each a link to its page (``None``: the current page, or no entry)."""
    parts = [
        f'<a href="{escape(href)}">{escape(label)}</a>' if href else f"<span>{escape(label)}</span>"
        for label, href in links
    ]
    return (
        '<nav class="references__letters" aria-label="Sources by first author">'
        + " ".join(parts)
        + "</nav>\n"
    )


def letter_index(rows: Sequence[tuple[str, str, int]]) -> str:
    """The references page of a split bibliography: each letter, its page, its count."""
    items = [
        f'<li><a href="{escape(href)}">{escape(label)}</a>: '
        f"{count} source{'' if count == 1 else 's'}</li>"
        for label, href, count in rows
    ]
    return '<ul class="references__index">\n' + "\n".join(items) + "\n</ul>\n"
