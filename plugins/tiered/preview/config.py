"""Configuration of the ``tiered/preview`` plugin."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class PreviewConfig(base.Config):
    """Options of ``tiered/preview``."""

    enabled = c.Type(bool, default=True)
    """Turn the plugin off without removing it from ``mkdocs.yml`` (``make serve`` then
    behaves as plain ``mkdocs serve --dirty``: the search index holds the saved pages only)."""
    watch = c.Choice(("native", "polling"), default="native")
    """How ``mkdocs serve`` learns that a file was saved. ``native``: the operating
    system says so (inotify on Linux, FSEvents on macOS, ReadDirectoryChangesW on
    Windows), at once and at no cost between saves; if the system refuses (too many
    folders for ``fs.inotify.max_user_watches``, say), a warning, and polling.
    ``polling``: MkDocs' own way, every file looked at twice a second; for folders whose
    changes the system does not announce (a network drive, a Windows folder seen from
    WSL 2, some container mounts)."""
