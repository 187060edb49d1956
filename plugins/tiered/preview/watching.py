"""The preview's file watcher: the operating system's change notices instead of polling.

MkDocs 1.6's live-reload server (``mkdocs/livereload``) watches with watchdog's
``PollingObserver``: every half second it lists and stats every file under ``docs/``.
At 1,000 topics that is 5,000 files and about 0.2 s of the server's time a poll, taken
from the rebuild that runs in the same process, and a save waits for the next poll
before its rebuild starts. The operating system can say instead (watchdog's
``Observer``: inotify on Linux, FSEvents on macOS, ReadDirectoryChangesW on Windows): a
save is known at once, and nothing is spent between saves.

MkDocs has no option for it; its ``on_serve`` event hands plugins the server before it
starts, with ``docs/`` and ``mkdocs.yml`` already watched. :func:`watch_natively` takes
those watches back through the server's public ``unwatch``, gives it a
:class:`ChangeObserver` (the server starts and stops whatever its ``observer`` is), and
watches them again through ``watch``; later ``watch`` calls (other plugins' files,
``mkdocs.yml``'s ``watch:`` list) land on it too. Two ways a native observer differs
from polling, handled here:

- it reports reads (a file opened, a file closed unwritten), and every build reads
  pages: each build would start the next. Only changes are asked for.
- a watch on one file follows that file's inode: an editor that saves by writing a new
  file and renaming it over the old one (many do) would end the watch at the first
  save. A file is watched through its folder, keeping that file's events only.

If the system refuses (a watch limit reached, no native observer on the platform), the
server keeps polling, and :func:`watch_natively` says why.

Top floor (it knows MkDocs' live-reload server and watchdog).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import watchdog.events
from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

if TYPE_CHECKING:
    from mkdocs.livereload import LiveReloadServer
    from watchdog.observers.api import BaseObserver, ObservedWatch

# What a save, a new file, a deletion or a rename sends, and a `touch` (an attribute
# change: watchdog 7 has its own event for it); not what a read sends (FileOpenedEvent,
# FileClosedNoWriteEvent). A directory's events only keep a recursive watch following
# new and moved folders (MkDocs ignores them).
CHANGES: list[type[FileSystemEvent]] = [
    FileCreatedEvent,
    FileModifiedEvent,
    FileDeletedEvent,
    FileMovedEvent,
    FileClosedEvent,
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    *(
        getattr(watchdog.events, name)
        for name in ("FileAttribEvent", "DirAttribEvent")
        if hasattr(watchdog.events, name)
    ),
]


class _OneFile(FileSystemEventHandler):
    """Passes on the events of one file of the folder it watches."""

    def __init__(self, path: str, handler: FileSystemEventHandler) -> None:
        self.path = path
        self.handler = handler

    def dispatch(self, event: FileSystemEvent) -> None:
        paths = {os.fsdecode(event.src_path), os.fsdecode(event.dest_path)}
        if self.path in paths:
            self.handler.dispatch(event)


@dataclass(frozen=True, eq=False)
class _Watch:
    """What :meth:`ChangeObserver.schedule` hands back: one caller's watch."""

    watch: ObservedWatch
    handler: FileSystemEventHandler = field(repr=False)


class ChangeObserver:
    """A native watchdog observer, driven the way the live-reload server drives its own.

    Started when made, so that each watch starts as it is scheduled and a refusal shows
    there (``OSError``), not later in the server's ``serve()``, whose ``start()`` call
    is then a no-op.
    """

    def __init__(self) -> None:
        observer = Observer()
        if isinstance(observer, PollingObserver):
            raise OSError("watchdog has no native observer on this system")
        self._observer: BaseObserver = observer
        self._handlers: dict[ObservedWatch, int] = {}
        observer.start()

    def schedule(
        self, event_handler: FileSystemEventHandler, path: str, *, recursive: bool = False
    ) -> _Watch:
        """Watch ``path`` (a folder, or a file through its folder) for changes."""
        if Path(path).is_file():
            event_handler = _OneFile(path, event_handler)
            path, recursive = str(Path(path).parent), False
        # Two files of one folder share its watch: each keeps its own handler on it.
        watch = self._observer.schedule(
            event_handler, path, recursive=recursive, event_filter=CHANGES
        )
        self._handlers[watch] = self._handlers.get(watch, 0) + 1
        return _Watch(watch, event_handler)

    def unschedule(self, ref: _Watch) -> None:
        """Stop one :meth:`schedule`'s watch (the folder's, once no file of it is left)."""
        left = self._handlers.pop(ref.watch, 1) - 1
        if left > 0:
            self._handlers[ref.watch] = left
            self._observer.remove_handler_for_watch(ref.handler, ref.watch)
        else:
            self._observer.unschedule(ref.watch)

    def start(self) -> None:
        """Already started (see the class)."""

    def stop(self) -> None:
        self._observer.stop()

    def join(self, timeout: float | None = None) -> None:
        self._observer.join(timeout)

    def is_alive(self) -> bool:
        return self._observer.is_alive()


def watch_natively(server: LiveReloadServer) -> str | None:
    """Move ``server``'s watches to a :class:`ChangeObserver`.

    Returns None, or why the system refused (``server`` then polls, as it did).
    """
    polling = server.observer
    # The path as watched: watchdog 7 watches a file through its folder (``path``).
    paths = sorted(
        {
            (getattr(e.watch, "raw_path", e.watch.path), e.watch.is_recursive)
            for e in polling.emitters
        }
    )
    try:
        native = ChangeObserver()
    except OSError as err:
        return str(err)
    moved = [(path, recursive, _unwatch(server, path)) for path, recursive in paths]
    server.observer = native  # type: ignore[assignment]  # the same calls, another class
    try:
        _rewatch(server, moved)
    except _Refused as refused:
        for path, _recursive, _count in moved:
            _unwatch(server, path)
        native.stop()
        server.observer = polling
        _rewatch(server, moved)
        return str(refused)
    return None


class _Refused(Exception):
    """The system would not watch ``path``."""

    def __init__(self, path: str, err: OSError) -> None:
        super().__init__(f"{path}: {err.strerror or err}")


def _unwatch(server: LiveReloadServer, path: str) -> int:
    """Take back every watch of ``path`` (``watch`` counts them); return how many."""
    count = 0
    while True:
        try:
            server.unwatch(path)
        except KeyError:  # unwatch's way of saying there is none left
            return count
        count += 1


def _rewatch(server: LiveReloadServer, moved: list[tuple[str, bool, int]]) -> None:
    for path, recursive, count in moved:
        for _ in range(count):
            try:
                server.watch(path, recursive=recursive)
            except OSError as err:
                raise _Refused(path, err) from err
