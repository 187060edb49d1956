"""Measures pages for :mod:`tiered.readability.background`, in a process of its own.

Reads one JSON line a batch, ``[[html, blocks], ...]`` (each page's HTML, or ``null``
and its blocks already read), and writes one line a batch: each page's measures,
``[words, sentences, syllables, polysyllables, long sentences, [hardest, ...]]``.

    python -m tiered.readability.worker
"""

from __future__ import annotations

import json
import sys

from tiered.readability.measure import measure_articles


def main() -> None:
    for line in sys.stdin:
        articles = [(html, blocks) for html, blocks in json.loads(line)]
        measured = [
            [m.words, m.sentences, m.syllables, m.polysyllables, m.long_sentences, m.hardest]
            for m in measure_articles(articles)
        ]
        sys.stdout.write(json.dumps(measured, ensure_ascii=False) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
