"""The preview's file watcher: the system's change notices, and polling when it refuses.

Events are waited for with a deadline, never a fixed sleep: a watcher hands over events in
the order the system saw them, so once the event of a later write has arrived, any event
of what came before it has too.
"""

from __future__ import annotations

import logging
import os
import queue
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import yaml
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from mkdocs.livereload import LiveReloadServer
from tiered.preview.watching import ChangeObserver, watch_natively
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers.polling import PollingObserver

from tests.serve_support import fetch, serving, wait_for

WAIT = 30.0


class _Events(FileSystemEventHandler):
    """The paths of the events a watch reports, in order."""

    def __init__(self) -> None:
        self.paths: queue.Queue[str] = queue.Queue()

    def on_any_event(self, event: FileSystemEvent) -> None:
        self.paths.put(os.fsdecode(event.dest_path or event.src_path))

    def until(self, path: Path) -> list[str]:
        """Every path reported up to and including the first event of ``path``."""
        seen = []
        while str(path) not in seen:
            seen.append(self.paths.get(timeout=WAIT))
        return seen


def _replace(path: Path, text: str) -> None:
    """Save the way many editors do: a new file renamed over the old one."""
    new = path.with_name(f".{path.name}.new")
    new.write_text(text, encoding="utf-8")
    new.replace(path)


def test_a_read_is_not_a_change_and_a_save_is(tmp_path: Path) -> None:
    page, other = tmp_path / "page.md", tmp_path / "other.md"
    page.write_text("# Page\n", encoding="utf-8")
    events = _Events()
    observer = ChangeObserver()
    try:
        observer.schedule(events, str(tmp_path), recursive=True)
        # What every build does to every page: open, read, close. MkDocs rebuilds on any
        # event, so a watcher that reported reads would rebuild for ever.
        assert page.read_text(encoding="utf-8") == "# Page\n"
        other.write_text("A save.\n", encoding="utf-8")
        assert set(events.until(other)) == {str(other)}
        page.write_text("# Page, saved\n", encoding="utf-8")
        assert str(page) in events.until(page)
    finally:
        observer.stop()


def test_a_file_replaced_by_a_rename_stays_watched_and_its_neighbours_are_not(
    tmp_path: Path,
) -> None:
    config, neighbour = tmp_path / "mkdocs.yml", tmp_path / "notes.txt"
    glossary = tmp_path / "glossary.yml"
    config.write_text("site_name: One\n", encoding="utf-8")
    glossary.write_text("terms: []\n", encoding="utf-8")
    events, later = _Events(), _Events()
    observer = ChangeObserver()
    try:
        observer.schedule(events, str(config), recursive=True)
        for name in ("Two", "Three"):  # a watch on the old file would miss the second
            neighbour.write_text(name, encoding="utf-8")
            _replace(config, f"site_name: {name}\n")
            assert set(events.until(config)) <= {str(config)}
        # A second file of the same folder: its own events only, and the first keeps its.
        ref = observer.schedule(later, str(glossary))
        _replace(glossary, "terms: [] # saved\n")
        assert set(later.until(glossary)) == {str(glossary)}
        observer.unschedule(ref)
        _replace(glossary, "terms: [] # saved again\n")  # no longer watched
        _replace(config, "site_name: Four\n")  # still watched: after it, nothing comes
        assert set(events.until(config)) <= {str(config)}
        assert later.paths.empty()
    finally:
        observer.stop()


@contextmanager
def _server(tmp_path: Path) -> Iterator[LiveReloadServer]:
    """MkDocs' live-reload server, made as ``mkdocs serve`` makes it, never started."""
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    try:
        yield server
    finally:
        server.observer.stop()
        server.server_close()


def test_the_watches_move_to_the_system_watcher_with_their_counts(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: T\n", encoding="utf-8")
    with _server(tmp_path) as server:
        for path in ("docs", "docs", "mkdocs.yml"):  # MkDocs counts a path watched twice
            server.watch(str(tmp_path / path))
        assert watch_natively(server) is None
        assert isinstance(server.observer, ChangeObserver)
        for path in ("docs", "docs", "mkdocs.yml"):
            server.unwatch(str(tmp_path / path))
        with pytest.raises(KeyError):
            server.unwatch(str(tmp_path / "docs"))


def test_the_server_keeps_polling_when_the_system_refuses(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    with _server(tmp_path) as server:
        server.watch(str(docs))
        docs.rmdir()  # nothing left to watch: the system says no
        reason = watch_natively(server)
        assert reason is not None
        assert reason == f"{docs}: No such file or directory"
        assert isinstance(server.observer, PollingObserver)
        assert [emitter.watch.path for emitter in server.observer.emitters] == [str(docs)]
        server.unwatch(str(docs))


def test_the_plugin_says_when_the_server_keeps_polling(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    _write_site(tmp_path, {})
    config = load_config(config_file=str(tmp_path / "mkdocs.yml"))
    gone = tmp_path / "gone"
    gone.mkdir()
    with _server(tmp_path) as server:
        server.watch(str(gone))
        gone.rmdir()
        with caplog.at_level(logging.WARNING, logger="mkdocs"):
            served = config.plugins.on_serve(server, config=config, builder=lambda: None)
        assert served is server
        assert isinstance(server.observer, PollingObserver)
    assert [record.getMessage() for record in caplog.records] == [
        f"tiered: the system does not watch the files for changes ({gone}: No such file or "
        "directory): MkDocs polls them instead; set tiered/preview's option 'watch: polling' "
        "to say so"
    ]


def _write_site(root: Path, preview: dict[str, Any]) -> None:
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("# Home\n\nFirst text.\n", encoding="utf-8")
    settings = {"site_name": "Watch test", "plugins": ["search", {"tiered/preview": preview}]}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(settings), encoding="utf-8")


@pytest.mark.parametrize("watch", ["native", "polling"])
def test_serve_reloads_a_saved_page_and_a_replaced_config(tmp_path: Path, watch: str) -> None:
    _write_site(tmp_path, {"watch": watch})
    page, config = tmp_path / "docs" / "index.md", tmp_path / "mkdocs.yml"
    with serving(tmp_path, "--dirty") as url:
        wait_for(url, "First text.", 120)
        page.write_text("# Home\n\nSecond text.\n", encoding="utf-8")
        wait_for(url, "Second text.", 60)
        _replace(page, "# Home\n\nThird text.\n")
        wait_for(url, "Third text.", 60)
        # A dirty rebuild renders no unchanged page again (no plugin here empties the
        # site): a rebuild shows as the build's epoch in the served live-reload script.
        for name in ("Renamed once", "Renamed twice"):
            epoch = _epoch(fetch(url))
            settings = yaml.safe_load(config.read_text(encoding="utf-8"))
            _replace(config, yaml.safe_dump({**settings, "site_name": name}))
            _wait_for_epoch_after(url, epoch)


def _epoch(html: str) -> int:
    found = re.search(r"livereload\((\d+),", html)
    assert found is not None, "no live-reload script"
    return int(found[1])


def _wait_for_epoch_after(url: str, epoch: int) -> None:
    deadline = time.monotonic() + 60
    while _epoch(fetch(url)) <= epoch:
        assert time.monotonic() < deadline, "no rebuild within 60 s"
        time.sleep(0.1)


def test_an_unknown_way_to_watch_is_rejected(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    _write_site(tmp_path, {"watch": "inotify"})
    with caplog.at_level(logging.WARNING, logger="mkdocs"), pytest.raises(Abort):
        load_config(config_file=str(tmp_path / "mkdocs.yml"))
    text = "\n".join(record.getMessage() for record in caplog.records)
    assert "Plugin 'tiered/preview' option 'watch'" in text
    assert "Expected one of: ('native', 'polling') but received: 'inotify'" in text
