"""Sentence hotspots: long sentences, passive voice, long paragraphs.

Passive voice is a form of "be" (or "get"), at most two adverbs, then a past
participle: an irregular one from the list below ("made", "shown", "given"), or a
regular "-ed" verb that is not one of the adjectives that look like one ("tired",
"worried"). "is called", "is named" and "is known as" introduce a definition, which
the jargon check asks for, so they are not flagged.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress, count

from tiered.plain.article import Article, Sentence
from tiered.plain.findings import Finding, quote

_BE = frozenset(
    {"am", "is", "are", "was", "were", "be", "been", "being", "get", "gets", "got", "gotten"}
    | {"getting", "isn't", "aren't", "wasn't", "weren't", "isn’t", "aren’t", "wasn’t"}
    | {"weren’t"}
)
_BE_FORMS = _BE | {w.capitalize() for w in _BE} | {w.upper() for w in _BE}
_ADVERBS = frozenset(
    {"not", "also", "often", "usually", "then", "now", "still", "always", "never", "sometimes"}
    | {"mostly", "partly", "only", "just", "first", "all", "both", "each", "rarely", "widely"}
    | {"further", "later", "already", "either", "ever", "thus", "being", "been"}
)
_IRREGULAR = """arisen awoken borne beaten become begun bent bet bid bitten bled blown broken bred
    brought built burnt bought cast caught chosen clung come cost crept cut dealt dug done
    drawn dreamt driven drunk eaten fallen fed felt fought found fled flung forbidden
    forgotten forgiven frozen given gone ground grown hung had heard hidden hit held hurt
    kept knelt known laid led leant left lent let lain lit lost made meant met paid put
    quit read rid ridden rung risen run said seen sought sold sent set sewn shaken shed
    shone shot shown shrunk shut sung sunk sat slain slept slid slung slit spoken sped
    spent spilt spun spat split spread sprung stood stolen stuck stung stunk struck strung
    sworn swept swollen swum swung taken taught torn told thought thrown thrust trodden
    understood undertaken undergone upheld upset woken worn woven wept won wound withdrawn
    withheld written"""
IRREGULAR = frozenset(_IRREGULAR.split())
"""Irregular past participles ("made", "shown"): with a form of "be", a passive."""
# "-ed" words that follow "be" as adjectives, not as passive participles.
_ADJECTIVES = frozenset(
    {"tired", "worried", "pleased", "scared", "interested", "excited", "married", "concerned"}
    | {"surprised", "supposed", "bored", "ashamed", "annoyed", "confused", "relaxed", "shared"}
    | {"advanced", "based", "aged", "detailed", "limited", "related", "skilled", "varied"}
    | {"prepared", "involved", "allowed", "needed", "used", "red", "bed", "wed", "shed"}
)
_DEFINING = frozenset({"called", "named"})
# Words in "-eed" that are "-ed" forms ("free" + "d"); the rest are not ("speed", "need").
_EED = frozenset({"freed", "agreed", "decreed", "guaranteed", "refereed", "disagreed"})


def passive(found: Sequence[str]) -> str | None:
    """The first passive verb group ("is made") among a sentence's words, or ``None``."""
    if _BE_FORMS.isdisjoint(found):
        return None  # most sentences: no form of "be" at all
    size = len(found)
    # Only the places of a form of "be" (found in C), in order; only the few words
    # after each are casefolded.
    for index in compress(count(), map(_BE_FORMS.__contains__, found)):
        at = index + 1
        while at < size and at - index <= 2 and found[at].casefold() in _ADVERBS:
            at += 1
        if at < size and _participle(found, at):
            return " ".join(found[index : at + 1])
    return None


def _participle(found: Sequence[str], at: int) -> bool:
    word = found[at].casefold()
    if word in _DEFINING:
        return False
    if word == "known":
        return at + 1 >= len(found) or found[at + 1].casefold() != "as"
    if word in IRREGULAR:
        return True
    return (
        len(word) > 4
        and word.endswith("ed")
        and (not word.endswith("eed") or word in _EED)
        and word not in _ADJECTIVES
        and word.isalpha()
    )


def long_sentences(article: Article, limit: int) -> list[Finding]:
    """Sentences of more than ``limit`` words."""
    findings = []
    for sentence in article.sentences:
        size = len(sentence.words)
        if size > limit:
            message = (
                f"long sentence {quote(sentence.text)}: {size} words (limit {limit}); "
                "split it, one idea a sentence"
            )
            findings.append(Finding("long-sentence", sentence.text, message, sentence.offset))
    return findings


def passive_voice(article: Article) -> list[Finding]:
    """Sentences in the passive voice, at their verb."""
    findings = []
    disjoint = _BE_FORMS.isdisjoint
    for sentence in article.sentences:
        if disjoint(sentence.words):
            continue  # what passive() tests first, without the call: most sentences
        verb = passive(sentence.words)
        if verb is not None:
            message = (
                f'passive voice "{verb}" in {quote(sentence.text)}: say who or what does '
                'it ("the body makes ...", not "... is made")'
            )
            findings.append(Finding("passive", verb, message, _at(article, sentence, verb)))
    return findings


def _at(article: Article, sentence: Sentence, verb: str) -> int:
    return article.locate(sentence, verb.split(maxsplit=1)[0])


def long_paragraphs(article: Article, limit: int) -> list[Finding]:
    """Paragraphs (and list items) of more than ``limit`` sentences."""
    findings = []
    for paragraph in article.paragraphs():
        if len(paragraph) > limit:
            first = paragraph[0]
            message = (
                f"long paragraph {quote(first.text, 40)}: {len(paragraph)} sentences "
                f"(limit {limit}); break it into shorter ones"
            )
            findings.append(Finding("long-paragraph", first.text, message, first.offset))
    return findings
