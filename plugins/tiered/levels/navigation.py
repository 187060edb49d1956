"""Topic-first, tier-first and library navigation, as plain data; no MkDocs here.

The input is MkDocs' own default navigation in ``nav:`` form (what
``mkdocs.utils.nest_paths`` gives: paths, and ``{title: [children]}`` sections, one
per folder). Each topic folder's section is replaced; everything else is kept as
MkDocs would show it. Pages of a topic folder that are not valid tier pages are
kept at the end of their topic, so nothing disappears from the navigation.

Library navigation (``LibraryNav``) is different: each page gets its own small
navigation, the way up (the A–Z page, the categories, the current topic's category)
and the current topic's pages, never every topic; the A–Z page lists them all.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from html import escape
from typing import Any, Literal

from tiered.levels.catalog import OTHER_TOPICS, Catalog
from tiered.levels.model import Library, Topic

NavItem = Any  # str | dict[str, str | list[NavItem]], as in mkdocs.yml
Mode = Literal["topic-first", "tier-first"]


def arrange(nav: list[NavItem], library: Library, mode: Mode) -> list[NavItem]:
    """Return ``nav`` with the topic folders arranged by ``mode``."""
    owners: dict[str, Topic] = {}
    for topic in library.topics.values():
        if topic.index_uri:
            owners[topic.index_uri] = topic
        for page in topic.pages.values():
            owners[page.src_uri] = topic
    return _Arranger(library, mode, owners).walk(nav)


class _Arranger:
    def __init__(self, library: Library, mode: Mode, owners: dict[str, Topic]) -> None:
        self.library = library
        self.mode = mode
        self.owners = owners

    def walk(self, items: list[NavItem]) -> list[NavItem]:
        out: list[NavItem] = []
        for item in items:
            section = _section(item)
            if section is None or not self._contains_topic(section[1]):
                out.append(item)
                continue
            title, children = section
            topic = self._topic_of(children)
            if topic is not None:  # a topic folder nested deeper than expected: keep it whole
                out.append(self._topic_section(topic, children))
            elif self.mode == "tier-first" and self._has_topic_sections(children):
                out.extend(self._tier_sections(title, children))
            else:
                out.append({title: self.walk(children)})
        return out

    def _contains_topic(self, items: list[NavItem]) -> bool:
        for item in items:
            section = _section(item)
            if section is not None and self._contains_topic(section[1]):
                return True
            if isinstance(item, str) and item in self.owners:
                return True
        return False

    def _topic_of(self, children: list[NavItem]) -> Topic | None:
        """The topic whose folder section this is (it holds the topic's pages directly)."""
        for child in children:
            if isinstance(child, str) and child in self.owners:
                return self.owners[child]
        return None

    def _has_topic_sections(self, children: list[NavItem]) -> bool:
        return any(
            (section := _section(child)) is not None and self._topic_of(section[1]) is not None
            for child in children
        )

    def _leftovers(self, children: list[NavItem]) -> list[NavItem]:
        return [c for c in children if not (isinstance(c, str) and c in self.owners)]

    def _topic_section(self, topic: Topic, children: list[NavItem]) -> NavItem:
        entries: list[NavItem] = [topic.index_uri] if topic.index_uri else []
        entries += [{tier.label: page.src_uri} for tier, page in self.library.ordered(topic)]
        return {topic.title: entries + self._leftovers(children)}

    def _tier_sections(self, title: str, children: list[NavItem]) -> list[NavItem]:
        topics: list[tuple[Topic, list[NavItem]]] = []
        others: list[NavItem] = []
        for child in children:
            section = _section(child)
            topic = self._topic_of(section[1]) if section else None
            if section is not None and topic is not None:
                topics.append((topic, section[1]))
            else:
                others.append(child)
        by_tier: list[NavItem] = []
        for tier in self.library.tiers:
            entries = [
                {topic.title: topic.pages[tier.name].src_uri}
                for topic, _children in topics
                if tier.name in topic.pages
            ]
            if entries:
                by_tier.append({tier.label: entries})
        landings: list[NavItem] = []
        for topic, topic_children in topics:
            extra = self._leftovers(topic_children)
            head: list[NavItem] = [topic.index_uri] if topic.index_uri else []
            if extra:
                landings.append({topic.title: head + extra})
            elif head:
                landings.append({topic.title: head[0]})
        return [*by_tier, {title: others + landings}]


def _section(item: NavItem) -> tuple[str, list[NavItem]] | None:
    if isinstance(item, dict) and len(item) == 1:
        ((title, children),) = item.items()
        if isinstance(children, list):
            return str(title), children
    return None


@dataclass(frozen=True)
class Entry:
    """One item of a page's navigation: a page (``uri``) or a section (``children``).

    Attributes:
        title: The label; ``None`` for a page means the page's own title.
        uri: The page's path inside the docs folder (``None`` for a section).
        children: The section's items (``None`` for a page).
        active: The section holds the current page (themes show it expanded).
    """

    title: str | None = None
    uri: str | None = None
    children: tuple[Entry, ...] | None = None
    active: bool = False


@dataclass(frozen=True)
class Shelf:
    """The generated pages library navigation links to.

    Attributes:
        index: The Topics A–Z page.
        title: Its title (the label of its section when a letter page is current).
        letters: The page of each letter, when the A–Z page is split by letter.
        categories: The page of each category, by slug.
    """

    index: str
    title: str
    letters: dict[str, str] = field(default_factory=dict)
    categories: dict[str, str] = field(default_factory=dict)

    def uris(self) -> set[str]:
        """Every generated page."""
        return {self.index, *self.letters.values(), *self.categories.values()}


class LibraryNav:
    """Each page's own navigation in a library: a size independent of the topic count.

    Args:
        arranged: The topic-first navigation of the whole site (``arrange``'s result,
            with the generated pages in it).
        library: The topics.
        catalog: The topics by category.
        shelf: Where the generated pages are.
        topics_dir: The folder holding one sub-folder per topic.
    """

    def __init__(
        self,
        arranged: list[NavItem],
        library: Library,
        catalog: Catalog,
        shelf: Shelf,
        topics_dir: str,
    ) -> None:
        self.library = library
        self.catalog = catalog
        self.shelf = shelf
        self.prefix = topics_dir.strip("/") + "/"
        self.skip = shelf.uris()
        self.owners: dict[str, Topic] = {}
        for topic in library.topics.values():
            if topic.index_uri:
                self.owners[topic.index_uri] = topic
            for tier_page in topic.pages.values():
                self.owners[tier_page.src_uri] = topic
        self.topics: dict[str, Entry] = {}
        self.slot: tuple[int, ...] | None = None
        self.items = self._walk(arranged, ())

    def _walk(self, items: list[NavItem], path: tuple[int, ...]) -> tuple[Entry, ...]:
        out: list[Entry] = []
        for item in items:
            section = _section(item)
            if section is None:
                entry = self._leaf(item)
                if entry is not None:
                    out.append(entry)
                continue
            title, children = section
            topic = self._topic_of(children)
            if topic is not None:
                self.topics[topic.slug] = self._topic_entry(title, children)
                if self.slot is None:
                    self.slot = path
                continue
            entries = self._walk(children, (*path, len(out)))
            if entries or self.slot == (*path, len(out)):
                out.append(Entry(title=title, children=entries))
        return tuple(out)

    def _leaf(self, item: NavItem) -> Entry | None:
        if isinstance(item, str):
            return None if item in self.skip else Entry(uri=item)
        if isinstance(item, dict) and len(item) == 1:
            ((title, value),) = item.items()
            if isinstance(value, str) and value not in self.skip:
                return Entry(title=str(title), uri=value)
        return None

    def _topic_of(self, children: list[NavItem]) -> Topic | None:
        for child in children:
            uri = child if isinstance(child, str) else None
            if uri is None and (leaf := self._leaf(child)) is not None:
                uri = leaf.uri
            if uri is not None and uri in self.owners:
                return self.owners[uri]
        return None

    def _topic_entry(self, title: str, children: list[NavItem]) -> Entry:
        entries: list[Entry] = []
        for child in children:
            section = _section(child)
            if section is None:
                leaf = self._leaf(child)
                if leaf is not None:
                    entries.append(leaf)
            else:
                entries.append(self._topic_entry(section[0], section[1]))
        return Entry(title=title, children=tuple(entries))

    def current_topic(self, uri: str) -> Topic | None:
        """The topic ``uri`` belongs to: its landing page, a tier, another page in its folder."""
        if uri in self.owners:
            return self.owners[uri]
        if uri.startswith(self.prefix):
            return self.library.topics.get(uri[len(self.prefix) :].split("/", 1)[0])
        return None

    def for_page(self, uri: str) -> tuple[Entry, ...]:
        """The navigation of the page at ``uri``."""
        shelf = self._shelf_entries(uri)
        if self.slot is None:
            return (*self.items, *shelf)
        return _insert(self.items, self.slot, shelf)

    def _shelf_entries(self, uri: str) -> tuple[Entry, ...]:
        index = Entry(uri=self.shelf.index)
        if uri in self.shelf.letters.values():
            index = Entry(escape(self.shelf.title), children=(index, Entry(uri=uri)), active=True)
        entries = [index]
        topic = self.current_topic(uri)
        found = self.topics.get(topic.slug) if topic else None
        current = replace(found, active=True) if found else None
        home = self.catalog.category_of(topic) if topic else None
        for category in self.catalog.categories:
            page = Entry(uri=self.shelf.categories[category.slug])
            if current is not None and home == category:
                # Themes print section titles as they are: config data is escaped.
                title = escape(category.title)
                entries.append(Entry(title, children=(page, current), active=True))
            else:
                entries.append(page)
        if current is not None and home is None:
            if self.catalog.categories:
                entries.append(Entry(OTHER_TOPICS, children=(current,), active=True))
            else:
                entries.append(current)
        return tuple(entries)


def _insert(
    items: tuple[Entry, ...], path: tuple[int, ...], shelf: tuple[Entry, ...]
) -> tuple[Entry, ...]:
    """``items`` with ``shelf`` put first into the section at ``path``."""
    if not path:
        return (*shelf, *items)
    head, rest = path[0], path[1:]
    section = items[head]
    children = _insert(section.children or (), rest, shelf)
    active = any(child.active for child in children)
    return (*items[:head], replace(section, children=children, active=active), *items[head + 1 :])
