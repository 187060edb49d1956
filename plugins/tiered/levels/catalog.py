"""Categories and the A–Z order of a library's topics; no MkDocs here.

A topic names its category in its landing page's front matter (``category: bones``);
the categories themselves are declared in the plugin's options. A topic whose category
is missing or unknown is listed under "Other topics" and reported, so nothing
disappears from the A–Z page or the navigation.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from tiered.common import letters
from tiered.common.diagnostics import Diagnostic
from tiered.levels.model import LANDING, Library, Topic

OTHER_TOPICS = "Other topics"


@dataclass(frozen=True)
class Category:
    """A group of topics.

    Attributes:
        slug: Identifier written in landing pages (``category: bones``) and in URLs.
        title: What readers see ("Bones and joints").
        description: One line shown on the A–Z page and the category's own page.
    """

    slug: str
    title: str
    description: str = ""


@dataclass
class Catalog:
    """The topics of a library, grouped by category and by first letter."""

    categories: tuple[Category, ...]
    members: dict[str, list[Topic]] = field(default_factory=dict)
    """Topics of each category slug, in A–Z order."""
    others: list[Topic] = field(default_factory=list)
    """Topics in no known category, in A–Z order (every topic when there are no categories)."""
    letters: dict[str, list[Topic]] = field(default_factory=dict)
    """Topics by first letter (``A``…``Z``, then ``#`` for the rest), in A–Z order."""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    by_topic: dict[str, Category] = field(default_factory=dict)

    def category_of(self, topic: Topic) -> Category | None:
        """The known category of ``topic``, if it has one."""
        return self.by_topic.get(topic.slug)


def sort_key(topic: Topic) -> tuple[str, str]:
    """A–Z order: by title, ignoring case and accents; the slug breaks ties."""
    return (_fold(topic.title), topic.slug)


def letter(title: str) -> str:
    """The A–Z letter a title is listed under (``#`` for digits and other scripts)."""
    return letters.letter(_fold(title))


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def catalog(library: Library, categories: tuple[Category, ...]) -> Catalog:
    """Group the library's topics; a wrong or missing ``category:`` is a diagnostic.

    Args:
        library: The collected topics.
        categories: The configured categories (slugs are unique: the config checks it).
    """
    result = Catalog(categories, members={c.slug: [] for c in categories})
    known = {c.slug: c for c in categories}
    names = ", ".join(known)
    for topic in sorted(library.topics.values(), key=sort_key):
        result.letters.setdefault(letter(topic.title), []).append(topic)
        where = f"{topic.folder}/{LANDING}"
        if topic.category is None:
            if categories and topic.index_uri is not None:
                result.diagnostics.append(
                    Diagnostic(
                        where,
                        1,
                        f"topic '{topic.slug}' has no 'category' (one of: {names}): add "
                        f"'category:' to its front matter; until then it is listed under "
                        f"'{OTHER_TOPICS}'",
                    )
                )
            result.others.append(topic)
        elif topic.category in known:
            result.members[topic.category].append(topic)
            result.by_topic[topic.slug] = known[topic.category]
        else:
            expected = (
                f"expected one of: {names}"
                if categories
                else "the site declares no categories: add them to the tiered/levels "
                "option 'categories'"
            )
            result.diagnostics.append(
                Diagnostic(
                    where,
                    topic.category_line,
                    f"front matter field 'category': unknown category {topic.category!r} "
                    f"({expected}); the topic is listed under '{OTHER_TOPICS}'",
                )
            )
            result.others.append(topic)
    result.letters = dict(
        sorted(result.letters.items(), key=lambda item: letters.letter_order(item[0]))
    )
    return result
