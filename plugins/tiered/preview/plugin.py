"""The ``tiered/preview`` MkDocs plugin: search stays whole in ``mkdocs serve --dirty``.

With ``--dirty`` (what ``make serve`` runs), MkDocs renders only the edited pages and
the generated ones; the tiered plugins keep their cross-page pages right with
:class:`~tiered.preview.records.PageRecords` and write a generated page again only
when it changed (:mod:`tiered.preview.generated`). This plugin keeps the search index
whole (:mod:`tiered.preview.search`) and the theme's templates compiled across
rebuilds (:mod:`tiered.preview.templates`). Outside dirty builds it does nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from mkdocs.plugins import BasePlugin, event_priority

from tiered.preview.search import merge_index, page_of
from tiered.preview.templates import CompiledTemplates

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


class PreviewPlugin(BasePlugin):  # type: ignore[type-arg]
    """Keeps the search index of a dirty rebuild whole."""

    def __init__(self) -> None:
        self.dirty = False
        self.previous: list[dict[str, Any]] = []
        self.rendered: set[str] = set()
        self.present: set[str] = set()
        self.templates = CompiledTemplates()

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        # Defined so MkDocs keeps this object (the last index) across rebuilds.
        self.dirty = dirty

    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        self.rendered = set()
        return files

    # Last: every plugin has added its generated pages (tiered/levels adds its own late,
    # in on_files), and a generated page not written again keeps its entries too.
    @event_priority(-100)
    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment | None:
        self.present = {page_of(file.url) for file in files.documentation_pages()}
        if self.dirty and env.bytecode_cache is None:  # before the first page renders
            self.templates.attach(env)
        return env

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str | None:
        self.rendered.add(page_of(page.url))
        return output

    # After the search plugin wrote its index (priority 0).
    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.dirty:
            return
        merged = merge_index(Path(config.site_dir), self.rendered, self.present, self.previous)
        self.previous = merged or []
