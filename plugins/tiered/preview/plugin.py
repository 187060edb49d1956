"""The ``tiered/preview`` MkDocs plugin: a fast ``mkdocs serve --dirty`` with search whole.

With ``--dirty`` (what ``make serve`` runs), MkDocs renders only the edited pages and
the generated ones; the tiered plugins keep their cross-page pages right with
:class:`~tiered.preview.records.PageRecords` and write a generated page again only
when it changed (:mod:`tiered.preview.generated`). This plugin keeps the search index
whole (:mod:`tiered.preview.search`), the theme's templates compiled across rebuilds
(:mod:`tiered.preview.templates`) and what is kept out of the garbage collector's walks
(:mod:`tiered.preview.heap`); outside dirty builds it does none of that. In any
``mkdocs serve`` it has the operating system watch the files
(:mod:`tiered.preview.watching`; option ``watch``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger

from tiered.preview import heap
from tiered.preview.config import PreviewConfig
from tiered.preview.search import KeptIndex, page_of, stop_search_merge
from tiered.preview.templates import CompiledTemplates

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)


class PreviewPlugin(BasePlugin[PreviewConfig]):
    """Keeps the search index of a dirty rebuild whole, and the preview quick."""

    def __init__(self) -> None:
        self.dirty = False
        self.index = KeptIndex()
        self.rendered: set[str] = set()
        self.present: set[str] = set()
        self.templates = CompiledTemplates()
        self.frozen = False

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        # Defined so MkDocs keeps this object (the last index) across rebuilds.
        self.dirty = dirty
        self.index.clear()

    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        self.rendered = set()
        return files

    # Last: every plugin has added its generated pages (tiered/levels adds its own late,
    # in on_files), and a generated page not written again keeps its entries too.
    @event_priority(-100)
    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment | None:
        if not (self.config.enabled and self.dirty):
            return env
        self.present = {page_of(file.url) for file in files.documentation_pages()}
        if env.bytecode_cache is None:  # before the first page renders
            self.templates.attach(env)
        return env

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str | None:
        self.rendered.add(page_of(page.url))
        return output

    # After the search plugin wrote its index (priority 0).
    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not (self.config.enabled and self.dirty):
            return
        if self.index.merge(Path(config.site_dir), self.rendered, self.present):
            stop_search_merge(config.plugins.values())
        else:
            self.index.clear()

    def on_serve(
        self, server: LiveReloadServer, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer | None:
        if not self.config.enabled:
            return server
        if self.config.watch == "native":
            # Only a server watches: a build does not load watchdog (1.1 MiB).
            from tiered.preview.watching import watch_natively  # noqa: PLC0415

            refused = watch_natively(server)
            if refused is not None:
                log.warning(
                    f"the system does not watch the files for changes ({refused}): MkDocs "
                    "polls them instead; set tiered/preview's option 'watch: polling' to say so"
                )
        if self.dirty and not self.frozen:  # the first build is done, the rebuilds to come
            heap.freeze()
            self.frozen = True
        return server

    def on_shutdown(self) -> None:
        if self.frozen:
            heap.unfreeze()
            self.frozen = False
