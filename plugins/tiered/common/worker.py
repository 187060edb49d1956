"""A worker process on the machine's other core: JSON lines in, one JSON line out each.

MkDocs renders on one core. Work that needs only plain data (formatting an entry,
measuring a page's text) can run beside it in ``python -m <module>``, a module whose
``main`` reads requests from standard input, one JSON line each, and writes one answer
line per request, in order. A subprocess rather than :mod:`multiprocessing`: a spawned
child would import the script that started the build as ``__main__`` (run again, if
it has no ``if __name__ == "__main__"`` guard), and a forked one would copy a serving
process's threads.

The build never blocks on the pipes: a thread writes the requests, another reads the
answers. :meth:`LineWorker.answer` waits for one; if the worker dies, or was never
started, it says so and the caller does the work itself.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import subprocess
import sys
import threading
from typing import IO, Any


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class WorkerGone(Exception):
    """The worker process is not there (never started, exited or killed)."""


_END = object()  # the reader's last word: no more answers


class LineWorker:
    """``python -m module``, fed requests as JSON lines; answers come in request order.

    Raises:
        WorkerGone: The process could not be started.
    """

    def __init__(self, module: str) -> None:
        try:
            self._process = subprocess.Popen(
                [sys.executable, "-m", module],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
        except OSError as error:
            raise WorkerGone(str(error)) from error
        stdin, stdout = self._process.stdin, self._process.stdout
        assert stdin is not None and stdout is not None
        self._requests: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self._answers: queue.SimpleQueue[object] = queue.SimpleQueue()
        self._writer = threading.Thread(target=self._write, args=(stdin,), daemon=True)
        self._reader = threading.Thread(target=self._read, args=(stdout,), daemon=True)
        self._writer.start()
        self._reader.start()
        self._gone = False

    def send(self, request: Any) -> None:
        """Queue one request (returns at once; the writer thread hands it over)."""
        self._requests.put(json.dumps(request, ensure_ascii=False).encode("utf-8") + b"\n")

    def finish(self) -> None:
        """No more requests: the worker exits once it has answered them."""
        self._requests.put(None)

    def ready(self) -> bool:
        """Whether :meth:`answer` would return (or raise) at once."""
        return not self._answers.empty()

    def answer(self, timeout: float | None = None) -> Any:
        """The next answer, in the order of the requests.

        Raises:
            WorkerGone: The worker exited (or did not answer within ``timeout``).
        """
        if self._gone:
            raise WorkerGone("the worker has exited")
        try:
            item = self._answers.get(timeout=timeout)
        except queue.Empty as error:
            raise WorkerGone(f"no answer within {timeout} s") from error
        if item is _END:
            self._gone = True
            raise WorkerGone("the worker has exited")
        return item

    def close(self) -> None:
        """Stop the worker now; unanswered requests are dropped."""
        if self._process.poll() is None:
            self._process.kill()
        self._process.wait()
        self._requests.put(None)
        self._writer.join()
        self._reader.join()
        if self._process.stdout is not None:
            self._process.stdout.close()

    def _write(self, stdin: IO[bytes]) -> None:
        try:
            while (request := self._requests.get()) is not None:
                stdin.write(request)
                stdin.flush()
        except (OSError, ValueError):
            pass  # the worker has gone: the reader says so
        finally:
            with contextlib.suppress(OSError):
                stdin.close()

    def _read(self, stdout: IO[bytes]) -> None:
        try:
            for line in stdout:
                self._answers.put(json.loads(line))
        except (OSError, ValueError):
            pass
        finally:
            self._answers.put(_END)
