"""Page work on the machine's other core while MkDocs renders: one mechanism, any task.

Reading a tier page's article and measuring or checking it costs a millisecond or
more, on the one core MkDocs renders with. A :class:`Background` hands pages, in
batches as they render, to a worker process (``python -m <module>`` through
:class:`~tiered.common.worker.LineWorker`, whose ``main`` is :func:`serve`); the plugin
takes the results back as they come (:meth:`Background.done`) and the rest when every
page is rendered (:meth:`Background.results`, in ``on_env``). The worker keeps pace
with the build, so the end waits for the last batch only.

A site of fewer pages than :data:`BACKGROUND_PAGES`, a machine with one core, or a
worker that fails: the same :class:`Task` runs here, on the same plain data, so the
results are the same. Jobs and results are JSON values; each result goes through the
caller's ``decode`` either way.
"""

from __future__ import annotations

import json
import logging
import sys
from collections import deque
from collections.abc import Callable
from typing import Any, Generic, Protocol, TypeVar

from tiered.common.worker import LineWorker, WorkerGone, cores

log = logging.getLogger(__name__)

# Fewer documentation pages than this: starting a process costs more than it saves.
BACKGROUND_PAGES = 200
# Pages a batch: each batch wakes the build's pipe threads, so not one a page.
BATCH = 16
# How long collecting waits for the worker's next batch before doing it here.
_WAIT = 60.0

K = TypeVar("K")  # what the caller knows a page by
R = TypeVar("R")  # a page's result, decoded


class Task(Protocol):
    """Work on pages as plain data: the same object runs in the worker and here."""

    def setup(self, data: Any) -> None:
        """This build's settings (a JSON value), before its first batch."""

    def run(self, jobs: list[Any]) -> list[Any]:
        """One JSON-able result per job, in order."""


def serve(task: Task) -> None:
    """A worker module's ``main``: one line a batch in, ``[setup, jobs]``; one line out.

    ``setup`` is ``null`` but in a build's first batch.
    """
    for line in sys.stdin:
        setup, jobs = json.loads(line)
        if setup is not None:
            task.setup(setup)
        sys.stdout.write(json.dumps(task.run(jobs), ensure_ascii=False) + "\n")
        sys.stdout.flush()


class Background(Generic[K, R]):
    """Runs ``task`` on pages, maybe in ``module``'s worker; results by key, in order.

    Args:
        module: The worker module (its ``main`` calls :func:`serve` with a task like
            ``task``).
        task: The task, for pages done in this process.
        decode: A result (JSON value) to what the caller takes; it raises
            ``TypeError`` or ``ValueError`` on a line that is not a result.
        name: The plugin, for the debug message when the worker is given up.
    """

    def __init__(self, module: str, task: Task, decode: Callable[[Any], R], name: str) -> None:
        self._module = module
        self._task = task
        self._decode = decode
        self._name = name
        self._worker: LineWorker | None = None
        self._background = False
        self._setup: Any = None
        self._unsent: Any = None  # the setup, until the worker has it
        self._here: Any = None  # the setup, until this process's task has it
        self._batch: list[tuple[K, Any]] = []
        self._sent: deque[tuple[list[K], list[Any]]] = deque()  # not answered yet
        self._done: list[tuple[K, R]] = []

    def start(self, pages: int, setup: Any = None) -> None:
        """A build of ``pages`` documentation pages begins, with ``setup`` for the task."""
        if self._sent:  # a build that stopped half-way: its answers are not this one's
            self.close()
            self._sent.clear()
        self._batch, self._done = [], []
        self._background = pages >= BACKGROUND_PAGES and cores() > 1
        self._setup = self._unsent = self._here = setup

    def add(self, key: K, job: Any) -> None:
        """Do ``job`` (a JSON value) for the page known as ``key``."""
        self._batch.append((key, job))
        if len(self._batch) >= BATCH:
            self._send()

    def done(self) -> list[tuple[K, R]]:
        """The pages done since the last call, in the order they were added (no wait).

        Taken as they come, they let go of their text while MkDocs renders the others;
        :meth:`results` gives the rest.
        """
        self._collect(wait=False)
        done, self._done = self._done, []
        return done

    def results(self) -> list[tuple[K, R]]:
        """Every page added since :meth:`start` and not yet :meth:`done`, in order."""
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
        keys = [key for key, _job in self._batch]
        jobs = [job for _key, job in self._batch]
        self._batch = []
        worker = self._running()
        if worker is None:
            self._done.extend(zip(keys, self._run_here(jobs), strict=True))
            return
        worker.send([self._unsent, jobs])
        self._unsent = None
        self._sent.append((keys, jobs))

    def _run_here(self, jobs: list[Any]) -> list[R]:
        if self._here is not None:
            self._task.setup(self._here)
            self._here = None
        # Through JSON as from the worker: the same values (tuples become lists).
        return [self._decode(row) for row in json.loads(json.dumps(self._task.run(jobs)))]

    def _running(self) -> LineWorker | None:
        """The worker, started on first use; None: work here."""
        if not self._background:
            return None
        if self._worker is None:
            try:
                self._worker = LineWorker(self._module)
            except WorkerGone as error:
                self._give_up(error)
            self._unsent = self._setup  # a new worker: this build's setup goes first
        return self._worker

    def _collect(self, *, wait: bool) -> None:
        """Take the worker's answers, in order (``wait``: all of them)."""
        while self._sent:
            worker = self._worker
            if worker is not None and not wait and not worker.ready():
                return
            keys, jobs = self._sent.popleft()
            self._done.extend(zip(keys, self._answer(worker, jobs), strict=True))

    def _answer(self, worker: LineWorker | None, jobs: list[Any]) -> list[R]:
        """The worker's results for the batch ``jobs``; if it has died, done here."""
        if worker is not None:
            try:
                rows = worker.answer(_WAIT)
                if not isinstance(rows, list) or len(rows) != len(jobs):
                    raise TypeError(f"not one result a job: {rows!r:.200}")
                return [self._decode(row) for row in rows]
            except (WorkerGone, TypeError, ValueError) as error:  # killed, out of memory
                self._give_up(error)
        return self._run_here(jobs)

    def _give_up(self, error: BaseException) -> None:
        log.debug("%s: no worker process (%s); working here", self._name, error)
        self.close()
        self._background = False
