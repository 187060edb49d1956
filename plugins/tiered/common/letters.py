"""A long A–Z list split into pages by first letter; no MkDocs here.

The one mechanism behind every generated list that outgrows a phone: the references
list (``tiered/citations``) and the glossary page (``tiered/glossary``) split by it,
the Topics A–Z page (``tiered/levels``) files its letters by the same rules. A key's
letter is the first letter of its sort key (``#`` for anything outside A–Z); above a
limit each letter gets its own page, and a letter with more entries than the limit
several (``S 1``, ``S 2``), so no part outgrows the page it replaces. The list's first
page then shows :func:`letter_index`, each part a :func:`letter_bar`.
"""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from html import escape

OTHER = "#"
"""The letter of every key that does not start with A–Z (digits, other scripts)."""


def letter(sort_key: str) -> str:
    """The letter a key is listed under: its (folded) sort key's first, ``#`` if not A–Z."""
    first = sort_key[:1].upper()
    return first if len(first) == 1 and "A" <= first <= "Z" else OTHER


def letter_order(label: str) -> tuple[bool, str]:
    """Sort key of letters and part labels: A–Z (``S 1`` before ``S 2``), ``#`` last."""
    return (label.startswith(OTHER), label)


def file_name(label: str) -> str:
    """A letter's or part's name in paths and ids: ``b``, ``s-2``, ``other``."""
    return label.replace(OTHER, "other").replace(" ", "-").lower()


def describe(label: str) -> str:
    """A part as a sentence names it: ``B``, ``S, part 2``, ``a character other than A-Z``."""
    first, _, run = label.partition(" ")
    name = "a character other than A-Z" if first == OTHER else first
    return f"{name}, part {run}" if run else name


@dataclass
class Parts:
    """Which page lists each entry: the list's own page, or its letter's page.

    Args:
        index: The list's page, as a path in docs (``references.md``).
        parts: Each key's part (``B``; ``S 2``, the second of a letter too big for one
            page); empty: no split.
        labels: The parts' labels, in order.
    """

    index: str
    parts: dict[str, str] = field(default_factory=dict)
    labels: list[str] = field(default_factory=list)

    @classmethod
    def split(
        cls,
        index: str,
        orders: Mapping[str, tuple[str, ...]],
        limit: int,
        per_page: int | None = None,
    ) -> Parts:
        """Parts by letter when there are more than ``limit`` entries, else one page.

        ``orders`` holds each key's sort order (its sort key first, the one its letter
        comes from). A letter with more than ``per_page`` entries (default: ``limit``)
        is cut into even runs of at most that many, in list order. ``limit`` 0 or less:
        never split.
        """
        size = max(1, limit if per_page is None else per_page)
        if limit <= 0 or len(orders) <= limit:
            return cls(index)
        by_letter: dict[str, list[str]] = {}
        for key in sorted(orders, key=lambda key: (orders[key], key)):
            by_letter.setdefault(letter(orders[key][0]), []).append(key)
        result = cls(index)
        for first in sorted(by_letter, key=letter_order):
            keys = by_letter[first]
            runs = -(-len(keys) // size)
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
        return {label: posixpath.join(folder, file_name(label) + ".md") for label in self.labels}

    def page_of(self, key: str) -> str:
        """The path in docs of the page listing ``key``'s entry (the one rule for links)."""
        found = self.parts.get(key)
        return self.paths[found] if found is not None else self.index

    def group(self, keys: Iterable[str]) -> dict[str, list[str]]:
        """``keys`` by the path of the part listing each, in the given order (every part)."""
        out: dict[str, list[str]] = {path: [] for path in self.paths.values()}
        for key in keys:
            out[self.page_of(key)].append(key)
        return out

    def bar_links(
        self, current: str, listed: Container[str], href: Callable[[str], str]
    ) -> list[tuple[str, str | None]]:
        """The letters bar of part page ``current``: each part, ``None`` for itself and the
        parts in ``listed`` not (nothing to show); ``href`` makes a path a link."""
        return [
            (label, href(path) if path in listed and path != current else None)
            for label, path in self.paths.items()
        ]


@dataclass(frozen=True)
class Bar:
    """How one list marks up its letters bar.

    Attributes:
        nav_class: The ``nav`` element's class.
        label: Its accessible name (``aria-label``).
        list_class: ``None``: the letters in a row; else a ``ul`` of this class, a
            letter without a link marked ``aria-disabled``.
    """

    nav_class: str
    label: str
    list_class: str | None = None


def letter_bar(links: Sequence[tuple[str, str | None]], bar: Bar, current: str = "") -> str:
    """The letters, each a link to its page or section (``None``: no link).

    In a list, the ``current`` letter (the page's own) says so (``aria-current``).
    """
    head = f'<nav class="{escape(bar.nav_class)}" aria-label="{escape(bar.label)}">'
    if bar.list_class is None:
        parts = [
            f'<a href="{escape(href)}">{escape(label)}</a>'
            if href
            else f"<span>{escape(label)}</span>"
            for label, href in links
        ]
        return head + " ".join(parts) + "</nav>\n"
    items = []
    for label, href in links:
        if href:
            items.append(f'<li><a href="{escape(href)}">{escape(label)}</a></li>')
        else:
            state = 'aria-current="page"' if label == current else 'aria-disabled="true"'
            items.append(f"<li><span {state}>{escape(label)}</span></li>")
    return (
        f'{head}\n<ul class="{escape(bar.list_class)}">\n' + "\n".join(items) + "\n</ul>\n</nav>\n"
    )


def letter_index(rows: Sequence[tuple[str, str, int]], list_class: str, noun: str) -> str:
    """The first page of a split list: each part, a link to its page, its count of ``noun``."""
    items = [
        f'<li><a href="{escape(href)}">{escape(label)}</a>: '
        f"{count} {noun}{'' if count == 1 else 's'}</li>"
        for label, href, count in rows
    ]
    return f'<ul class="{escape(list_class)}">\n' + "\n".join(items) + "\n</ul>\n"
