"""Per-page records that outlive a build: what a fast preview needs from every plugin.

``mkdocs serve --dirty`` (``make serve``) re-renders only the pages whose source is
newer than their output (``File.is_modified()``) and the generated pages; the other
pages run no page events in that build, so a plugin that builds a cross-page page
(the glossary's "Used in", the references' "Cited in", the reading-level report)
would see only the pages just edited. :class:`PageRecords` is the one mechanism every
such plugin uses instead of a per-build list: each rendered page puts its record (plain
data, never a ``Page``: those belong to one build), the records of pages not rendered
in a dirty rebuild stay from the build that last rendered them, the records of pages
that are gone are dropped, and a clean build keeps nothing once its pages are written.

A page's record is replaced exactly when MkDocs renders the page again, which is when
its output would change; so no content hash is needed to tell a stale record.

Some inputs change every page at once (``mkdocs.yml``, the glossary file, the ``.bib``
files): when one of them changed since the last build of the session, a dirty rebuild
would leave every unchanged page stale. :meth:`PageRecords.start_build` then empties the
site folder (the preview's temporary folder), so every page is rendered again: saving
``mkdocs.yml`` is the full rebuild in the preview.

Top floor (it knows MkDocs).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

T = TypeVar("T")
Fingerprint = tuple[tuple[str, int, int], ...]


class PageRecords(Generic[T]):
    """One plugin's records by page (``src_uri``), kept across the rebuilds of a serve.

    Call :meth:`set_dirty` from ``on_startup`` (the plugin must define it, so MkDocs keeps
    the plugin object across rebuilds), :meth:`start_build` in ``on_config``,
    :meth:`keep_present` in ``on_files``, :meth:`put` or :meth:`discard` for every page
    that renders, and :meth:`release` once the cross-page page is written.
    """

    def __init__(self) -> None:
        self._records: dict[str, T] = {}
        self._inputs: Fingerprint | None = None
        self.dirty = False

    def set_dirty(self, dirty: bool) -> None:
        """Whether the builds render only modified pages (``--dirty``)."""
        self.dirty = dirty
        self._records = {}

    def start_build(self, config: MkDocsConfig, inputs: Iterable[Path] = ()) -> bool:
        """A build starts: in a dirty one, re-render everything if a site-wide input changed.

        Returns whether the records of the last build are kept (a dirty rebuild, with
        ``mkdocs.yml`` and ``inputs`` as they were): then so may be what the plugin made
        from those inputs alone.

        Args:
            config: The build's configuration (its ``mkdocs.yml`` is always an input).
            inputs: Files outside ``docs/`` that every page depends on (the glossary, the
                ``.bib`` files).
        """
        paths = [Path(config.config_file_path)] if config.config_file_path else []
        fingerprint = _fingerprint([*paths, *inputs])
        changed = self._inputs is not None and fingerprint != self._inputs
        self._inputs = fingerprint
        if not self.dirty:
            self._records = {}
            return False
        if changed:
            self._records = {}
            _empty(Path(config.site_dir))
            return False
        return True

    def keep_present(self, files: Files) -> None:
        """Drop the records of pages that are gone (deleted or renamed since the last build)."""
        # Looked up by address, not a set of every page made: five plugins call this in
        # every rebuild, and listing a library's 4,000 pages was most of its time.
        by_uri = files.src_uris
        self._records = {
            uri: record
            for uri, record in self._records.items()
            if (file := by_uri.get(uri)) is not None
            and file.is_documentation_page()
            and file.inclusion.is_included()
        }

    def put(self, uri: str, record: T) -> None:
        """The record of page ``uri``, rendered in this build."""
        self._records[uri] = record

    def discard(self, uri: str) -> None:
        """Page ``uri`` rendered in this build and has no record (any earlier one goes)."""
        self._records.pop(uri, None)

    def get(self, uri: str) -> T | None:
        """The record of page ``uri``, if it has one."""
        return self._records.get(uri)

    def items(self) -> Iterator[tuple[str, T]]:
        """Every page's record, in ``src_uri`` order."""
        for uri in sorted(self._records):
            yield uri, self._records[uri]

    def __len__(self) -> int:
        return len(self._records)

    def release(self) -> None:
        """The cross-page page is written: a clean build needs the records no more."""
        if not self.dirty:
            self._records = {}


def _fingerprint(paths: Iterable[Path]) -> Fingerprint:
    """When and how big each file was last saved (a save is a change, even an empty one)."""
    found = []
    for path in paths:
        try:
            stat = path.stat()
        except OSError:
            found.append((str(path), -1, -1))
            continue
        found.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(sorted(found))


def _empty(site_dir: Path) -> None:
    """Remove what is in the site folder (the preview's own temporary folder)."""
    if not site_dir.is_dir():
        return
    for child in site_dir.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()
