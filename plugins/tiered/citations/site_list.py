"""The site-wide bibliography page: every cited entry, with where it is cited.

A topic's tier pages are summarised as one item of "Cited in": the topic's title
(linking to its landing page) and a short link to each citing tier, so an entry cited
by every tier of a topic costs one item, not three long page titles
(:mod:`tiered.common.backlinks`, shared with the glossary's "Used in"). A bibliography
bigger than the ``split`` option is split by the first letter of the first author
(the list's own order, :mod:`tiered.common.letters`): the references page then lists
the letters, and each letter has its own page; :meth:`Parts.page_of` says which page
holds an entry, for every link to it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from html import escape

from tiered.citations.markup import anchor_part
from tiered.common.backlinks import topic_item
from tiered.common.letters import OTHER as OTHER_LETTER
from tiered.common.letters import Bar, Parts, letter

__all__ = [
    "BAR",
    "INDEX_CLASS",
    "OTHER_LETTER",
    "CitedIn",
    "Parts",
    "TopicCitedIn",
    "bibliography_page",
    "cited_in_item",
    "letter",
]

BAR = Bar("references__letters", "Sources by first author")
"""The letters bar of each page of a split bibliography."""
INDEX_CLASS = "references__index"
"""The class of the letters list on the references page of a split bibliography."""


@dataclass(frozen=True)
class CitedIn:
    """A page citing an entry: its title, its URL and the id of its first citation of it.

    (No id: the page cites it by markup, see ``SiteCitations.resolve_markup``.)
    """

    title: str
    href: str
    cite_id: str | None


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
    return f"{where.href}#{where.cite_id}" if where.cite_id else where.href


def cited_in_item(where: CitedIn | TopicCitedIn) -> str:
    """One item of a "Cited in" list: a page, or a topic with links to its tiers."""
    if isinstance(where, CitedIn):
        return f'<a href="{escape(_first(where))}">{escape(where.title)}</a>'
    tiers = [(short, page.title, _first(page)) for short, page in where.tiers]
    return topic_item(where.title, where.href, tiers)


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
