"""The ``tiered/citations`` MkDocs plugin: routes MkDocs events to the citation code.

Phase one happens while a page renders: the Markdown extension turns Pandoc-style
citations into ``span.citation`` placeholders. Phase two (:mod:`resolver`) numbers and
formats them in ``on_page_content`` and puts them in, with the page's list, once the
search plugins have read the page (``on_page_context``).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger

from tiered.citations.authordate import sort_order, year_suffixes
from tiered.citations.bibliography import load_bibliography
from tiered.citations.config import DEFAULT_BIB_DIR, CitationsConfig
from tiered.citations.formatting import EntryFormatter
from tiered.citations.markdown import CitationsExtension
from tiered.citations.resolver import PageCites, SiteCitations, page_title
from tiered.citations.site_list import Parts
from tiered.common.backlinks import Topic
from tiered.common.diagnostics import Diagnostic, position
from tiered.plugin_support import (
    POPOVER,
    add_assets,
    display_path,
    generate_letter_pages,
    generate_page,
    page_diagnostic,
    project_root,
    topic_landing_file,
    use_assets,
)
from tiered.preview.generated import GeneratedPages
from tiered.preview.records import PageRecords

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

log = get_plugin_logger(__name__)

_PACKAGE = Path(__file__).parent
_INTRO = "Every source the articles cite, with links back to where each is cited."
_SPLIT_INTRO = (
    "Every source the articles cite, by the first letter of the first author's name, "
    "with links back to where each is cited."
)
CSS = {"assets/tiered/citations.css": _PACKAGE / "assets" / "citations.css"}


class CitationsPlugin(BasePlugin[CitationsConfig]):
    """Citations: Pandoc syntax, BibTeX data, AMA/Vancouver/APA, per-page reference lists."""

    def __init__(self) -> None:
        self.extension: CitationsExtension | None = None
        self.formatter: EntryFormatter | None = None
        self.site: SiteCitations | None = None
        self.list_pages: dict[str, Page] = {}  # the site list's pages, by src_uri
        self.lists_pending: set[str] = set()  # those whose list is not made yet
        self.parts = Parts("")
        self.diagnostics: list[Diagnostic] = []  # reading the .bib files
        self.cites: PageRecords[PageCites] = PageRecords()  # for "Cited in"
        self.titles: PageRecords[str] = PageRecords()  # topics' titles, for "Cited in"
        self.generated = GeneratedPages()  # the site list's pages: written when changed
        self.root = Path()
        self.bib_dir = DEFAULT_BIB_DIR  # the BibTeX folder, relative to root
        self.no_bib = False  # bib_dir unset and absent: no sources, citations are warnings
        self.said_no_bib = False  # "no bib folder" is said once a command

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        # Defined so MkDocs keeps this object across rebuilds: a dirty rebuild renders
        # only the edited pages, the others' citations are kept (see PageRecords).
        self.cites.set_dirty(dirty)
        self.titles.set_dirty(dirty)
        self.generated.set_dirty(dirty)
        self.said_no_bib = False  # once per command, not once per rebuild

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.extension = None
        self.site = None
        self.list_pages = {}
        self.lists_pending = set()
        if self.formatter is not None:
            self.formatter.close()
            self.formatter = None
        if not self.config.enabled:
            return config
        self.root = project_root(config)
        self.bib_dir = self.config.bib_dir or DEFAULT_BIB_DIR
        self.no_bib = self.config.bib_dir is None and not (self.root / self.bib_dir).exists()
        if self.no_bib and not self.said_no_bib:
            log.info(
                f"{self.bib_dir}: no BibTeX folder, so there are no sources to cite and no "
                "references page (the folder is optional: create it to cite sources)"
            )
            self.said_no_bib = True
        found: list[Diagnostic] = []
        bib_files = [] if self.no_bib else self._bib_files(found)
        # Every page cites from the .bib files: a changed one re-renders them all.
        inputs = sorted((self.root / self.bib_dir).glob("*.bib"))
        self.cites.start_build(config, inputs)
        self.titles.start_build(config, inputs)
        bibliography = load_bibliography(bib_files)
        csl = {key: entry.csl for key, entry in bibliography.entries.items()}
        # Year suffixes (2020a) hold site-wide: given over the whole bibliography.
        suffixes = year_suffixes(csl) if self.config.style == "apa" else {}
        # Formatting starts now, beside the rendering of pages (see formatting.py).
        self.formatter = EntryFormatter(csl, self.config.style, suffixes)
        self.site = SiteCitations(
            bibliography.entries,
            self.formatter,
            style=self.config.style,
            suffixes=suffixes,
            heading=self.config.heading,
        )
        self.parts = Parts.split(
            self.config.page_path,
            {key: sort_order(entry) for key, entry in csl.items()},
            int(self.config.split),
            int(self.config.per_page),
        )
        self.diagnostics = sorted(found + bibliography.diagnostics)
        self.extension = CitationsExtension()
        config.markdown_extensions.append(self.extension)  # type: ignore[arg-type]
        if not self.no_bib:
            use_assets(config, {**CSS, **POPOVER})
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        if self.extension is None:
            return files
        if self.no_bib:  # only the citations' warnings: nothing to list, nothing to style
            return files
        add_assets(config, files, {**CSS, **POPOVER})
        self.cites.keep_present(files)
        self.titles.keep_present(files)
        split = bool(self.parts.parts)
        generate_page(
            config,
            files,
            path=self.config.page_path,
            title=self.config.page_title,
            intro=_SPLIT_INTRO if split else _INTRO,
            kind="bibliography page",
            plugin="tiered/citations",
        )
        urls = {self.config.page_path: _url(files, self.config.page_path)}
        urls |= generate_letter_pages(
            config,
            files,
            self.parts,
            title=self.config.page_title,
            intro="Sources whose first author's name starts with {letter}.",
            kind="bibliography page",
            plugin="tiered/citations",
        )
        if self.site is not None:
            self.site.set_pages(self.parts, urls, lambda uri: self._topic(uri, files))
        for diagnostic in self.diagnostics:
            log.warning(str(diagnostic))
        return files

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation | None:
        if self.site is not None:
            self.site.set_order([page.file.src_uri for page in nav.pages])
        return nav

    # Before tiered/levels appends its "Simpler / More detail" links: the reference
    # list belongs to the article, above them.
    @event_priority(10)
    def on_page_content(
        self, html_content: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if self.extension is None or self.site is None:
            return html_content
        if page.file.src_uri in self.site.urls:
            self.list_pages[page.file.src_uri] = page
            return html_content + self.site.bibliography_marker
        resolved = self.site.resolve_page(
            page, html_content, self.extension.citations, self._nocite(page)
        )
        self._report_unknown(page, resolved.unknown)
        return resolved.content

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment | None:
        if self.site is None or not self.list_pages:
            return env
        rendered = set()
        for file in files.documentation_pages():
            if file.page is not None and file.page.content is not None:
                rendered.add(file.src_uri)
                self.titles.put(file.src_uri, page_title(file.page))
            if file.page is not None and file.page.content:
                resolved = self.site.resolve_markup(file.page, file.page.content)
                file.page.content = resolved.content
                self._report_unknown(file.page, resolved.unknown)
                for key, source in resolved.elsewhere:  # "file:line", as the writer says
                    log.warning(f"{source}: {self._unknown_message(key)}")
        self._keep_cites(rendered)
        self.site.prepare_lists(self.list_pages)
        if self.config.warn_uncited:
            for entry in self.site.uncited():
                log.warning(
                    str(Diagnostic(entry.path, entry.line, f"'{entry.key}' is never cited"))
                )
        if self.generated.dirty:
            # Each list now: a page that shows what it showed is not written again.
            for uri, page in self.list_pages.items():
                if self._show(page, self.site.site_list_shows(uri)):
                    self._put_list(page)
            self._release()
        else:
            # A clean build makes each list as its page is written (_list_sources).
            self.lists_pending = set(self.list_pages)
        return env

    def _put_list(self, page: Page) -> None:
        """The site list's page ``page`` with its list put in."""
        assert self.site is not None
        if page.content is not None:
            listing = self.site.site_list_of(page.file.src_uri)
            page.content = page.content.replace(self.site.bibliography_marker, listing)

    def _release(self) -> None:
        """Every list of the site list is made: who cites what is needed no more."""
        if self.site is not None:
            self.site.release_records()
        self.cites.release()
        self.titles.release()

    def _show(self, page: Page, shown: object) -> bool:
        """Whether the site list's page ``page``, showing ``shown``, is to be written."""
        return self.generated.show(page.file, shown)

    def _keep_cites(self, rendered: set[str]) -> None:
        """Record what the pages rendered now cite; add what the others cited (dirty)."""
        assert self.site is not None
        for uri in rendered:
            record = self.site.page_cites(uri)
            if record is None:
                self.cites.discard(uri)
            else:
                self.cites.put(uri, record)
        for uri, record in self.cites.items():
            if uri not in rendered:
                self.site.add_page_cites(uri, record)

    def _topic(self, uri: str, files: Files) -> Topic | None:
        """The topic of tier page ``uri``: its landing page, by its latest title."""
        landing = topic_landing_file(uri, files)
        if landing is None:
            return None
        title = self.titles.get(landing.src_uri)
        if title is None and landing.page is not None:
            title = page_title(landing.page)
        return Topic(landing.src_uri, title or landing.src_uri, landing.url)

    # Before the search plugins read the page (they index the site list's entries).
    @event_priority(50)
    def _list_sources(
        self, context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        if page.file.src_uri in self.lists_pending and self.site is not None:
            self.lists_pending.discard(page.file.src_uri)
            self._put_list(page)
            if not self.lists_pending:
                self._release()
        return context

    # After the search plugins read the page: citations (numbers, to search) and reference
    # lists (many entries and back-links) would cost every page's indexing and add
    # nothing to it; the references/ page holds every entry for search.
    @event_priority(-100)
    def _finish_page(
        self, context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        if self.site is not None and page.content is not None:
            page.content = self.site.finish_page(page, page.content)
        return context

    on_page_context = CombinedEvent(_list_sources, _finish_page)

    def on_serve(
        self, server: LiveReloadServer, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer | None:
        # The .bib files sit outside docs/: without this, editing one rebuilds nothing.
        if self.config.enabled and (self.root / self.bib_dir).is_dir():  # optional: maybe absent
            server.watch(str(self.root / self.bib_dir))
        return server

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.lists_pending:  # a list page MkDocs did not write (excluded by a plugin)
            self.lists_pending = set()
            self._release()
        self.generated.commit()
        if self.formatter is not None:
            self.formatter.close()

    def on_build_error(self, *, error: Exception) -> None:
        if self.formatter is not None:
            self.formatter.close()

    def _bib_files(self, found: list[Diagnostic]) -> list[tuple[str, str]]:
        """``(display path, text)`` of every ``*.bib`` file in ``bib_dir``, in name order.

        What cannot be read as it should is reported in ``found``.

        Raises:
            PluginError: ``bib_dir`` is not a folder.
        """
        folder = self.root / self.bib_dir
        if not folder.is_dir():
            raise PluginError(
                f"{display_path(folder, self.root)}: no such folder for BibTeX files "
                "(set 'bib_dir' in the tiered/citations options)"
            )
        files = []
        for path in sorted(folder.glob("*.bib")):
            shown = display_path(path, self.root)
            if not path.is_file():
                message = f"not a file, so not read: rename it or move it out of {self.bib_dir}/"
                found.append(Diagnostic(shown, 0, message))
                continue
            try:
                data = path.read_bytes()
            except OSError as err:
                raise PluginError(f"{shown}: cannot read: {err.strerror or err}") from err
            files.append((shown, _decode(shown, data, found)))
        return files

    def _nocite(self, page: Page) -> tuple[str, ...]:
        value = page.meta.get("nocite")
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(k, str) for k in value):
            message = "front matter field 'nocite' must be a list of keys, or [\"*\"]"
            log.warning(str(page_diagnostic(page, self.root, message, key="nocite")))
            return ()
        return tuple(k.lstrip("@") for k in value)

    def _unknown_message(self, key: str) -> str:
        if self.no_bib:
            return (
                f"citation key '{key}' but there is no {self.bib_dir}/ folder: create it "
                "with a .bib file that holds the entry"
            )
        return f"unknown citation key '{key}' (not in {self.bib_dir}/*.bib)"

    def _report_unknown(self, page: Page, keys: list[str]) -> None:
        """Warn about each unknown key, at its citation in the page's Markdown."""
        if not keys:
            return  # most pages: no need to read the page's source again
        source = page.file.content_string
        start = 0
        for key in keys:
            match = re.compile(rf"@\{{?{re.escape(key)}").search(source, start)
            if match:
                start = match.end()
            message = self._unknown_message(key)
            offset = match.start() if match else -1
            log.warning(str(page_diagnostic(page, self.root, message, offset=offset)))


def _url(files: Files, path: str) -> str:
    file = files.get_file_from_path(path)
    return file.url if file is not None else path


def _decode(shown: str, data: bytes, found: list[Diagnostic]) -> str:
    """A .bib file's text.

    The first byte that is not UTF-8 is reported at its line; such bytes become U+FFFD,
    so the build goes on with the rest of the file.
    """
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        before = data[: err.start].decode("utf-8")  # valid up to the first bad byte
        line, col = position(before, len(before))
        message = f"not UTF-8 (byte 0x{data[err.start]:02x}): save the file as UTF-8"
        found.append(Diagnostic(shown, line, message, col))
        return data.decode("utf-8", errors="replace")
