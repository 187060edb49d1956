"""Page work on the machine's other core while MkDocs renders: one mechanism, any task.

Reading a tier page's article and measuring or checking it costs a millisecond or
more, on the one core MkDocs renders with. A :class:`Background` hands pages, in
batches as they render, to a worker process; the plugin takes the results back as they
come (:meth:`Background.done`) and the rest when every page is rendered
(:meth:`Background.results`, in ``on_env``). The worker keeps pace with the build, so
the end waits for the last batch only.

Every plugin's tasks run in one worker, ``python -m tiered.common.pageworker``
(through :class:`~tiered.common.worker.LineWorker`; its ``main`` is :func:`serve`): one
interpreter, its word lists loaded once, and a page that two tasks read is parsed once
there. Each request names its task (``"module:Class"``, imported in the worker on first
use), so this module imports no plugin. The worker answers in the order of the requests,
whoever sent them; :class:`_SharedWorker` hands each answer to its sender.

Two tasks often read the same page (tiered/plain's checks and tiered/readability's
measures take the same rendered HTML): a long text is sent to the worker once. A job
field (the job itself, or an item of a job that is a list) that is the very string
object sent with one of the last :data:`KEPT_TEXTS` long texts goes as a reference to
it (:class:`_SentTexts`); the worker puts the text back before the task sees the job.

A site of fewer pages than :data:`BACKGROUND_PAGES`, a machine with one core, or a
worker that fails: the same :class:`Task` runs here, on the same plain data, so the
results are the same. Jobs and results are JSON values; each result goes through the
caller's ``decode`` either way.
"""

from __future__ import annotations

import importlib
import itertools
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
# How long collecting waits for the worker's next answer before doing the work here.
_WAIT = 60.0
# The worker's module: its main is serve().
WORKER = "tiered.common.pageworker"
# A job's text this long or longer is sent once, then referred to (see _SentTexts).
LONG_TEXT = 2048
# How many of the last long texts each side keeps: two batches of pages a task, for
# two tasks that take a page's text one batch after the other.
KEPT_TEXTS = 4 * BATCH

K = TypeVar("K")  # what the caller knows a page by
R = TypeVar("R")  # a page's result, decoded


class Task(Protocol):
    """Work on pages as plain data: the same object runs in the worker and here.

    Its class is made without arguments in the worker (``Class()``).
    """

    def setup(self, data: Any) -> None:
        """This build's settings (a JSON value), before its first batch."""

    def run(self, jobs: list[Any]) -> list[Any]:
        """One JSON-able result per job, in order."""


def serve() -> None:
    """The worker's ``main``: one line a batch in, ``[task, setup, jobs, shared]``; one
    line out.

    ``task`` is ``"module:Class"``; ``setup`` is ``null`` but in the first batch of a
    build (or of a worker) for that task; ``shared``: the job fields sent as references
    to earlier texts (see :class:`_SentTexts`).
    """
    tasks: dict[str, Task] = {}
    texts = _ReceivedTexts()
    for line in sys.stdin:
        ref, setup, jobs, shared = json.loads(line)
        texts.restore(jobs, shared)
        task = tasks.get(ref)
        if task is None:
            module, _, name = ref.partition(":")
            task = tasks[ref] = getattr(importlib.import_module(module), name)()
        if setup is not None:
            task.setup(setup)
        sys.stdout.write(json.dumps(task.run(jobs), ensure_ascii=False) + "\n")
        sys.stdout.flush()


def _long_texts(jobs: list[Any]) -> list[tuple[int, int, str]]:
    """The long texts among ``jobs``' fields, in order: ``(job, field or -1, text)``.

    A field is the job itself or an item of a job that is a list; both sides of the
    pipe find the same ones, so each numbers them the same way.
    """
    found = []
    for index, job in enumerate(jobs):
        if isinstance(job, str):
            if len(job) >= LONG_TEXT:
                found.append((index, -1, job))
        elif isinstance(job, list):
            for field, item in enumerate(job):
                if isinstance(item, str) and len(item) >= LONG_TEXT:
                    found.append((index, field, item))
    return found


class _SentTexts:
    """The long texts last sent to one worker, numbered in the order sent.

    A job field that is one of them (the same object, as when two plugins hand over
    the page's HTML MkDocs gave them) is sent as ``null`` and named in the request's
    ``shared`` list, ``[job, field or -1, number]``. Only the last :data:`KEPT_TEXTS`
    are referred to; the worker (:class:`_ReceivedTexts`) keeps as many.
    """

    def __init__(self) -> None:
        self._by_id: dict[int, tuple[int, str]] = {}  # id(text): its number, the text
        self._order: deque[int] = deque()  # ids, oldest first
        self._count = 0

    def share(self, jobs: list[Any]) -> tuple[list[Any], list[list[int]]]:
        """``jobs`` as sent (texts sent before left out) and what stands for them."""
        shared: list[list[int]] = []
        sent = jobs
        for index, field, text in _long_texts(jobs):
            known = self._by_id.get(id(text))
            if known is not None and known[1] is text:
                if sent is jobs:
                    sent = [list(job) if isinstance(job, list) else job for job in jobs]
                if field < 0:
                    sent[index] = None
                else:
                    sent[index][field] = None
                shared.append([index, field, known[0]])
                continue
            self._by_id[id(text)] = (self._count, text)
            self._order.append(id(text))
            self._count += 1
            if len(self._order) > KEPT_TEXTS:
                del self._by_id[self._order.popleft()]
        return sent, shared


class _ReceivedTexts:
    """The worker's side of :class:`_SentTexts`: the last long texts, by number."""

    def __init__(self) -> None:
        self._texts: dict[int, str] = {}
        self._count = 0

    def restore(self, jobs: list[Any], shared: list[list[int]]) -> None:
        """Put the texts sent before back into ``jobs``; number the new ones.

        In the order the sender met them: a text sent whole earlier in the same batch
        can stand for a later field.
        """
        refer = {(index, field): number for index, field, number in shared}
        for index, job in enumerate(jobs):
            if isinstance(job, list):
                for field, item in enumerate(job):
                    job[field] = self._take(refer.get((index, field)), item)
            else:
                jobs[index] = self._take(refer.get((index, -1)), job)

    def _take(self, number: int | None, item: Any) -> Any:
        if number is not None:
            return self._texts[number]
        if isinstance(item, str) and len(item) >= LONG_TEXT:
            self._texts[self._count] = item
            self._texts.pop(self._count - KEPT_TEXTS, None)
            self._count += 1
        return item


class _SharedWorker:
    """The one worker process, and whose each answer is.

    Each :class:`Background` joins it with a key of its own; its answers wait in its
    inbox, tagged with the worker's generation (a process started after one died is
    the next), until it asks for them. The process stops when the last one leaves.
    """

    def __init__(self) -> None:
        self.worker: LineWorker | None = None
        self.generation = 0
        self._inboxes: dict[int, deque[tuple[int, Any]]] = {}
        self._senders: deque[int] = deque()  # whose each unanswered request is
        self._texts = _SentTexts()  # the long texts the running worker has

    def join(self, owner: int) -> int:
        """The running worker's generation, the worker started if need be.

        Raises:
            WorkerGone: It could not be started.
        """
        if self.worker is None:
            self.worker = LineWorker(WORKER)
            self.generation += 1
        self._inboxes.setdefault(owner, deque())
        return self.generation

    def send(self, owner: int, task: str, setup: Any, jobs: list[Any]) -> None:
        """Queue a batch of ``jobs`` for ``task`` to the running worker (:meth:`join` first)."""
        assert self.worker is not None
        sent, shared = self._texts.share(jobs)
        self.worker.send([task, setup, sent, shared])
        self._senders.append(owner)

    def ready(self, owner: int, generation: int) -> bool:
        """Whether :meth:`answer` would return (or raise) at once."""
        inbox = self._inboxes.get(owner)
        worker = self.worker
        if inbox is None or worker is None or generation != self.generation:
            return True
        try:
            while not inbox and worker.ready():
                self._route(worker, 0.0)
        except WorkerGone:
            self._lost()
        return bool(inbox) or self.worker is None

    def answer(self, owner: int, generation: int, timeout: float) -> Any:
        """``owner``'s next answer, to a request sent to worker ``generation``.

        Raises:
            WorkerGone: That worker exited (or did not answer within ``timeout``)
                before answering it.
        """
        inbox = self._inboxes.get(owner)
        if inbox is None:
            raise WorkerGone("not joined")
        while True:
            if inbox:
                answered_by, item = inbox[0]
                if answered_by >= generation:
                    if answered_by > generation:  # its worker died before answering
                        raise WorkerGone("the worker has exited")
                    inbox.popleft()
                    return item
                inbox.popleft()  # a dead worker's, asked for no more
                continue
            worker = self.worker
            if worker is None or generation != self.generation:
                raise WorkerGone("the worker has exited")
            try:
                self._route(worker, timeout)
            except WorkerGone:
                self._lost()
                raise

    def leave(self, owner: int) -> None:
        """``owner`` asks for nothing more; the worker stops if it was the last."""
        self._inboxes.pop(owner, None)
        if not self._inboxes and self.worker is not None:
            self._lost()

    def _route(self, worker: LineWorker, timeout: float) -> None:
        item = worker.answer(timeout)
        inbox = self._inboxes.get(self._senders.popleft())
        if inbox is not None:  # else its sender has left
            inbox.append((self.generation, item))

    def _lost(self) -> None:
        if self.worker is not None:
            self.worker.close()
            self.worker = None
        self._senders.clear()
        self._texts = _SentTexts()  # nor its texts held


_SHARED = _SharedWorker()
_OWNERS = itertools.count()  # each Background's key in it


class Background(Generic[K, R]):
    """Runs ``task`` on pages, maybe in the worker; results by key, in order.

    Args:
        task: The task, for pages done in this process; the worker makes its own of
            the same class.
        decode: A result (JSON value) to what the caller takes; it raises
            ``TypeError`` or ``ValueError`` on a line that is not a result.
        name: The plugin, for the debug message when the worker is given up.
    """

    def __init__(self, task: Task, decode: Callable[[Any], R], name: str) -> None:
        self._task = task
        self._owner = next(_OWNERS)
        self._ref = f"{type(task).__module__}:{type(task).__qualname__}"
        self._decode = decode
        self._name = name
        self._background = False
        self._setup: Any = None
        self._set_up: int | None = None  # the worker generation with this build's setup
        self._here: Any = None  # the setup, until this process's task has it
        self._batch: list[tuple[K, Any]] = []
        # Sent, not answered yet: the worker generation sent to, the keys and jobs.
        self._sent: deque[tuple[int, list[K], list[Any]]] = deque()
        self._done: list[tuple[K, R]] = []

    def start(self, pages: int, setup: Any = None) -> None:
        """A build of ``pages`` documentation pages begins, with ``setup`` for the task."""
        if self._sent:  # a build that stopped half-way: its answers are not this one's
            self.close()
            self._sent.clear()
        self._batch, self._done = [], []
        self._background = pages >= BACKGROUND_PAGES and cores() > 1
        self._setup = self._here = setup
        self._set_up = None

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
        """Ask the worker for nothing more (it stops when no task needs it)."""
        _SHARED.leave(self._owner)

    def _send(self) -> None:
        if not self._batch:
            return
        keys = [key for key, _job in self._batch]
        jobs = [job for _key, job in self._batch]
        self._batch = []
        generation = self._running()
        if generation is None:
            self._done.extend(zip(keys, self._run_here(jobs), strict=True))
            return
        setup = None if self._set_up == generation else self._setup
        _SHARED.send(self._owner, self._ref, setup, jobs)
        self._set_up = generation
        self._sent.append((generation, keys, jobs))

    def _run_here(self, jobs: list[Any]) -> list[R]:
        if self._here is not None:
            self._task.setup(self._here)
            self._here = None
        # Through JSON as from the worker: the same values (tuples become lists).
        return [self._decode(row) for row in json.loads(json.dumps(self._task.run(jobs)))]

    def _running(self) -> int | None:
        """The worker's generation, the worker started on first use; None: work here."""
        if not self._background:
            return None
        try:
            return _SHARED.join(self._owner)
        except WorkerGone as error:
            self._give_up(error)
            return None

    def _collect(self, *, wait: bool) -> None:
        """Take the worker's answers, in order (``wait``: all of them)."""
        while self._sent:
            generation, keys, jobs = self._sent[0]
            if not wait and self._background and not _SHARED.ready(self._owner, generation):
                return
            self._sent.popleft()
            self._done.extend(zip(keys, self._answer(generation, jobs), strict=True))

    def _answer(self, generation: int, jobs: list[Any]) -> list[R]:
        """The worker's results for the batch ``jobs``; if it has died, done here."""
        if self._background:
            try:
                rows = _SHARED.answer(self._owner, generation, _WAIT)
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
