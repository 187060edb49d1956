"""Which words are everyday English, and our own list of medical jargon.

Word commonness comes from ``wordfreq``'s small English list (code Apache-2.0, data
CC BY-SA 4.0: see README, "Plain language"); we query it at build time and ship none
of its data. The jargon list (``jargon.yml``, ours) names medical words and
"medicalized English" with a plain alternative for each. Both load once per process,
and each word is looked up once per process (pages share most of their words).
"""

from __future__ import annotations

import functools
import gzip
import importlib.util
from dataclasses import dataclass
from pathlib import Path

import msgpack
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
def _zipf_table() -> dict[str, float]:
    """Each word of wordfreq's small English list with its Zipf value, read once.

    Read from the package's data file in its documented "cBpack" format (see
    ``wordfreq.read_cBpack``: gzipped msgpack, a header, then one list of words per
    centibel of frequency, most frequent first): importing ``wordfreq`` itself pulls in
    its tokenizers and language tables, 0.2 s of a build for a 12 ms lookup table. If
    the file is not what that format says, ``wordfreq``'s own reader is used.
    """
    spec = importlib.util.find_spec("wordfreq")  # finds the package without running it
    if spec is not None and spec.origin is not None:
        data = Path(spec.origin).parent / "data" / "small_en.msgpack.gz"
        with gzip.open(data, "rb") as packed:
            pack = msgpack.load(packed, raw=False)
        if pack and pack[0] == {"format": "cB", "version": 1}:
            # Bucket i holds the words at -i centibels: Zipf is (900 - i) / 100.
            return {word: (900 - i) / 100 for i, bucket in enumerate(pack[1:]) for word in bucket}
    import wordfreq  # noqa: PLC0415 - only if the data file is not as documented

    return {
        w: wordfreq.zipf_frequency(w, "en", wordlist="small")
        for w in wordfreq.iter_wordlist("en", wordlist="small")
    }


@functools.lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """How common ``word`` is in everyday English (Zipf scale; 0 when unknown).

    Tries the word as written (casefolded, straight apostrophe), then without a
    possessive and as a singular or a base form, so "androgens" is as rare as
    "androgen" and "walked" as common as "walk".
    """
    table = _zipf_table()
    key = word.casefold().replace("’", "'").removesuffix("'s")
    return max((table.get(form, 0.0) for form in _forms(key)), default=0.0)


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
