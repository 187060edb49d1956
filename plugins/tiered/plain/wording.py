"""Whether a glossary link explains a word: only when its wording for the tier is plain.

A jargon word inside a glossary link (``a.tiered-glossary-term``, the glossary's
documented markup) is explained by the link's popover. That helps a reader only if
the popover's wording for the page's tier is plain itself, by the same rules as the
page: no unexplained jargon, no acronym left unexplained, no sentence over the tier's
limit (passive voice, numbers and paragraphs are not asked of a one-line definition).
The words of the term the wording defines are its own: "Osteopenia is ..." needs no
more explaining. Each wording is judged once per process (by its text and the tier's
settings), not once per page. No MkDocs here.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from html import unescape

from tiered.plain import acronyms, jargon, sentences
from tiered.plain.article import GLOSSARY_LINK, article_from_blocks
from tiered.plain.findings import Finding, Settings, quote
from tiered.readability.measure import words

# The glossary's link markup: class, then href (the anchor is its fragment); the text
# is plain (the glossary writes it as text, never nested tags).
_LINK = re.compile(
    rf'<a class="{GLOSSARY_LINK}" href="[^"#]*#([^"]{{1,200}})"[^>]*>([^<]{{0,500}})</a>'
)


@dataclass(frozen=True)
class Weak:
    """A glossary wording that is not plain for a tier, and where to change it.

    Attributes:
        term: The entry's display name.
        tier: The tier of the pages it should explain words on.
        own: Whether the entry has a wording for that tier (else its ``short`` is shown).
        place: ``glossary.yml:12``, the wording's line in the glossary file.
        problems: What in it is not plain, one short phrase each.
    """

    term: str
    tier: str
    own: bool
    place: str
    problems: tuple[str, ...]

    def advice(self) -> str:
        """What to change, in the glossary file: the sentence a finding ends with."""
        what = "; ".join(self.problems)
        if self.own:
            return (
                f"the glossary's {self.tier} wording of '{self.term}' is not plain ({what}): "
                f"rewrite it in {self.place}"
            )
        return (
            f"the glossary has no {self.tier} wording of '{self.term}' and its 'short' is not "
            f"plain ({what}): add 'tiers: {{{self.tier}: ...}}' to the entry in {self.place}"
        )


def problems(text: str, own: frozenset[str], settings: Settings) -> tuple[str, ...]:
    """What in a glossary wording is not plain at ``settings``; empty: it is plain.

    ``own``: the words (casefolded) of the forms of the term it defines.
    """
    return _problems(text, own, settings)


@functools.lru_cache(maxsize=8192)
def _problems(text: str, own: frozenset[str], settings: Settings) -> tuple[str, ...]:
    article = article_from_blocks([text], "", text)
    article = replace(article, glossary_words=own)  # its own term explains itself
    found: list[Finding] = []
    if settings.jargon:
        found += jargon.check(article, settings.min_zipf)
    if settings.acronyms:
        found += acronyms.check(article)
    if settings.max_words is not None:
        found += sentences.long_sentences(article, settings.max_words)
    out = []
    for finding in found:
        if finding.kind == "long-sentence":
            count = len(words(finding.text))
            out.append(f"a sentence of {count} words, over {settings.max_words}")
        else:
            out.append(f"{finding.kind} {quote(finding.text)}")
    return tuple(out)


def own_words(forms: Iterable[str]) -> frozenset[str]:
    """The words (casefolded) of a term's forms."""
    return frozenset(w.casefold() for form in forms for w in words(form))


@dataclass
class PageGlossary:
    """The glossary links of one page, and how to judge the terms they link to.

    Attributes:
        words: Each word (casefolded) inside a link, to the anchors of its links.
        judge: A term's anchor to why its wording is not plain, ``None`` when it is
            plain (or not known: then the link is taken to explain, as before).
    """

    words: dict[str, set[str]]
    judge: Callable[[str], Weak | None]

    def explains(self, key: str) -> Weak | None:
        """``None`` if a link holding every word of ``key`` explains it; else why not.

        Called for a word the page links; a word in no link of the page's markup (a
        link some other markup made) is explained, as any glossary link was before.
        """
        anchors: set[str] | None = None
        for part in key.split():
            linked = self.words.get(part, set())
            anchors = set(linked) if anchors is None else anchors & linked
        if not anchors:
            return None
        weak = None
        for anchor in sorted(anchors):
            verdict = self.judge(anchor)
            if verdict is None:
                return None  # one plain wording explains it
            weak = weak or verdict
        return weak


def links(html: str) -> dict[str, set[str]]:
    """Each word (casefolded) inside a glossary link of ``html``, to the links' anchors."""
    found: dict[str, set[str]] = {}
    if GLOSSARY_LINK not in html:
        return found
    for anchor, text in _LINK.findall(html):
        target = unescape(anchor)
        for word in words(unescape(text)):
            found.setdefault(word.casefold(), set()).add(target)
    return found
