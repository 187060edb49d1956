"""Which words are everyday English, and our own list of medical jargon.

Word commonness comes from ``wordfreq``'s small English list (code Apache-2.0, data
CC BY-SA 4.0: see README, "Plain language"); we query it at build time and ship none
of its data. The jargon list (``jargon.yml``, ours) names medical words and
"medicalized English" with a plain alternative for each. Both load once per process,
and each word is looked up once per process (pages share most of their words).
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from pathlib import Path

import yaml

from tiered.common.yamlsource import SafeLoader

_JARGON = Path(__file__).with_name("jargon.yml")


@dataclass(frozen=True)
class Jargon:
    """Our list: a word or phrase (casefolded) to its plain alternative."""

    words: dict[str, str]
    phrases: dict[str, str]  # entries of more than one word, matched in the sentence


@functools.cache
def jargon() -> Jargon:
    """The shipped jargon list, read once per process."""
    data = yaml.load(_JARGON.read_text(encoding="utf-8"), Loader=SafeLoader)
    entries = {str(k).casefold(): str(v) for k, v in data["jargon"].items()}
    return Jargon(
        {k: v for k, v in entries.items() if " " not in k},
        {k: v for k, v in entries.items() if " " in k},
    )


@functools.cache
def _frequencies() -> dict[str, float]:
    import wordfreq  # noqa: PLC0415 - a third of a second: only when a check needs it

    return wordfreq.get_frequency_dict("en", wordlist="small")


@functools.lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """How common ``word`` is in everyday English (Zipf scale; 0 when unknown).

    Tries the word as written (casefolded, straight apostrophe), then without a
    possessive and as a singular or a base form, so "androgens" is as rare as
    "androgen" and "walked" as common as "walk".
    """
    table = _frequencies()
    key = word.casefold().replace("’", "'").removesuffix("'s")
    best = 0.0
    for form in _forms(key):
        frequency = table.get(form)
        if frequency:
            best = max(best, math.log10(frequency) + 9)
    return best


def _forms(key: str) -> list[str]:
    forms = [key]
    for suffix, replacement in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e")):
        if key.endswith(suffix) and len(key) > len(suffix) + 2:
            forms.append(key[: -len(suffix)] + replacement)
    for suffix in ("ing", "ly"):
        if key.endswith(suffix) and len(key) > len(suffix) + 2:
            forms.extend((key[: -len(suffix)], key[: -len(suffix)] + "e"))
    return forms


@functools.lru_cache(maxsize=65536)
def is_common(word: str, min_zipf: float) -> bool:
    """Whether ``word`` is everyday English: every part of a hyphenated word must be."""
    return all(zipf(part) >= min_zipf for part in word.split("-") if part)
