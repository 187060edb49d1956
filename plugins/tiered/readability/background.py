"""Measuring a library's pages on the machine's other core while MkDocs renders.

Reading a tier page's article text and measuring it costs about a millisecond, on the
one core MkDocs renders with. :class:`Measurer` hands pages in batches, as they render,
to a worker process (:mod:`tiered.readability.worker`, through
:class:`~tiered.common.worker.LineWorker`); the plugin takes the measures back as they
come (:meth:`Measurer.done`) and the rest when every page is rendered (``on_env``,
:meth:`Measurer.results`). The worker keeps pace with the build, so the end waits for
the last batch only. A site of fewer pages than :data:`BACKGROUND_PAGES`, a machine with one
core, or a worker that fails: the pages are measured in this process, by the same code,
with the same results.
"""

from __future__ import annotations

import logging
from collections import deque
from typing import Generic, TypeVar

from tiered.common.worker import LineWorker, WorkerGone, cores
from tiered.readability.measure import Measures, measure_articles

log = logging.getLogger(__name__)

# Fewer documentation pages than this: starting a process costs more than it saves.
BACKGROUND_PAGES = 200
# Pages a batch: each batch wakes the build's pipe threads, so not one a page.
BATCH = 16
# How long collecting waits for the worker's next batch before measuring it here.
_WAIT = 60.0

Article = tuple[str | None, list[str] | None]  # the HTML, or the blocks already read
K = TypeVar("K")  # what the caller knows a page by


class Measurer(Generic[K]):
    """Measures pages, maybe in a worker process; results by the caller's key, in order."""

    def __init__(self) -> None:
        self._worker: LineWorker | None = None
        self._background = False
        self._batch: list[tuple[K, Article]] = []
        self._sent: deque[tuple[list[K], list[Article]]] = deque()  # not answered yet
        self._done: list[tuple[K, Measures]] = []

    def start(self, pages: int) -> None:
        """A build of ``pages`` documentation pages begins: measure in the background or not."""
        if self._sent:  # a build that stopped half-way: its answers are not this one's
            self.close()
            self._sent.clear()
        self._batch, self._done = [], []
        self._background = pages >= BACKGROUND_PAGES and cores() > 1

    def add(self, key: K, html: str | None, blocks: list[str] | None = None) -> None:
        """Measure a page: its ``blocks`` (:func:`article_blocks`) if read, else its ``html``."""
        self._batch.append((key, (None if blocks is not None else html, blocks)))
        if len(self._batch) >= BATCH:
            self._send()

    def done(self) -> list[tuple[K, Measures]]:
        """The pages measured since the last call, in the order they were added (no wait).

        Taken as they come, they let go of their text and measures while MkDocs renders
        the others; :meth:`results` gives the rest.
        """
        self._collect(wait=False)
        done, self._done = self._done, []
        return done

    def results(self) -> list[tuple[K, Measures]]:
        """Every page added since :meth:`start` and not yet :meth:`done`, measured, in order."""
        self._send()
        self._collect(wait=True)
        done, self._done = self._done, []
        return done

    def close(self) -> None:
        """Stop the worker (a later large build starts another)."""
        if self._worker is not None:
            self._worker.close()
            self._worker = None

    def _send(self) -> None:
        if not self._batch:
            return
        keys = [key for key, _article in self._batch]
        articles = [article for _key, article in self._batch]
        self._batch = []
        worker = self._running()
        if worker is None:
            self._done.extend(zip(keys, measure_articles(articles), strict=True))
            return
        worker.send(articles)
        self._sent.append((keys, articles))

    def _running(self) -> LineWorker | None:
        """The worker, started on first use; None: measure here."""
        if not self._background:
            return None
        if self._worker is None:
            try:
                self._worker = LineWorker("tiered.readability.worker")
            except WorkerGone as error:
                self._give_up(error)
        return self._worker

    def _collect(self, *, wait: bool) -> None:
        """Take the worker's answers, in order (``wait``: all of them)."""
        while self._sent:
            worker = self._worker
            if worker is not None and not wait and not worker.ready():
                return
            keys, articles = self._sent.popleft()
            self._done.extend(zip(keys, self._answer(worker, articles), strict=True))

    def _answer(self, worker: LineWorker | None, articles: list[Article]) -> list[Measures]:
        """The worker's measures of the batch ``articles``; if it has died, measured here."""
        if worker is not None:
            try:
                return [_measures(row) for row in worker.answer(_WAIT)]
            except (WorkerGone, TypeError, ValueError) as error:  # killed, out of memory
                self._give_up(error)
        return measure_articles(articles)

    def _give_up(self, error: BaseException) -> None:
        log.debug("tiered/readability: no worker process (%s); measuring here", error)
        self.close()
        self._background = False


def _measures(row: list[object]) -> Measures:
    """The worker's line for one page (see :mod:`tiered.readability.worker`)."""
    *counts, hardest = row
    numbers = [n for n in counts if isinstance(n, int)]
    if len(numbers) != len(counts) or len(numbers) != 5 or not isinstance(hardest, list):
        raise TypeError(f"not five counts and the hardest sentences: {row!r}")
    words, sentences, syllables, poly, long = numbers
    return Measures(words, sentences, syllables, poly, long, tuple(map(str, hardest)))
