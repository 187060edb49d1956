"""HTML of the generated glossary page; pure functions of plain data.

Definitions arrive already rendered (Markdown is the extension's business); every
other value is escaped here. "Used in" lists are placeholders filled in once every
page has rendered (``used_in_placeholder`` / ``used_in``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from tiered.common.text import sort_key
from tiered.glossary.model import Term

_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
OTHER = "#"


@dataclass(frozen=True)
class UsedIn:
    """A page that mentions a term, and the sections where it does."""

    title: str
    href: str
    sections: tuple[tuple[str, str], ...] = ()  # (title, href)


def used_in_placeholder(term: Term) -> str:
    """A marker the plugin replaces with the term's back-links (HTML comment: invisible)."""
    return f"<!-- tiered-glossary:used-in:{escape(term.anchor)} -->"


def used_in_placeholder_pattern() -> str:
    """A regular expression for every placeholder; group 1 is the (escaped) anchor."""
    return r"<!-- tiered-glossary:used-in:(.*?) -->"


def letter_of(term: Term) -> str:
    """The A-Z bucket of a term (``#`` for anything else)."""
    first = sort_key(term.term)[:1].upper()
    return first if first in _ALPHABET else OTHER


def letter_id(letter: str) -> str:
    return "glossary-other" if letter == OTHER else f"glossary-{letter.lower()}"


def ordered(terms: list[Term]) -> list[Term]:
    """Accent- and case-insensitive order."""
    return sorted(terms, key=lambda t: (sort_key(t.term), t.term))


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
    names = {t.term.casefold(): t for t in terms}
    groups: dict[str, list[Term]] = {}
    for term in ordered(terms):
        groups.setdefault(letter_of(term), []).append(term)
    letters = [*_ALPHABET, OTHER] if OTHER in groups else list(_ALPHABET)
    jump = []
    for letter in letters:
        if letter in groups:
            jump.append(f'<li><a href="#{letter_id(letter)}">{escape(letter)}</a></li>')
        else:
            jump.append(f'<li><span aria-disabled="true">{escape(letter)}</span></li>')
    out = [
        '<nav class="tiered-glossary-jump" aria-label="Glossary index">\n'
        '<ul class="tiered-glossary-jump__list">\n' + "\n".join(jump) + "\n</ul>\n</nav>\n"
    ]
    for letter in letters:
        if letter not in groups:
            continue
        out.append(
            f'<section class="tiered-glossary-letter" aria-labelledby="{letter_id(letter)}">\n'
            f'<h2 id="{letter_id(letter)}">{escape(letter)}</h2>\n'
        )
        for term in groups[letter]:
            out.append(entry(term, definitions.get(term.anchor, ""), names, cite))
        out.append("</section>\n")
    return "".join(out)


def entry(
    term: Term, definition: str, names: dict[str, Term], cite: Callable[[str, int], str]
) -> str:
    """One term: heading, aliases, definition, see also, sources, used in."""
    parts = [
        f'<div class="tiered-glossary-entry" data-tiered-term="{escape(term.anchor)}">\n'
        f'<h3 id="{escape(term.anchor)}">{escape(term.term)}</h3>\n'
    ]
    if term.aliases:
        aliases = ", ".join(escape(a) for a in term.aliases)
        parts.append(f'<p class="tiered-glossary-aliases">Also: {aliases}</p>\n')
    parts.append(f'<div class="tiered-glossary-definition">\n{definition}\n</div>\n')
    see = [names[s.casefold()] for s in term.see_also if s.casefold() in names]
    if see:
        links = ", ".join(f'<a href="#{escape(t.anchor)}">{escape(t.term)}</a>' for t in see)
        parts.append(f'<p class="tiered-glossary-see-also">See also: {links}</p>\n')
    if term.sources:
        line = term.sources_line or term.line
        sources = ", ".join(cite(key, line) for key in term.sources)
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


def used_in(pages: list[UsedIn]) -> str:
    """The back-links of one term; empty when no page mentions it."""
    if not pages:
        return ""
    items = []
    for page in pages:
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
