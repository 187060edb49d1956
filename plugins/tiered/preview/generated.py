"""Generated pages that a dirty rebuild writes again only when what they show changed.

MkDocs takes a generated file (``File.generated(content=...)``) for modified in every
build, so ``mkdocs serve --dirty`` (``make serve``) renders every page the plugins
generate after each save: at 1,000 topics about a hundred pages (the glossary's and
the references' letter pages, Topics A–Z, categories, the reading-level report), each
through the theme's templates and the search plugin, for one edited article. Most of
them show the same thing as before.

The one mechanism for every plugin's generated pages: each is a :class:`GeneratedFile`
(``plugin_support.generate_page`` makes them), and the plugin that fills a page tells
its :class:`GeneratedPages` what the page shows (:meth:`GeneratedPages.show`: its
finished HTML, or plain data that decides it, compared by value) before MkDocs writes
pages (``on_env`` at the latest). In a dirty build, a page that shows what it showed
when it was last written, and whose output is still there, is not written again (nor
indexed for search: the preview keeps its entries, :mod:`tiered.preview.search`).
What it showed is remembered once the build is done (:meth:`GeneratedPages.commit` in
``on_post_build``): a build that fails leaves its pages to be written again.

Everything else a generated page's output holds (the navigation, the site's settings)
is what MkDocs' own dirty rebuilds leave as it was on every unchanged page; a change of
``mkdocs.yml`` renders every page again (:class:`~tiered.preview.records.PageRecords`).
Outside dirty builds MkDocs never asks, and nothing is remembered.

Top floor (it knows MkDocs).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File

_NOTHING = object()


class GeneratedFile(File):
    """A page a plugin generates: modified unless its plugin found it unchanged."""

    unchanged = False
    """Set by :meth:`GeneratedPages.show`: it shows what its output already holds."""

    def is_modified(self) -> bool:
        return not self.unchanged or not Path(self.abs_dest_path).is_file()


class GeneratedPages:
    """What one plugin's generated pages showed when last written, across a serve.

    Call :meth:`set_dirty` from ``on_startup``, :meth:`show` for each generated page
    before MkDocs writes pages (``on_page_content`` or ``on_env``), :meth:`commit` in
    ``on_post_build``.
    """

    def __init__(self) -> None:
        self.dirty = False
        self._written: dict[str, object] = {}
        self._pending: dict[str, object] = {}

    def set_dirty(self, dirty: bool) -> None:
        """Whether the builds render only modified pages (``--dirty``)."""
        self.dirty = dirty
        self._written = {}
        self._pending = {}

    def show(self, file: File, shown: object) -> bool:
        """Generated page ``file`` shows ``shown``; return whether it is to be written.

        ``shown`` is anything compared by value (a string of HTML, a tuple of records)
        that holds all the page's content depends on beyond the site's settings.
        """
        if not self.dirty or not isinstance(file, GeneratedFile):
            return True
        # Forgotten until this build is done: if it fails, the page is written again.
        last = self._written.pop(file.src_uri, _NOTHING)
        file.unchanged = last is not _NOTHING and last == shown
        if file.unchanged:
            self._written[file.src_uri] = last
        else:
            self._pending[file.src_uri] = shown
        return file.is_modified()

    def commit(self) -> None:
        """The build is done: its pages' output holds what they were shown with."""
        if self.dirty:
            self._written.update(self._pending)
        self._pending = {}
