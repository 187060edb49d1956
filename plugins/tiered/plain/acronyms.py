"""Acronyms spelled out, or linked to the glossary, at their first use on each page.

Spelled out means the full name with the acronym in brackets after it, "dual-energy
X-ray absorptiometry (DXA)", or the acronym with its expansion in brackets, "DXA
(a bone scan)"; an acronym given as another name for what the sentence names ("some
people call it a DEXA scan", "a DXA (or DEXA) scan") is explained too. Roman
numerals and a few abbreviations everyone reads are not acronyms here.
"""

from __future__ import annotations

from tiered.plain.article import Article
from tiered.plain.context import occurrences, renames
from tiered.plain.findings import Finding

EVERYDAY = frozenset({"OK", "TV", "UK", "US", "USA", "AM", "PM"})
_ROMAN = frozenset("IVXLCDM")


def is_acronym(word: str) -> bool:
    """Two or more capitals and no small letters: "DXA", "RANKL"; not "II" or "OK"."""
    return (
        len(word) > 1
        and word.isupper()
        and word.isalpha()
        and word not in EVERYDAY
        and not set(word) <= _ROMAN
    )


def check(article: Article) -> list[Finding]:
    """Each acronym whose first use on the page is neither spelled out nor linked."""
    findings: list[Finding] = []
    # The acronyms not yet met: the few words in capitals first (filtered in C), then
    # the acronym test on those. Once each has had its first use, the rest of the page
    # has nothing to find.
    left = set(filter(is_acronym, filter(str.isupper, article.distinct)))
    if not left:
        return findings
    for sentence in article.sentences:
        if left.isdisjoint(sentence.words):
            continue
        for word in sentence.words:
            if word not in left:
                continue
            left.discard(word)
            if word.casefold() in article.glossary_words or _spelled_out(sentence.text, word):
                continue
            if renames(sentence.text, word.casefold()):
                continue
            message = (
                f'acronym "{word}" is not spelled out at its first use on this page: write '
                f'the full name first, "full name ({word})", or link it to a glossary entry'
            )
            findings.append(Finding("acronym", word, message, article.locate(sentence, word)))
        if not left:
            break
    return findings


def _spelled_out(text: str, word: str) -> bool:
    for at in occurrences(text, word):
        # "full name (DXA)" or "DXA (full name)"; a space or two allowed between.
        before = text[max(0, at - 3) : at].rstrip()
        after = text[at + len(word) : at + len(word) + 3].lstrip()
        if before.endswith("(") or after.startswith("("):
            return True
    return False
