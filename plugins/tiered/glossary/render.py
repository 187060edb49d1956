"""HTML of the generated glossary page; pure functions of plain data.

Definitions arrive already rendered (Markdown is the extension's business); every
other value is escaped here. "Used in" lists are placeholders filled in once every
page has rendered (``used_in_placeholder`` / ``used_in``). A glossary split by letter
(:mod:`tiered.common.letters`) has one page per letter (:func:`part_body`) under the
same jump bar.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Mapping, Sequence
from dataclasses import dataclass
from html import escape

from tiered.common import letters
from tiered.common.backlinks import topic_item
from tiered.common.text import sort_key
from tiered.glossary.model import Term

_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
OTHER = letters.OTHER
JUMP = letters.Bar("tiered-glossary-jump", "Glossary index", "tiered-glossary-jump__list")
"""The A-Z jump bar atop the glossary page (or each of its letter pages)."""
INDEX_CLASS = "tiered-glossary-index"
"""The class of the letters list on the first page of a glossary split by letter."""


@dataclass(frozen=True)
class UsedIn:
    """A page that mentions a term, and the sections where it does."""

    title: str
    href: str
    sections: tuple[tuple[str, str], ...] = ()  # (title, href)


@dataclass(frozen=True)
class TopicUsedIn:
    """A topic some of whose tier pages mention a term (:mod:`tiered.common.backlinks`).

    Attributes:
        title: The topic's title (its landing page's).
        href: Its landing page.
        tiers: ``(short name, page title, href)`` of each tier page that mentions it.
    """

    title: str
    href: str
    tiers: tuple[tuple[str, str, str], ...]


def used_in_placeholder(term: Term) -> str:
    """A marker the plugin replaces with the term's back-links (HTML comment: invisible)."""
    return f"<!-- tiered-glossary:used-in:{escape(term.anchor)} -->"


def used_in_placeholder_pattern() -> str:
    """A regular expression for every placeholder; group 1 is the (escaped) anchor."""
    return r"<!-- tiered-glossary:used-in:(.*?) -->"


def letter_of(term: Term) -> str:
    """The A-Z bucket of a term (``#`` for anything else)."""
    return letters.letter(sort_key(term.term))


def letter_id(label: str) -> str:
    """The id of a letter's (or part's) heading: ``glossary-b``, ``glossary-s-2``."""
    return f"glossary-{letters.file_name(label)}"


def ordered(terms: list[Term]) -> list[Term]:
    """Accent- and case-insensitive order."""
    return sorted(terms, key=lambda t: (sort_key(t.term), t.term))


def _alphabet(used: Container[str]) -> list[str]:
    return [*_ALPHABET, OTHER] if OTHER in used else list(_ALPHABET)


def _own(term: Term) -> str:
    return f"#{term.anchor}"


@dataclass(frozen=True)
class Entries:
    """What the entries of one glossary page are rendered with.

    Attributes:
        definitions: Rendered definition HTML by term anchor.
        names: Every term of the glossary by its casefolded name (for "See also").
        cite: Renders one citation key as HTML, given the glossary file line it is
            written on (the term's ``sources:``), for messages about it.
        href: The link to a term's entry from the page (default: on the page).
    """

    definitions: Mapping[str, str]
    names: Mapping[str, Term]
    cite: Callable[[str, int], str]
    href: Callable[[Term], str] = _own


def page_body(
    terms: list[Term], definitions: dict[str, str], cite: Callable[[str, int], str]
) -> str:
    """Jump bar and entries, grouped by letter.

    Args:
        terms: The glossary terms.
        definitions: Rendered definition HTML by term anchor.
        cite: Renders one citation key as HTML, given the glossary file line it is
            written on (the term's ``sources:``), for messages about it.
    """
    entries = Entries(definitions, {t.term.casefold(): t for t in terms}, cite)
    groups: dict[str, list[Term]] = {}
    for term in ordered(terms):
        groups.setdefault(letter_of(term), []).append(term)
    alphabet = _alphabet(groups)
    jump = [(c, f"#{letter_id(c)}" if c in groups else None) for c in alphabet]
    out = [letters.letter_bar(jump, JUMP)]
    for letter in alphabet:
        if letter in groups:
            out.append(letter_section(letter, groups[letter], entries))
    return "".join(out)


def part_body(label: str, hrefs: Mapping[str, str], terms: list[Term], entries: Entries) -> str:
    """One letter's page of a split glossary: the jump bar, then that letter's entries.

    Args:
        label: The part's label (``B``, ``S 2``).
        hrefs: Every part's page, by label, relative to this one.
        terms: The part's terms, in order.
        entries: What they are rendered with.
    """
    runs: dict[str, list[str]] = {}
    for other in hrefs:
        runs.setdefault(other.partition(" ")[0], []).append(other)
    jump: list[tuple[str, str | None]] = []
    for letter in _alphabet(runs):
        for other in runs.get(letter, [letter]):
            jump.append((other, hrefs[other] if other in hrefs and other != label else None))
    bar = letters.letter_bar(jump, JUMP, current=label)
    # The page's title ("Glossary: B") has the id letter_id gives: its heading another.
    heading = f"glossary-letter-{letters.file_name(label)}"
    return bar + letter_section(label, terms, entries, heading)


def letter_section(
    label: str, terms: list[Term], entries: Entries, heading: str | None = None
) -> str:
    """A letter's heading (its id ``heading``, by default :func:`letter_id`) and entries."""
    anchor = heading or letter_id(label)
    out = [
        f'<section class="tiered-glossary-letter" aria-labelledby="{anchor}">\n'
        f'<h2 id="{anchor}">{escape(label)}</h2>\n'
    ]
    for term in terms:
        out.append(entry(term, entries))
    out.append("</section>\n")
    return "".join(out)


def entry(term: Term, entries: Entries) -> str:
    """One term: heading, aliases, definition, see also, sources, used in."""
    parts = [
        f'<div class="tiered-glossary-entry" data-tiered-term="{escape(term.anchor)}">\n'
        f'<h3 id="{escape(term.anchor)}">{escape(term.term)}</h3>\n'
    ]
    if term.aliases:
        aliases = ", ".join(escape(a) for a in term.aliases)
        parts.append(f'<p class="tiered-glossary-aliases">Also: {aliases}</p>\n')
    definition = entries.definitions.get(term.anchor, "")
    parts.append(f'<div class="tiered-glossary-definition">\n{definition}\n</div>\n')
    names = entries.names
    see = [names[s.casefold()] for s in term.see_also if s.casefold() in names]
    if see:
        links = ", ".join(f'<a href="{escape(entries.href(t))}">{escape(t.term)}</a>' for t in see)
        parts.append(f'<p class="tiered-glossary-see-also">See also: {links}</p>\n')
    if term.sources:
        line = term.sources_line or term.line
        sources = ", ".join(entries.cite(key, line) for key in term.sources)
        parts.append(f'<p class="tiered-glossary-sources">Sources: {sources}</p>\n')
    parts.append(f"{used_in_placeholder(term)}\n</div>\n")
    return "".join(parts)


def citation(key: str, source: str = "") -> str:
    """Pandoc's citation markup, for the citations plugin to resolve.

    ``source`` (``file:line``) is where the key is written, when that is not the page:
    the citations plugin reports an unknown key there (``data-tiered-source``).
    """
    where = f' data-tiered-source="{escape(source)}"' if source else ""
    return f'<span class="citation" data-cites="{escape(key)}"{where}>{escape(key)}</span>'


def used_in(pages: Sequence[UsedIn | TopicUsedIn]) -> str:
    """The back-links of one term; empty when no page mentions it."""
    if not pages:
        return ""
    items = []
    for page in pages:
        if isinstance(page, TopicUsedIn):
            items.append(f"<li>{topic_item(page.title, page.href, page.tiers)}</li>")
            continue
        sections = ""
        if page.sections:
            links = ", ".join(
                f'<a href="{escape(href)}">{escape(title)}</a>' for title, href in page.sections
            )
            sections = f" ({links})"
        items.append(f'<li><a href="{escape(page.href)}">{escape(page.title)}</a>{sections}</li>')
    return (
        '<div class="tiered-glossary-used-in">\n<p>Used in:</p>\n<ul>\n'
        + "\n".join(items)
        + "\n</ul>\n</div>"
    )


def letter_index(rows: Sequence[tuple[str, str, int]]) -> str:
    """The first page of a split glossary: each letter, a link to its page, its count."""
    return letters.letter_index(rows, INDEX_CLASS, "term")
