"""The ``tiered/citations`` MkDocs plugin: routes MkDocs events to the citation code.

Phase one happens while a page renders: the Markdown extension turns Pandoc-style
citations into ``span.citation`` placeholders. Phase two, in ``on_page_content``,
numbers them for the page, formats them in the style and appends the page's list.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger

from tiered.citations import render
from tiered.citations.bibliography import Bibliography, load_bibliography
from tiered.citations.config import CitationsConfig
from tiered.citations.markdown import CitationsExtension
from tiered.citations.styles import format_entry
from tiered.common.diagnostics import Diagnostic
from tiered.plugin_support import add_assets, display_path, project_root, use_assets

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)

_PACKAGE = Path(__file__).parent
CSS = {"assets/tiered/citations.css": _PACKAGE / "assets" / "citations.css"}


class CitationsPlugin(BasePlugin[CitationsConfig]):
    """Citations: Pandoc syntax, BibTeX data, AMA numbering, per-page reference lists."""

    def __init__(self) -> None:
        self.bibliography = Bibliography()
        self.extension: CitationsExtension | None = None
        self.formatted: dict[str, str] = {}
        self.root = Path()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.extension = None
        self.formatted = {}
        if not self.config.enabled:
            return config
        self.root = project_root(config)
        folder = self.root / self.config.bib_dir
        if not folder.is_dir():
            raise PluginError(
                f"{display_path(folder, self.root)}: no such folder for BibTeX files "
                "(set 'bib_dir' in the tiered/citations options)"
            )
        files = []
        for path in sorted(folder.glob("*.bib")):
            try:
                files.append((display_path(path, self.root), path.read_text(encoding="utf-8")))
            except (OSError, UnicodeDecodeError) as err:
                raise PluginError(f"{display_path(path, self.root)}: cannot read: {err}") from err
        self.bibliography = load_bibliography(files)
        self.extension = CitationsExtension()
        config.markdown_extensions.append(self.extension)  # type: ignore[arg-type]
        use_assets(config, CSS)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        if self.extension is None:
            return files
        add_assets(config, files, CSS)
        for diagnostic in sorted(self.bibliography.diagnostics):
            log.warning(str(diagnostic))
        return files

    # Before tiered/levels appends its "Simpler / More detail" links: the reference
    # list belongs to the article, above them.
    @event_priority(10)
    def on_page_content(
        self, html_content: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if self.extension is None or not self.extension.citations:
            return html_content
        entries = self.bibliography.entries
        content, unknown = render.resolve_page(
            html_content,
            self.extension.citations,
            {key: entry.csl for key, entry in entries.items()},
            page=render.anchor_part(page.url),
            heading=self.config.heading,
            format_entry=self._format,
        )
        self._report_unknown(page, unknown)
        return content

    def _format(self, key: str) -> str:
        if key not in self.formatted:
            self.formatted[key] = format_entry(
                self.bibliography.entries[key].csl, self.config.style
            )
        return self.formatted[key]

    def _report_unknown(self, page: Page, keys: list[str]) -> None:
        if not keys:
            return
        source = page.file.content_string
        path = display_path(page.file.abs_src_path, self.root, page.file.src_uri)
        position = 0
        for key in keys:
            match = re.compile(rf"@\{{?{re.escape(key)}").search(source, position)
            index = match.start() if match else -1
            line = source.count("\n", 0, index) + 1 if index >= 0 else 0
            col = index - source.rfind("\n", 0, index) if index >= 0 else 0
            if match:
                position = match.end()
            message = f"unknown citation key '{key}' (not in {self.config.bib_dir}/*.bib)"
            log.warning(str(Diagnostic(path, line, message, col)))
