"""Back-links summarised at topic level: a topic's tier pages as one item; no MkDocs here.

The glossary's "Used in" and the references' "Cited in" list, for each entry, the pages
that use it. A library's topic has a landing page and a page per tier, which would be
three long titles for one topic; both lists instead name the topic once (its landing
page's title, a link to it) followed by a short link to each tier that uses the entry
(its initial; the tier page's full title in ``title=``)::

    <a href="../topics/bones/">Bones</a> (<a href="…/fundamentals/" title="Bones
    (Fundamentals)">F</a> · <a href="…/academic/" title="Bones (Academic)">A</a>)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html import escape
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Topic:
    """A tier page's topic, as a back-link names it: its landing page.

    Attributes:
        uri: The landing page's path in docs (``topics/bones/index.md``).
        title: Its title.
        url: Its address (``topics/bones/``).
    """

    uri: str
    title: str
    url: str


@dataclass
class TopicGroup(Generic[T]):
    """The items of one topic's tier pages, in the order given, each with its tier."""

    topic: Topic
    tiers: list[tuple[str, T]] = field(default_factory=list)


def by_topic(items: Iterable[tuple[T, Topic | None, str | None]]) -> list[T | TopicGroup[T]]:
    """Each ``(item, topic, tier)`` in order; the tier pages of one topic (both known)
    together as one group, where the first of them stood."""
    out: list[T | TopicGroup[T]] = []
    groups: dict[Topic, TopicGroup[T]] = {}
    for item, topic, tier in items:
        if topic is None or tier is None:
            out.append(item)
            continue
        group = groups.get(topic)
        if group is None:
            group = groups[topic] = TopicGroup(topic)
            out.append(group)
        group.tiers.append((tier, item))
    return out


def short_names(tiers: Sequence[str]) -> list[str]:
    """Each tier by its initial (``F``), or by its whole name where initials clash."""
    initials = [tier[:1].upper() for tier in tiers]
    if len(set(initials)) == len(initials):
        return initials
    return [tier.replace("-", " ").replace("_", " ").title() for tier in tiers]


def topic_item(title: str, href: str, tiers: Sequence[tuple[str, str, str]]) -> str:
    """A topic's item: its title linking to ``href``, then ``(short name, page title,
    href)`` of each tier, linked by its short name."""
    links = " · ".join(
        f'<a href="{escape(link)}" title="{escape(page)}">{escape(short)}</a>'
        for short, page, link in tiers
    )
    return f'<a href="{escape(href)}">{escape(title)}</a> ({links})'
