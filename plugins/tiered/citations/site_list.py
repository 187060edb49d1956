"""The site-wide bibliography page: every cited entry, with where it is cited."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from html import escape

from tiered.citations.markup import anchor_part


@dataclass(frozen=True)
class CitedIn:
    """A page citing an entry: its title, its URL and the ids of the citations."""

    title: str
    href: str
    cite_ids: tuple[str, ...]


def bibliography_page(
    order: list[str],
    entries: Mapping[str, str],
    cited_in: Mapping[str, list[CitedIn]],
    place: Callable[[str], str] = lambda html: html,
) -> str:
    """The site-wide list: every cited entry with links back to where it is cited.

    ``place`` takes each "Cited in" list and returns what stands for it in the page
    (the plugin defers them, so that search does not index page titles as sources).
    """
    items = []
    for key in order:
        back = []
        for where in cited_in.get(key, []):
            first = f"{where.href}#{where.cite_ids[0]}" if where.cite_ids else where.href
            back.append(f'<a href="{escape(first)}">{escape(where.title)}</a>')
        cited = (
            place(f' <span class="references__cited-in">Cited in: {", ".join(back)}</span>')
            if back
            else ""
        )
        items.append(f'<li id="ref-{anchor_part(key)}">{entries[key]}{cited}</li>')
    return '<ul class="references references--site">\n' + "\n".join(items) + "\n</ul>\n"
