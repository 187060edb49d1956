"""Which collections of topics get tier and library PDFs: the whole site, each category.

A library of a thousand topics is tens of thousands of PDF pages: one library PDF of
them helps no reader, and an edit would join it again. So the site-wide tier and
library PDFs are written only up to a number of topics (``whole_site_topics``, or
``whole_site: always``), and a site whose pages carry a category
(``<meta name="tiered:category">``, written by ``tiered/levels``) gets them per
category. Topic PDFs are written whatever the size.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tiered.common.text import sort_key
from tiered.pdf.model import Site, Topic

# Not a slug a category can have (slugs start with a letter or digit): never a clash.
OTHER_SLUG = "_other"
OTHER_TITLE = "Other topics"


@dataclass
class Shelf:
    """The topics of one category (``slug`` and ``title``), in title order."""

    slug: str
    title: str
    topics: list[Topic] = field(default_factory=list)


def whole_site(option: str, topics: int, limit: int) -> bool:
    """Whether the site-wide tier and library PDFs are written.

    Args:
        option: ``whole_site``: ``auto``, ``always`` or ``never``.
        topics: How many topics the site has.
        limit: ``whole_site_topics``: with ``auto``, the most topics they may hold.
    """
    return option == "always" or (option == "auto" and topics <= limit)


def shelves(site: Site) -> list[Shelf]:
    """The site's categories, by title, each with its topics; none when no page has one.

    Topics in no category, on a site whose other topics have one, are the shelf
    "Other topics" (last), so every topic is in some category PDF.
    """
    found: dict[str, Shelf] = {}
    others: list[Topic] = []
    for topic in site.ordered_topics():
        if topic.category is None:
            others.append(topic)
            continue
        shelf = found.setdefault(topic.category, Shelf(topic.category, topic.category_title))
        shelf.topics.append(topic)
    if not found:
        return []
    ordered = sorted(found.values(), key=lambda s: (sort_key(s.title), s.slug))
    return ordered + ([Shelf(OTHER_SLUG, OTHER_TITLE, others)] if others else [])


def topic_count(uris: list[str], topics_dir: str) -> int:
    """How many topic folders the source paths ``uris`` hold (a Markdown page besides
    ``index.md`` directly inside ``<topics_dir>/<topic>/``), for the download links.

    The export counts the topics of the built site; on a site whose topics have tier
    pages the two agree.
    """
    folder = topics_dir.strip("/")
    prefix = folder.split("/") if folder not in {"", "."} else []
    folders = set()
    for uri in uris:
        parts = uri.split("/")
        if len(parts) != len(prefix) + 2 or parts[: len(prefix)] != prefix:
            continue
        if parts[-1].endswith(".md") and parts[-1] != "index.md":
            folders.add(parts[len(prefix)])
    return len(folders)
