"""Measuring a library's pages on the machine's other core while MkDocs renders.

The task :class:`~tiered.common.background.Background` runs for tiered/readability:
each job is a tier page's rendered HTML, each result its :class:`Measures`
(:func:`measurer` makes the one the plugin uses).
"""

from __future__ import annotations

from typing import Any

from tiered.common.background import Background
from tiered.readability.measure import Measures, article_blocks, measure, page_done


class MeasureTask:
    """Measures pages: ``html`` in, ``[words, sentences, syllables, polysyllables,
    long sentences, [hardest, ...]]`` out."""

    def setup(self, data: Any) -> None:
        """Nothing to set up: the measures take no settings."""

    def run(self, jobs: list[Any]) -> list[Any]:
        rows = []
        for html in jobs:
            m = measure(article_blocks(html if isinstance(html, str) else ""))
            rows.append(
                [m.words, m.sentences, m.syllables, m.polysyllables, m.long_sentences, m.hardest]
            )
        # The batch's pages are read (by tiered/plain's checks too, the batch before).
        page_done()
        return rows


def measurer() -> Background[Any, Measures]:
    """The plugin's measurer: pages measured in the worker on a library, here else."""
    return Background(MeasureTask(), measures, "tiered/readability")


def measures(row: Any) -> Measures:
    """The task's line for one page, as :class:`Measures`.

    Raises:
        TypeError: ``row`` is not five counts and the hardest sentences.
    """
    if not isinstance(row, list) or len(row) != 6:
        raise TypeError(f"not five counts and the hardest sentences: {row!r:.200}")
    *counts, hardest = row
    numbers = [n for n in counts if isinstance(n, int)]
    if len(numbers) != 5 or not isinstance(hardest, list):
        raise TypeError(f"not five counts and the hardest sentences: {row!r:.200}")
    words, sentences, syllables, poly, long = numbers
    return Measures(words, sentences, syllables, poly, long, tuple(map(str, hardest)))
