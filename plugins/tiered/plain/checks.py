"""Every plain-language check a tier's settings ask for, over one article."""

from __future__ import annotations

from tiered.plain import acronyms, jargon, numbers, sentences
from tiered.plain.article import Article
from tiered.plain.findings import KINDS, Finding, Settings
from tiered.plain.wording import PageGlossary


def run(
    article: Article, settings: Settings, glossary: PageGlossary | None = None
) -> list[Finding]:
    """The findings on ``article``, in the order of the page (then by kind).

    ``glossary``: the page's glossary links, to tell which explain their words
    (:mod:`tiered.plain.wording`); without it any glossary link does.
    """
    found: list[Finding] = []
    if settings.jargon:
        found += jargon.check(article, settings.min_zipf, glossary)
    if settings.acronyms:
        found += acronyms.check(article)
    if settings.numbers:
        found += numbers.check(article)
    if settings.max_words is not None:
        found += sentences.long_sentences(article, settings.max_words)
    if settings.passive:
        found += sentences.passive_voice(article)
    if settings.max_paragraph_sentences is not None:
        found += sentences.long_paragraphs(article, settings.max_paragraph_sentences)
    return sorted(found, key=lambda f: (f.offset, KINDS.index(f.kind)))


def counts(findings: list[Finding]) -> dict[str, int]:
    """How many findings of each kind (every kind named, zero included)."""
    tally: dict[str, int] = dict.fromkeys(KINDS, 0)
    for finding in findings:
        tally[finding.kind] += 1
    return tally
