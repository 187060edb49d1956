"""Formatting a build's entries on the machine's other core while pages render.

citeproc-py takes about 1.4 ms an entry (AMA) to 7 ms (APA): a thousand-entry
bibliography would cost a build seconds on the main core. :class:`EntryFormatter`
starts a worker process (:mod:`tiered.citations.worker`) on every entry as soon as
the bibliography is read; the reference lists are written after every page has
rendered, and by then the worker is usually done. The main process never waits for
it: an entry the worker has not delivered yet is formatted in-process. Entries
already formatted in this process (a ``mkdocs serve`` rebuild) are not formatted
again, and a small batch, or a machine with one core, needs no worker at all.

One cache holds every formatted entry, keyed by what the text depends on: the
entry's CSL-JSON (by its digest), the style and the year suffix.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import threading
from collections.abc import Mapping
from typing import IO, Any

from tiered.citations import authordate
from tiered.citations.markup import ascii_html
from tiered.common.worker import cores

# Below this many entries to format, starting a worker costs more than it saves.
WORKER_THRESHOLD = 200
# Entries as they go in a page (ASCII HTML, year suffix in), by (CSL-JSON, style,
# suffix), for the life of the process: a ``mkdocs serve`` rebuild formats nothing again.
_CACHE: dict[tuple[bytes, str, str], str] = {}
_CACHE_LIMIT = 50_000
# How long an entry waits for the worker before the main process formats it itself.
_WORKER_WAIT = 120.0


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
        self.delivered: dict[str, str] = {}  # by the worker; filled by its reader thread
        self.worker: subprocess.Popen[bytes] | None = None
        self._reader: threading.Thread | None = None
        suffix = self.suffixes.get
        self._keys = {key: _cache_key(csl, style, suffix(key, "")) for key, csl in entries.items()}
        todo = [[key, csl] for key, csl in entries.items() if self._keys[key] not in _CACHE]
        if background and len(todo) >= WORKER_THRESHOLD and cores() > 1:
            self._start(todo)

    def _start(self, todo: list[list[Any]]) -> None:
        job = json.dumps({"style": self.style, "entries": todo}, ensure_ascii=False)
        try:
            self.worker = subprocess.Popen(
                [sys.executable, "-m", "tiered.citations.worker"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
        except OSError:
            return  # no worker: every entry is formatted here
        stdin, stdout = self.worker.stdin, self.worker.stdout
        assert stdin is not None and stdout is not None
        self._reader = threading.Thread(
            target=self._exchange, args=(job.encode("utf-8"), stdin, stdout), daemon=True
        )
        self._reader.start()

    def _exchange(self, job: bytes, stdin: IO[bytes], stdout: IO[bytes]) -> None:
        """Hand the worker its job, then collect what it writes (a thread of its own)."""
        try:
            stdin.write(job)
            stdin.close()
            for line in stdout:
                key, text = json.loads(line)
                self.delivered[key] = text  # one dict store: atomic under the GIL
        except (OSError, ValueError):
            return  # a closed or dead worker: the main process formats the rest

    def __call__(self, key: str) -> str:
        """The entry with key ``key`` as it goes in a page: ASCII HTML, year suffix in."""
        cache_key = self._keys[key]
        text = _CACHE.get(cache_key)
        if text is None:
            csl = self.entries[key]
            raw = self.delivered.pop(key, None)  # kept once, in _CACHE
            if raw is None and self._reader is not None and self._reader.is_alive():
                # The worker formats faster than pages render, so it is done by the time
                # a library's pages need their entries; where it is not (a small site),
                # waiting for it beats loading citeproc-py and lxml here (9 MiB).
                self._reader.join(_WORKER_WAIT)
                raw = self.delivered.pop(key, None)
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
        if self._reader is not None:
            self._reader.join(timeout)

    def close(self) -> None:
        """Stop the worker; entries it has not delivered are dropped."""
        if self.worker is not None:
            if self.worker.poll() is None:
                self.worker.kill()
            self.worker.wait()
            if self.worker.stdout is not None:
                self.worker.stdout.close()
            self.worker = None
        if self._reader is not None:
            self._reader.join()
            self._reader = None
