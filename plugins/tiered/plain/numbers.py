"""Numbers and risk a reader can picture.

* A percentage without a natural frequency beside it: "11%" -> "about 11 in 100".
* A decimal: "2.7" -> "about 3".
* A relative change ("40% lower", "halves the risk", "twice as likely") with no
  absolute numbers ("in 100", "out of") in its sentence or the next.
* "rare" or "common" without a number in the sentence.
"""

from __future__ import annotations

import re

from tiered.plain.article import Article, Sentence
from tiered.plain.findings import Finding

# A number as written: digits with thousands commas, a decimal part, a percent sign.
# Each part starts with a character the one before cannot take: no backtracking.
_NUMBER = re.compile(r"(?<![\w.,])\d{1,15}(?:,\d{3})*(?:\.\d+)?(?:\s?%|\s(?:percent|per cent)\b)?")
_RELATIVE_AFTER = re.compile(
    r"\s*(?:lower|higher|less|more|fewer|greater|smaller|bigger|reduction|increase|"
    r"decrease|drop|rise|fall|cut)\b"
)
_RELATIVE_WORDS = re.compile(
    r"\b(?:halves|halved|halve|doubles|doubled|double|triples|tripled|twice as|"
    r"(?:two|three|four|five|ten) times (?:as|more|less|higher|lower))\b"
)
# What every match of _RELATIVE_WORDS has in it, casefolded: a page with none of these
# needs no search of each sentence.
_RELATIVE_PARTS = ("halve", "double", "triple", "twice as", " times ")
_ABSOLUTE = re.compile(r"\b(?:in|out of|of every)\s+(?:\d{1,3}(?:,\d{3})+|\d+)\b")
_VAGUE = frozenset({"rare", "rarely", "common", "commonly", "uncommon"})
_VAGUE_FORMS = _VAGUE | {w.capitalize() for w in _VAGUE} | {w.upper() for w in _VAGUE}
_COUNT_WORDS = frozenset(
    {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
    | {"hundred", "thousand", "million", "half", "quarter", "third"}
)


def natural_frequency(value: float) -> str:
    """A percentage as a count out of a round number: 11 -> "about 11 in 100"."""
    for base in (100, 1_000, 10_000, 100_000):
        count = value * base / 100
        if round(count) >= 1 or base == 100_000:
            shown = max(1, round(count))
            return f"about {shown:,} in {base:,}"
    raise AssertionError("unreachable")  # pragma: no cover - the loop always returns


def check(article: Article) -> list[Finding]:
    """Every number or risk word on the page a reader cannot picture."""
    findings: list[Finding] = []
    sentences = article.sentences
    # A percentage needs its count beside it; a relative change, its absolute numbers
    # beside it or right after it. Only a sentence with a digit can have either.
    numbered = article.numbered
    absolute = {i for i in numbered if _ABSOLUTE.search(sentences[i].text)}
    folded = article.folded
    relative = any(part in folded for part in _RELATIVE_PARTS)
    for index, sentence in enumerate(sentences):
        here = index in absolute
        near = here or index + 1 in absolute
        if index in numbered:
            findings.extend(_numbers(article, sentence, here, near))
        if relative:
            findings.extend(_relative_words(article, sentence, near))
        if not _VAGUE_FORMS.isdisjoint(sentence.words):
            findings.extend(_vague(article, sentence))
    return findings


def _numbers(article: Article, sentence: Sentence, here: bool, near: bool) -> list[Finding]:
    findings = []
    text = sentence.text
    for match in _NUMBER.finditer(text):
        shown = match.group()
        digits = shown.rstrip("%").removesuffix("percent").removesuffix("per cent").strip()
        value = float(digits.replace(",", ""))
        percent = shown != digits
        where = article.locate(sentence, shown)
        change = _RELATIVE_AFTER.match(text, match.end(), match.end() + 16) if percent else None
        if change is not None:
            if not near:
                findings.append(_relative(text[match.start() : change.end()], where))
            continue
        if percent:
            if not here:
                message = (
                    f'number "{shown}" is a bare percentage: say "{natural_frequency(value)}" '
                    "(a count out of a round number is easier to picture)"
                )
                findings.append(Finding("number", shown, message, where))
        elif "." in digits:
            rounded = f'round it ("about {round(value):,}")' if value >= 1 else "use words"
            message = f'number "{shown}" is a decimal: {rounded}'
            findings.append(Finding("number", shown, message, where))
    return findings


def _relative(text: str, where: int) -> Finding:
    message = (
        f'relative change "{text}" without the absolute numbers: say what it is out of, '
        'such as "from 10 in 100 to 6 in 100"'
    )
    return Finding("number", text, message, where)


def _relative_words(article: Article, sentence: Sentence, absolute: bool) -> list[Finding]:
    if absolute:
        return []
    match = _RELATIVE_WORDS.search(sentence.text.casefold())
    if match is None:
        return []
    shown = sentence.text[match.start() : match.end()]
    return [_relative(shown, article.locate(sentence, shown))]


def _vague(article: Article, sentence: Sentence) -> list[Finding]:
    found = sentence.words
    if any(w[0].isdigit() or w.casefold() in _COUNT_WORDS for w in found):
        return []
    for word in found:
        if word.casefold() in _VAGUE:
            message = (
                f'"{word}" without a number: say how many, such as "about 1 in 1,000 '
                'people" (readers take "rare" and "common" very differently)'
            )
            return [Finding("number", word, message, article.locate(sentence, word))]
    return []
