"""Jargon: medical words and words uncommon in everyday English, unless explained.

A word is flagged once per page, at its first use, when it is on our jargon list or
rarer than the tier allows, and neither linked to the glossary anywhere on the page
nor defined in its sentence or the next (see :mod:`tiered.plain.context`).
"""

from __future__ import annotations

from tiered.plain.article import Article, Sentence
from tiered.plain.context import explained, occurrences
from tiered.plain.findings import Finding, quote
from tiered.plain.words import is_common, jargon


def check(article: Article, min_zipf: float) -> list[Finding]:
    """The unexplained jargon on the page, first use of each word."""
    listed = jargon()
    seen: set[str] = set()
    findings = []
    sentences = article.sentences
    for index, sentence in enumerate(sentences):
        following = sentences[index + 1].text if index + 1 < len(sentences) else ""
        folded = sentence.text.casefold()
        for phrase, plain in listed.phrases.items():
            if phrase in seen or not occurrences(folded, phrase):
                continue
            seen.add(phrase)
            found = _unexplained(article, sentence, following, key=phrase, plain=plain)
            if found is not None:
                findings.append(found)
        for word in sentence.words:
            key = word.casefold()
            if key in seen or word[0].isdigit() or _acronym(word):
                continue
            alternative = listed.words.get(key)
            if alternative is None and is_common(key, min_zipf):
                continue
            seen.add(key)
            found = _unexplained(
                article, sentence, following, key=key, plain=alternative, shown=word
            )
            if found is not None:
                findings.append(found)
    return findings


def vocabulary(article: Article, min_zipf: float) -> frozenset[str]:
    """Every medical or uncommon word on the page (casefolded), explained or not.

    What a grade formula cannot see: the reading line names how many there are.
    """
    listed = jargon().words
    distinct = {w for sentence in article.sentences for w in sentence.words}
    return frozenset(
        key
        for key in {w.casefold() for w in distinct if not w[0].isdigit() and not _acronym(w)}
        if key in listed or not is_common(key, min_zipf)
    )


def _acronym(word: str) -> bool:
    # Acronyms have their own check (spelled out at first use), not this one.
    return len(word) > 1 and word.isupper()


def _unexplained(
    article: Article,
    sentence: Sentence,
    following: str,
    *,
    key: str,
    plain: str | None,
    shown: str | None = None,
) -> Finding | None:
    if all(part in article.glossary_words for part in key.split()):
        return None
    if explained(key, sentence.text, following):
        return None
    text = shown or _as_written(sentence.text, key)
    if plain is not None:
        advice = f"say {plain}, or explain it where it is first used"
        what = "is medical jargon"
    else:
        advice = "use an everyday word, or explain it in this or the next sentence"
        what = "is not everyday English"
    message = (
        f'jargon {quote(text)} {what}: {advice} ("{text} is ..."), or link it to a glossary entry'
    )
    return Finding("jargon", text, message, article.locate(sentence, text))


def _as_written(text: str, key: str) -> str:
    at = occurrences(text.casefold(), key)
    return text[at[0] : at[0] + len(key)] if at else key
