"""Topic-first and tier-first navigation, as a ``nav:`` structure; no MkDocs here.

The input is MkDocs' own default navigation in ``nav:`` form (what
``mkdocs.utils.nest_paths`` gives: paths, and ``{title: [children]}`` sections, one
per folder). Each topic folder's section is replaced; everything else is kept as
MkDocs would show it. Pages of a topic folder that are not valid tier pages are
kept at the end of their topic, so nothing disappears from the navigation.
"""

from __future__ import annotations

from typing import Any, Literal

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
