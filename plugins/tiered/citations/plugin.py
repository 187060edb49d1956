"""The ``tiered/citations`` MkDocs plugin: routes MkDocs events to the citation code.

Phase one happens while a page renders: the Markdown extension turns Pandoc-style
citations into ``span.citation`` placeholders. Phase two, in ``on_page_content``,
numbers them for the page, formats them in the style and appends the page's list.
"""

from __future__ import annotations

import functools
import html
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.utils import get_relative_url

from tiered.citations import render
from tiered.citations.authordate import sort_order, year_suffixes
from tiered.citations.bibliography import Bibliography, load_bibliography
from tiered.citations.config import CitationsConfig
from tiered.citations.formatting import EntryFormatter
from tiered.citations.markdown import REFS_MARKER, CitationsExtension
from tiered.common.diagnostics import Diagnostic, position
from tiered.common.frontmatter import parse_front_matter
from tiered.plugin_support import (
    POPOVER,
    add_assets,
    display_path,
    generate_page,
    project_root,
    use_assets,
)

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

log = get_plugin_logger(__name__)

_PACKAGE = Path(__file__).parent
_PLACEHOLDER = "<!-- tiered-citations:bibliography -->"
_LIST_PLACEHOLDER = "<!-- tiered-citations:references -->"
# Citations other plugins write as documented markup (no id: not ours, not resolved yet).
_MARKUP = re.compile(r'<span class="citation" data-cites="([^"]+)">[^<]*</span>')
_MARKUP_HINT = '<span class="citation" data-cites="'
# An entry in a page's reference list, until the entries are formatted, and a citation,
# until the search plugins have read the page (see on_page_context).
_ENTRY = re.compile(r"<!--tiered-entry:(\d+)-->")
_DEFERRED = re.compile(r"<!--tiered-cite:(\d+)-->")

_INTRO = "Every source the articles cite, with links back to where each is cited."
CSS = {"assets/tiered/citations.css": _PACKAGE / "assets" / "citations.css"}


class CitationsPlugin(BasePlugin[CitationsConfig]):
    """Citations: Pandoc syntax, BibTeX data, AMA/Vancouver/APA, per-page reference lists."""

    def __init__(self) -> None:
        self.bibliography = Bibliography()
        self.csl: dict[str, dict[str, Any]] = {}
        self.suffixes: dict[str, str] = {}
        self.extension: CitationsExtension | None = None
        self.formatter: EntryFormatter | None = None
        self.entry_keys: list[str] = []  # what the _ENTRY markers stand for
        self.formatted: dict[str, str] = {}  # key -> its entry as it goes in the page
        self.deferred_html: list[str] = []  # what the _DEFERRED markers stand for
        self.deferred: set[str] = set()  # pages with deferred fragments to put in
        self.cited: dict[str, list[tuple[Page, list[str]]]] = {}
        self.listed: set[str] = set()  # cited or named in nocite
        self.listings: dict[str, str] = {}  # page -> its reference list, until written
        self.order: dict[str, int] = {}
        self.references_page: Page | None = None
        self.root = Path()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.extension = None
        self.entry_keys = []
        self.formatted = {}
        self.deferred_html = []
        self.deferred = set()
        if self.formatter is not None:
            self.formatter.close()
            self.formatter = None
        self.cited = {}
        self.listed = set()
        self.listings = {}
        self.references_page = None
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
        # Built once: every page's phase two looks entries up by key.
        self.csl = {key: entry.csl for key, entry in self.bibliography.entries.items()}
        # Year suffixes (2020a) hold site-wide: given over the whole bibliography.
        self.suffixes = year_suffixes(self.csl) if self.config.style == "apa" else {}
        # Formatting starts now, beside the rendering of pages (see formatting.py).
        self.formatter = EntryFormatter(self.csl, self.config.style, self.suffixes)
        self.extension = CitationsExtension()
        config.markdown_extensions.append(self.extension)  # type: ignore[arg-type]
        use_assets(config, {**CSS, **POPOVER})
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        if self.extension is None:
            return files
        add_assets(config, files, {**CSS, **POPOVER})
        generate_page(
            config,
            files,
            path=self.config.page_path,
            title=self.config.page_title,
            intro=_INTRO,
            kind="bibliography page",
            plugin="tiered/citations",
        )
        for diagnostic in sorted(self.bibliography.diagnostics):
            log.warning(str(diagnostic))
        return files

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation | None:
        # "Cited in" lists pages in reading order.
        self.order = {page.file.src_uri: index for index, page in enumerate(nav.pages)}
        return nav

    # Before tiered/levels appends its "Simpler / More detail" links: the reference
    # list belongs to the article, above them.
    @event_priority(10)
    def on_page_content(
        self, html_content: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if self.extension is None:
            return html_content
        if page.file.src_uri == self.config.page_path:
            self.references_page = page
            return html_content + _PLACEHOLDER
        nocite = self._nocite(page)
        if not self.extension.citations and not nocite:
            return html_content
        resolved = render.resolve_page(
            html_content,
            self.extension.citations,
            self.csl,
            page=render.anchor_part(page.url),
            heading=self.config.heading,
            format_entry=self._entry_marker,
            nocite=nocite,
            style=self.config.style,
            suffixes=self.suffixes,
            place=self._defer,
        )
        self.deferred.add(page.file.src_uri)
        self._report_unknown(page, resolved.unknown)
        for key, ids in resolved.cited.items():
            self.cited.setdefault(key, []).append((page, ids))
        self.listed |= set(resolved.cited) | {k for k in nocite if k in self.bibliography.entries}
        if "*" in nocite:
            self.listed |= set(self.bibliography.entries)
        if not resolved.listing:
            return resolved.content
        # The list goes in after the search plugins indexed the page (see on_page_context),
        # where the author put ::: {#refs}, or at the end.
        self.listings[page.file.src_uri] = render.ascii_html(resolved.listing)
        if REFS_MARKER in resolved.content:
            return resolved.content.replace(REFS_MARKER, _LIST_PLACEHOLDER, 1)
        return resolved.content + _LIST_PLACEHOLDER

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment | None:
        page = self.references_page
        if page is None or page.content is None:
            return env
        self._resolve_markup(files, page)
        entries = self.bibliography.entries
        order = sorted(self.cited, key=lambda key: (sort_order(entries[key].csl), key))
        cited_in = {key: self._cited_in(key, page) for key in order}
        formatted = {key: self._format(key) for key in order}
        # "Cited in" goes in after search read the page, as citations do (on_page_context).
        listing = render.bibliography_page(order, formatted, cited_in, self._defer)
        page.content = page.content.replace(_PLACEHOLDER, render.ascii_html(listing))
        self.deferred.add(page.file.src_uri)
        if self.config.warn_uncited:
            for key, entry in entries.items():
                if key not in self.listed:
                    log.warning(str(Diagnostic(entry.path, entry.line, f"'{key}' is never cited")))
        return env

    # After the search plugins read the page: citations (numbers, to search) and reference
    # lists (many entries and back-links) would cost every page's indexing and add
    # nothing to it; the references/ page holds every entry for search.
    @event_priority(-100)
    def on_page_context(
        self, context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        if page.file.src_uri in self.deferred and page.content is not None:
            self.deferred.discard(page.file.src_uri)
            page.content = _DEFERRED.sub(
                lambda m: self.deferred_html[int(m.group(1))], page.content
            )
        listing = self.listings.pop(page.file.src_uri, None)
        if listing is not None and page.content is not None:
            listing = _ENTRY.sub(lambda m: self._format(self.entry_keys[int(m.group(1))]), listing)
            page.content = page.content.replace(_LIST_PLACEHOLDER, listing, 1)
        return context

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.formatter is not None:
            self.formatter.close()

    def on_build_error(self, *, error: Exception) -> None:
        if self.formatter is not None:
            self.formatter.close()

    def _cited_in(self, key: str, references: Page) -> list[render.CitedIn]:
        """The pages citing ``key``, once each, in reading order."""
        by_page: dict[str, tuple[Page, list[str]]] = {}
        for cited_on, ids in self.cited[key]:
            by_page.setdefault(cited_on.file.src_uri, (cited_on, []))[1].extend(ids)
        ordered = sorted(by_page.values(), key=lambda i: self.order.get(i[0].file.src_uri, 0))
        return [
            render.CitedIn(
                str(p.meta.get("title") or p.title or p.file.src_uri),
                self._href(p.url, references.url),
                tuple(ids),
            )
            for p, ids in ordered
        ]

    @staticmethod
    @functools.lru_cache(maxsize=4096)
    def _href(url: str, base: str) -> str:
        return get_relative_url(url, base)

    def _resolve_markup(self, files: Files, references: Page) -> None:
        """Resolve ``span.citation[data-cites]`` that other plugins wrote into pages.

        That markup is how plugins cite without knowing this one (the glossary lists a
        term's sources with it). Each key becomes a link to its entry on the references
        page, labelled with its author and year.
        """
        for file in files.documentation_pages():
            page = file.page
            if page is None or not page.content or _MARKUP_HINT not in page.content:
                continue
            base = get_relative_url(references.url, page.url)
            found: list[str] = []
            page.content = _MARKUP.sub(
                functools.partial(self._resolve_span, page=page, base=base, unknown=found),
                page.content,
            )
            self._report_unknown(page, found)

    def _resolve_span(
        self, match: re.Match[str], *, page: Page, base: str, unknown: list[str]
    ) -> str:
        entries = self.bibliography.entries
        links = []
        for key in html.unescape(match.group(1)).split():
            entry = entries.get(key)
            if entry is None:
                unknown.append(key)
                links.append(html.escape(key))
                continue
            self.cited.setdefault(key, []).append((page, []))
            self.listed.add(key)
            href = f"{base}#ref-{render.anchor_part(key)}"
            title = render.plain_text(self._format(key))
            links.append(
                render.source_link(
                    entry.csl,
                    href,
                    title,
                    style=self.config.style,
                    suffix=self.suffixes.get(key, ""),
                )
            )
        cites = match.group(1)
        return f'<span class="citation" data-cites="{cites}">{", ".join(links)}</span>'

    def _nocite(self, page: Page) -> tuple[str, ...]:
        value = page.meta.get("nocite")
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(k, str) for k in value):
            meta = parse_front_matter(page.file.content_string, self._page_path(page))
            log.warning(
                f"{meta.path}:{meta.line_of('nocite')}: front matter field 'nocite' must be a "
                'list of keys, or ["*"]'
            )
            return ()
        return tuple(k.lstrip("@") for k in value)

    def _page_path(self, page: Page) -> str:
        return display_path(page.file.abs_src_path, self.root, page.file.src_uri)

    def _format(self, key: str) -> str:
        text = self.formatted.get(key)
        if text is None:
            assert self.formatter is not None  # enabled: made in on_config
            text = self.formatted[key] = render.ascii_html(self.formatter(key))
        return text

    def _defer(self, fragment: str) -> str:
        """Stands for ``fragment`` (a citation, a "Cited in" list) in the page until the
        search plugins have read it; ``on_page_context`` puts it in."""
        self.deferred_html.append(render.ascii_html(fragment))
        return f"<!--tiered-cite:{len(self.deferred_html) - 1}-->"

    def _entry_marker(self, key: str) -> str:
        """Stands for an entry in a page's list until the entries are formatted."""
        self.entry_keys.append(key)
        return f"<!--tiered-entry:{len(self.entry_keys) - 1}-->"

    def _report_unknown(self, page: Page, keys: list[str]) -> None:
        if not keys:
            return
        source = page.file.content_string
        path = self._page_path(page)
        start = 0
        for key in keys:
            match = re.compile(rf"@\{{?{re.escape(key)}").search(source, start)
            line, col = position(source, match.start()) if match else (0, 0)
            if match:
                start = match.end()
            message = f"unknown citation key '{key}' (not in {self.config.bib_dir}/*.bib)"
            log.warning(str(Diagnostic(path, line, message, col)))
