"""Formatting a build's entries on the machine's other core while pages render.

citeproc-py takes about 1.4 ms an entry (AMA) to 7 ms (APA): a thousand-entry
bibliography would cost a build seconds on the main core. :class:`EntryFormatter`
starts a worker process (:mod:`tiered.citations.worker`, through
:class:`~tiered.common.worker.LineWorker`) on every entry as soon as the bibliography
is read, in requests of 32 entries; the reference lists are written after every page has
rendered, and by then the worker is usually done. An entry the worker has not
delivered yet is waited for while it works, and formatted in-process if it has died. Entries
already formatted in this process (a ``mkdocs serve`` rebuild) are not formatted
again, and a small batch, or a machine with one core, needs no worker at all.

One cache holds every formatted entry, keyed by what the text depends on: the
entry's CSL-JSON (by its digest), the style and the year suffix.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

from tiered.citations import authordate
from tiered.citations.markup import ascii_html
from tiered.common.worker import LineWorker, WorkerGone, cores

# Below this many entries to format, starting a worker costs more than it saves.
WORKER_THRESHOLD = 200
# Entries as they go in a page (ASCII HTML, year suffix in), by (CSL-JSON, style,
# suffix), for the life of the process: a ``mkdocs serve`` rebuild formats nothing again.
_CACHE: dict[tuple[bytes, str, str], str] = {}
_CACHE_LIMIT = 50_000
# How long an entry waits for the worker before the main process formats it itself.
_WORKER_WAIT = 120.0
# Entries a request: each answer wakes the build's reader thread, so not one an entry.
_BATCH = 32


def _cache_key(csl: Mapping[str, Any], style: str, suffix: str) -> tuple[bytes, str, str]:
    """What an entry's text depends on: a digest of its CSL-JSON (the JSON itself, held
    for every entry of a library, was 0.75 MiB), the style and the year suffix."""
    text = json.dumps(csl, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hashlib.blake2b(text, digest_size=16).digest(), style, suffix


class EntryFormatter:
    """The formatted entries of one build, by key.

    Args:
        entries: CSL-JSON entries by key.
        style: The citation style.
        suffixes: Year suffixes (author-date styles), key -> letter.
        background: Use a worker process when there are enough entries to format.
    """

    def __init__(
        self,
        entries: Mapping[str, dict[str, Any]],
        style: str,
        suffixes: Mapping[str, str] | None = None,
        *,
        background: bool = True,
    ) -> None:
        self.entries = entries
        self.style = style
        self.suffixes = suffixes or {}
        self.delivered: dict[str, str] = {}  # by the worker, not yet asked for
        self.worker: LineWorker | None = None
        self._batches = 0  # sent to the worker and not yet answered
        suffix = self.suffixes.get
        self._keys = {key: _cache_key(csl, style, suffix(key, "")) for key, csl in entries.items()}
        todo = [[key, csl] for key, csl in entries.items() if self._keys[key] not in _CACHE]
        if background and len(todo) >= WORKER_THRESHOLD and cores() > 1:
            self._start(todo)

    def _start(self, todo: list[list[Any]]) -> None:
        try:
            self.worker = LineWorker("tiered.citations.worker")
        except WorkerGone:
            return  # no worker: every entry is formatted here
        for start in range(0, len(todo), _BATCH):
            self.worker.send({"style": self.style, "entries": todo[start : start + _BATCH]})
            self._batches += 1
        self.worker.finish()

    def _take(self, *, until: str | None = None, timeout: float | None = _WORKER_WAIT) -> None:
        """Take the worker's answers in: all of them, or until entry ``until`` is in."""
        while self.worker is not None and self._batches and until not in self.delivered:
            try:
                answer = self.worker.answer(timeout)
            except WorkerGone:
                self._batches = 0  # a dead worker: the main process formats the rest
                return
            self._batches -= 1
            self.delivered.update((str(key), str(text)) for key, text in answer)

    def __call__(self, key: str) -> str:
        """The entry with key ``key`` as it goes in a page: ASCII HTML, year suffix in."""
        cache_key = self._keys[key]
        text = _CACHE.get(cache_key)
        if text is None:
            csl = self.entries[key]
            if key not in self.delivered:
                # The worker formats faster than pages render, so it is done by the time
                # a library's pages need their entries; where it is not (a small site),
                # waiting for it beats loading citeproc-py and lxml here (9 MiB).
                self._take(until=key)
            raw = self.delivered.pop(key, None)  # kept once, in _CACHE
            if raw is None:
                # No worker (few entries, one core) or a dead one: format here.
                from tiered.citations import styles  # noqa: PLC0415

                raw = styles.format_entry(csl, self.style)
            suffix = cache_key[2]
            text = ascii_html(authordate.with_suffix(raw, authordate.year(csl), suffix))
            if len(_CACHE) >= _CACHE_LIMIT:
                _CACHE.clear()
            _CACHE[cache_key] = text
        return text

    def wait(self, timeout: float | None = None) -> None:
        """Let the worker finish (tests; a build waits only for an entry it needs)."""
        self._take(timeout=timeout)

    def close(self) -> None:
        """Stop the worker; entries it has not delivered are dropped."""
        if self.worker is not None:
            self.worker.close()
            self.worker = None
        self._batches = 0
