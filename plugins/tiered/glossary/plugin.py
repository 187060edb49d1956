"""The ``tiered/glossary`` MkDocs plugin: routes MkDocs events to the glossary.

Two phases. While pages render, the Markdown extension links terms and records
mentions (``on_page_markdown`` tells it which page it is on; ``on_page_content``
collects what it found). In ``on_env``, when every page is known, the glossary
page's "Used in" placeholders are filled and unused terms reported.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, cast

import markdown
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url

from tiered.common.diagnostics import Diagnostic
from tiered.glossary import render
from tiered.glossary.config import DEFAULT_FILE, GlossaryConfig
from tiered.glossary.markdown import (
    ENTRY_MARK,
    SHORT_MARK,
    Density,
    GlossaryExtension,
    PageContext,
    PageResult,
)
from tiered.glossary.matcher import unmatchable_reason
from tiered.glossary.model import Glossary, GlossaryError, Term, decode_glossary, load_glossary
from tiered.levels.plugin import tier_names
from tiered.markdown_support import without_raw_html
from tiered.plugin_support import (
    POPOVER,
    add_assets,
    display_path,
    generate_page,
    page_diagnostic,
    project_root,
    use_assets,
)
from tiered.preview.records import PageRecords

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

log = get_plugin_logger(__name__)

_PACKAGE = Path(__file__).parent
CSS = {"assets/tiered/glossary.css": _PACKAGE / "assets" / "glossary.css"}
_INTRO = (
    "What the medical words on this site mean. In the articles, these words link here; "
    "point at one, focus it or tap it to see a short definition."
)


_PLACEHOLDER = re.compile(render.used_in_placeholder_pattern())


@lru_cache(maxsize=8)
def _load(data: bytes, path: str, tiers: tuple[str, ...], inflect: bool) -> Glossary:
    """Parse once per content: ``mkdocs serve`` rebuilds reuse an unchanged glossary."""
    return load_glossary(decode_glossary(data, path), path, tiers, inflect=inflect)


@dataclass
class _Usage:
    """Where one page mentions terms: compact, kept until the glossary page is written.

    A thousand pages mention tens of thousands of (term, section) pairs, so each term
    keeps its sections as a bit mask over the page's sections (small ints are shared).
    Plain data (the page's address and title, not the page): in a dirty rebuild it is
    kept from the build that last rendered the page (:class:`PageRecords`).
    """

    src_uri: str
    url: str
    title: str
    sections: tuple[tuple[str, str], ...]  # (id, title) of each h2 with a mention
    terms: dict[str, int]  # term anchor -> bit i set: mentioned in sections[i]

    def sections_of(self, anchor: str) -> list[tuple[str, str]]:
        mask = self.terms[anchor]
        return [section for i, section in enumerate(self.sections) if mask >> i & 1]


class GlossaryPlugin(BasePlugin[GlossaryConfig]):
    """Glossary: auto-linked terms with popovers, and a generated glossary page.

    Attributes:
        glossary: The validated glossary file (its terms and diagnostics) once
            ``on_config`` has run with the plugin enabled, else None. Public: the
            ``tiered glossary`` commands read it instead of loading the file again.
    """

    def __init__(self) -> None:
        self.glossary: Glossary | None = None
        self.extension: GlossaryExtension | None = None
        self.results: dict[str, tuple[Page, PageResult]] = {}  # pages being rendered
        self.usage: PageRecords[_Usage] = PageRecords()
        self.glossary_page: Page | None = None
        self.order: dict[str, int] = {}
        self.used_by: dict[str, list[_Usage]] = {}
        # Dirty serve: each term's back-links as last written, with the records they show.
        self.back_links: dict[str, tuple[tuple[_Usage, ...], str]] = {}
        self.root = Path()
        self.file = DEFAULT_FILE  # the glossary file, relative to root
        self.said_absent = False  # "no glossary file" is said once a command

    # -- configuration -----------------------------------------------------------

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.glossary = self.extension = self.glossary_page = None
        self.results = {}
        self.used_by = {}
        if not self.config.enabled:
            return config
        self.root = project_root(config)
        self.file = self.config.file or DEFAULT_FILE
        path = self.root / self.file
        if self.config.file is None and not path.exists():
            if not self.said_absent:
                log.info(
                    f"{self.file}: no glossary file, so no terms are linked and there is no "
                    "glossary page (the file is optional: create it to add terms)"
                )
                self.said_absent = True
            return config
        # Every page links the glossary's terms: a changed file re-renders them all.
        self.usage.start_build(config, [path])
        shown = display_path(path, self.root)
        try:
            data = path.read_bytes()
        except FileNotFoundError as err:
            raise PluginError(
                f"{shown}: glossary file not found (set 'file' in the tiered/glossary options)"
            ) from err
        except OSError as err:
            raise PluginError(
                f"{shown}: cannot read the glossary file: {err.strerror or err}"
            ) from err
        try:
            self.glossary = _load(data, shown, tier_names(config), self.config.inflect)
        except GlossaryError as err:
            raise PluginError(str(err)) from err
        features = config.theme.get("features") or []
        if self.config.popovers and "content.tooltips" in features:
            log.warning(
                "theme feature 'content.tooltips' takes the titles of glossary links before "
                "the popover script can turn them into popovers: remove it from theme.features"
            )
        self.extension = GlossaryExtension(self.glossary, cast("Density", self.config.density))
        config.markdown_extensions.append(self.extension)  # type: ignore[arg-type]
        use_assets(config, self._assets())
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        if self.glossary is None:
            return files
        source = (self.root / self.file).resolve()
        for file in list(files):
            if file.abs_src_path and Path(file.abs_src_path).resolve() == source:
                files.remove(file)  # data, not content: never copied into the site
        add_assets(config, files, self._assets())
        self.usage.keep_present(files)
        generate_page(
            config,
            files,
            path=self.config.page_path,
            title=self.config.page_title,
            intro=_INTRO,
            kind="glossary page",
            plugin="tiered/glossary",
        )
        for diagnostic in sorted(self.glossary.diagnostics):
            log.warning(str(diagnostic))
        return files

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation | None:
        # "Used in" lists pages in reading order.
        self.order = {page.file.src_uri: index for index, page in enumerate(nav.pages)}
        return nav

    # -- phase 1: while pages render ------------------------------------------------

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if self.extension is None:
            return markdown
        uri = page.file.src_uri
        if uri == self.config.page_path:
            self.glossary_page = page
            self.extension.start_page(PageContext(autolink=False))
            return markdown
        autolink = page.meta.get("glossary", True)
        if not isinstance(autolink, bool):
            message = "front matter field 'glossary' must be true or false"
            log.warning(str(page_diagnostic(page, self.root, message, key="glossary")))
            autolink = True
        tier = page.meta.get("tier")
        target = files.get_file_from_path(self.config.page_path)
        context = PageContext(
            markers="[[" in markdown,
            glossary_href=get_relative_url(target.url, page.url) if target else "",
            tier=tier if isinstance(tier, str) else None,
            autolink=autolink,
        )
        self.results[uri] = (page, self.extension.start_page(context))
        return markdown

    def on_page_content(
        self, html: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if self.extension is None or self.glossary is None:
            return html
        if page is self.glossary_page:
            return html + self._glossary_body(page, config)
        entry = self.results.pop(page.file.src_uri, None)
        if entry is not None:
            result = entry[1]
            if result.unknown:
                self._report_unknown(page, result.unknown)
            sections = {i: t for found in result.used.values() for i, t in found.items()}
            index = {section_id: bit for bit, section_id in enumerate(sections)}
            terms = {
                anchor: sum(1 << index[i] for i in found) for anchor, found in result.used.items()
            }
            title = page.meta.get("title") or page.title or page.file.src_uri
            usage = _Usage(page.file.src_uri, page.url, str(title), tuple(sections.items()), terms)
            self.usage.put(page.file.src_uri, usage)
        return html

    # -- phase 2: every page is known ---------------------------------------------------

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment | None:
        page, glossary = self.glossary_page, self.glossary
        if page is None or glossary is None:
            return env
        used_by: dict[str, list[_Usage]] = {}
        usages = [usage for _uri, usage in self.usage.items()]
        for usage in sorted(usages, key=lambda u: self.order.get(u.src_uri, -1)):
            for anchor in usage.terms:
                used_by.setdefault(anchor, []).append(usage)
        self.used_by = used_by
        if self.config.warn_unused:
            for term in glossary.terms:
                matchable = any(not unmatchable_reason(form) for form in term.forms)
                if term.link and matchable and term.anchor not in used_by:
                    message = f"glossary term '{term.term}' is not used on any page"
                    log.warning(str(Diagnostic(glossary.path, term.line, message)))
        return env

    # After the search plugins indexed the page (they read it in on_page_context too):
    # the back-links are navigation, not text to search, and on a large site they are
    # most of the glossary page's bytes.
    @event_priority(-100)
    def on_page_context(
        self, context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        if page is not self.glossary_page or page.content is None:
            return context
        hrefs: dict[int, str] = {}
        written: dict[str, tuple[tuple[_Usage, ...], str]] = {}

        def back_links(match: re.Match[str]) -> str:
            anchor = html.unescape(match.group(1))
            usages = tuple(self.used_by.get(anchor, ()))
            # A dirty rebuild keeps most pages' records (the same objects): a term whose
            # pages are the same ones as last time has the same back-links.
            last = self.back_links.get(anchor)
            if last is not None and _same(last[0], usages):
                written[anchor] = last
                return last[1]
            items = []
            for usage in usages:
                key = id(usage)
                if key not in hrefs:
                    hrefs[key] = get_relative_url(usage.url, page.url)
                href = hrefs[key]
                sections = tuple((t, f"{href}#{i}") for i, t in usage.sections_of(anchor))
                items.append(render.UsedIn(usage.title, href, sections))
            written[anchor] = (usages, render.used_in(items))
            return written[anchor][1]

        page.content = _PLACEHOLDER.sub(back_links, page.content)
        self.back_links = written if self.usage.dirty else {}
        self.used_by = {}  # written: no longer needed
        self.usage.release()  # kept only for the next dirty rebuild
        return context

    # Last, after every other plugin saw the finished page.
    @event_priority(-100)
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str | None:
        if page is self.glossary_page:
            # On a large site the back-links make this the biggest page; once written,
            # nothing needs it in memory for the rest of the build.
            page.content = ""
        return output

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        # Defined so MkDocs keeps this object across rebuilds: a dirty rebuild renders
        # only the edited pages, the others' mentions are kept (see PageRecords).
        self.usage.set_dirty(dirty)
        self.said_absent = False  # once per command, not once per rebuild

    def on_serve(
        self, server: LiveReloadServer, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer | None:
        if self.config.enabled and (self.root / self.file).exists():  # optional: maybe absent
            server.watch(str(self.root / self.file))
        return server

    # -- helpers ---------------------------------------------------------------------

    def _assets(self) -> dict[str, Path]:
        return {**CSS, **(POPOVER if self.config.popovers else {})}

    def _glossary_body(self, page: Page, config: MkDocsConfig) -> str:
        assert self.glossary is not None
        terms = self.glossary.terms
        # Definitions render with the site's Markdown settings; other terms in them link
        # to their entries on this page, a term never to itself.
        extension = GlossaryExtension(self.glossary, "first-per-page", share=self.extension)
        others = [e for e in config.markdown_extensions if not isinstance(e, GlossaryExtension)]
        # The glossary file is data, not a page: raw HTML in a definition is shown as text.
        md = without_raw_html(
            markdown.Markdown(
                extensions=[*others, extension], extension_configs=config.mdx_configs or {}
            )
        )
        definitions = _render_definitions(md, extension, terms)
        path = self.glossary.path
        body = render.page_body(
            terms, definitions, lambda key, line: render.citation(key, f"{path}:{line}")
        )
        # The table of contents lists the letters; the A-Z bar and the headings do the rest
        # (a thousand-term contents list helps nobody and costs every build).
        tokens: list[Any] = []
        for term in render.ordered(terms):
            letter = render.letter_of(term)
            if not tokens or tokens[-1]["name"] != letter:
                tokens.append(
                    {"level": 2, "id": render.letter_id(letter), "name": letter, "children": []}
                )
        page.toc = get_toc(tokens)
        anchors = {t.anchor for t in terms} | {token["id"] for token in tokens}
        page.present_anchor_ids = (page.present_anchor_ids or set()) | anchors
        return body

    def _report_unknown(self, page: Page, names: list[str]) -> None:
        source = page.file.content_string
        start = 0
        for name in names:
            index = source.find(f"[[{name}", start)
            start = max(start, index + 1)
            message = f"[[{name}]] names no glossary term or alias"
            log.warning(str(page_diagnostic(page, self.root, message, offset=index)))


def _same(last: tuple[_Usage, ...], now: tuple[_Usage, ...]) -> bool:
    """The very same records (kept, not rendered again), in the same order."""
    return len(last) == len(now) and all(a is b for a, b in zip(last, now, strict=True))


_ENTRY = re.compile(f"<p>{ENTRY_MARK}(.*?){ENTRY_MARK}</p>\n?")


def _render_definitions(
    md: markdown.Markdown, extension: GlossaryExtension, terms: list[Term]
) -> dict[str, str]:
    """Every definition as HTML, by anchor: in one Markdown pass when they allow it.

    A thousand small conversions cost more than the glossary's whole linking; one pass
    with a marker paragraph before each definition does the same work. A definition
    whose Markdown swallows the next marker (an unclosed code fence, say) makes the
    split come out wrong; then each is rendered on its own. An entry without
    ``definition`` shows its ``short`` text, plain (``SHORT_MARK``: the extension puts
    it in as text, so the serializer escapes it).
    """
    source = "".join(
        f"\n\n{ENTRY_MARK}{t.anchor}{ENTRY_MARK}\n\n{t.definition or SHORT_MARK}\n" for t in terms
    )
    extension.start_page(PageContext(glossary_href=""))
    parts = _ENTRY.split(md.reset().convert(source))
    anchors, bodies = parts[1::2], parts[2::2]
    if anchors == [t.anchor for t in terms]:
        return {a: body.strip() for a, body in zip(anchors, bodies, strict=True)}
    definitions = {}
    for term in terms:
        extension.start_page(PageContext(glossary_href="", exclude=term.anchor))
        definitions[term.anchor] = md.reset().convert(term.definition or SHORT_MARK)
    return definitions
