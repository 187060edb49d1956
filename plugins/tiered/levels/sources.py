"""The topic sources the levels model reads, kept across the rebuilds of a dirty serve.

Every build, the levels plugin reads the front matter of every page under ``topics/``
(the model of the library: its topics, tiers, titles, categories); MkDocs' own dirty
rebuilds (``make serve``) read only the pages saved since. At 1,000 topics that was
4,000 files opened and read for each save, about 0.1 s of the rebuild.
:class:`KeptSources` reads a file again only when its modification time or its size
changed since it was last read (what MkDocs' ``--dirty`` itself goes by), and keeps only
what the model reads of it (:func:`~tiered.levels.model.read_part`: not the articles).
Outside dirty builds it keeps nothing.

Top floor (it knows MkDocs' ``File``).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from tiered.levels.model import SourceDoc, read_part

if TYPE_CHECKING:
    from mkdocs.structure.files import File

Stamp = tuple[int, int]


class KeptSources:
    """What the model read of each source, by file, with when and how big it was."""

    def __init__(self) -> None:
        self.dirty = False
        self._kept: dict[str, tuple[Stamp, SourceDoc]] = {}
        self._seen: dict[str, tuple[Stamp, SourceDoc]] = {}

    def set_dirty(self, dirty: bool) -> None:
        """Whether the builds render only modified pages (``--dirty``): then keep."""
        self.dirty = dirty
        self._kept, self._seen = {}, {}

    def read(self, file: File, shown: str) -> SourceDoc:
        """The source of ``file`` (``shown``: its path in diagnostics) as the model reads it.

        Raises:
            UnicodeDecodeError: The file is not UTF-8 text (as ``File.content_string``).
        """
        path = file.abs_src_path
        if not self.dirty or path is None:
            return SourceDoc(file.src_uri, shown, file.content_string)
        try:
            stat = os.stat(path)  # noqa: PTH116 - Path.stat makes a Path per file
        except OSError:  # gone since MkDocs listed it: content_string says so
            return SourceDoc(file.src_uri, shown, file.content_string)
        stamp = (stat.st_mtime_ns, stat.st_size)
        kept = self._kept.get(path)
        if kept is None or kept[0] != stamp or kept[1].src_uri != file.src_uri:
            kept = (stamp, read_part(SourceDoc(file.src_uri, shown, file.content_string)))
        self._seen[path] = kept
        return kept[1]

    def done(self) -> None:
        """Every source of this build is read: keep those, forget the files not seen."""
        self._kept, self._seen = (self._seen, {}) if self.dirty else ({}, {})
