"""The ``tiered/glossary`` MkDocs plugin: routes MkDocs events to the glossary.

Two phases. While pages render, the Markdown extension links terms and records
mentions (``on_page_markdown`` tells it which page it is on; ``on_page_content``
collects what it found). In ``on_env``, when every page is known, unused terms are
reported; once search has read the glossary page, its "Used in" placeholders are
filled, a topic's tier pages as one item for the topic
(:mod:`tiered.common.backlinks`). A glossary of more than ``split`` terms is split
by letter (:mod:`tiered.common.letters`): the glossary page lists the letters, each
letter has its page (not in the navigation), and every link to an entry goes to its
letter's page.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, cast

import markdown
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.toc import get_toc

from tiered.common.backlinks import Topic, TopicGroup, by_topic, short_names
from tiered.common.diagnostics import Diagnostic
from tiered.common.letters import Parts
from tiered.common.text import sort_key
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
from tiered.glossary.model import (
    Glossary,
    GlossaryError,
    Term,
    Wording,
    decode_glossary,
    load_glossary,
)
from tiered.glossary.urls import RelativeUrls
from tiered.levels.plugin import tier_names
from tiered.markdown_support import without_raw_html
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
_SPLIT_INTRO = (
    "What the medical words on this site mean, by first letter. In the articles, these "
    "words link to their entries; point at one, focus it or tap it to see a short definition."
)
_PART_INTRO = "The terms that start with {letter}."


_PLACEHOLDER = re.compile(render.used_in_placeholder_pattern())


@lru_cache(maxsize=8)
def _load(data: bytes, path: str, tiers: tuple[str, ...], inflect: bool) -> Glossary:
    """Parse once per content: ``mkdocs serve`` rebuilds reuse an unchanged glossary."""
    return load_glossary(decode_glossary(data, path), path, tiers, inflect=inflect)


@dataclass(frozen=True, slots=True)
class _Usage:
    """Where one page mentions terms: compact, kept until the glossary page is written.

    A thousand pages mention tens of thousands of (term, section) pairs, so each term
    keeps its sections as a bit mask over the page's sections (small ints are shared),
    and the terms and masks are two tuples (a third of a dict's size; the anchors are
    the terms' own strings). Plain data (the page's address and title, not the page):
    in a dirty rebuild it is kept from the build that last rendered the page
    (:class:`PageRecords`).
    """

    src_uri: str
    url: str
    title: str
    tier: str | None  # front matter ``tier``: a tier page, listed under its topic
    sections: tuple[tuple[str, str], ...]  # (id, title) of each h2 with a mention
    terms: tuple[str, ...]  # the anchors of the terms mentioned
    masks: tuple[int, ...]  # for each of terms: bit i set if mentioned in sections[i]

    def sections_of(self, anchor: str) -> list[tuple[str, str]]:
        mask = self.masks[self.terms.index(anchor)]
        return [section for i, section in enumerate(self.sections) if mask >> i & 1]


@dataclass(frozen=True)
class _Body:
    """What a glossary page shows after its introduction, made for the page at ``url``.

    Attributes:
        toc: Its contents list's letters and the anchors of its entries (none: not set).
    """

    url: str
    html: str
    toc: tuple[list[str], set[str]] | None = None


@dataclass(frozen=True)
class _Written:
    """A term's back-links as written (a dirty rebuild reuses them when nothing changed)."""

    page_url: str  # the glossary page they are on
    usages: tuple[_Usage, ...]
    topics: tuple[Topic | None, ...]  # each usage's topic
    html: str


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
        self.parts = Parts("")  # which glossary page lists each term (by anchor)
        self.urls: dict[str, str] = {}  # the glossary page and its letters': path -> url
        self.pages: dict[str, Page] = {}  # those pages in this build, by src_uri
        self.pending: set[str] = set()  # those whose back-links are not written yet
        self.order: dict[str, int] = {}
        self.used_by: dict[str, list[_Usage]] = {}
        self.topics: dict[str, Topic | None] = {}  # tier page src_uri -> its topic
        self.definitions: tuple[markdown.Markdown, GlossaryExtension] | None = None
        # The terms in order, by letter page, by name (built for the first letter page).
        self.listing: tuple[list[Term], dict[str, list[str]], dict[str, Term]] | None = None
        # Dirty serve: each term's back-links as last written, with the records they show.
        self.back_links: dict[str, _Written] = {}
        self.written: dict[str, _Written] = {}  # this build's, so far
        # Dirty serve: each glossary page finished in on_env, so an unchanged one is not
        # written again (see GeneratedPages).
        self.generated = GeneratedPages()
        self.finished: dict[str, str] = {}
        self.bodies: dict[str, _Body] = {}  # each glossary page's, by src_uri (dirty serve)
        self.root = Path()
        self.file = DEFAULT_FILE  # the glossary file, relative to root
        self.said_absent = False  # "no glossary file" is said once a command

    def wordings(self, tier: str | None) -> dict[str, Wording]:
        """Public: what each term's link says on a page at ``tier``, by the term's anchor.

        The anchor is the fragment of the link's ``href`` (``#osteopenia``); the wording
        is its ``title`` there, with its line in the glossary file, so another plugin can
        judge a wording and name where to change it. Empty without a glossary.
        """
        glossary = self.glossary
        if glossary is None:
            return {}
        return {term.anchor: term.wording_for(tier, glossary.path) for term in glossary.terms}

    # -- configuration -----------------------------------------------------------

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.glossary = self.extension = self.definitions = self.listing = None
        self.results = {}
        self.pages = {}
        self.used_by = {}
        self.topics = {}
        self.written = {}
        self.finished = {}
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
        if not self.usage.start_build(config, [path]):
            self.bodies = {}
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
        orders = {t.anchor: (sort_key(t.term), t.term) for t in self.glossary.terms}
        self.parts = Parts.split(
            self.config.page_path, orders, int(self.config.split), int(self.config.per_page)
        )
        config.markdown_extensions.append(self.extension)  # type: ignore[arg-type]
        use_assets(config, self._assets())
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        if self.glossary is None:
            return files
        source = _identity(self.root / self.file)
        for file in list(files) if source is not None else []:
            if file.abs_src_path and _identity(file.abs_src_path) == source:
                files.remove(file)  # data, not content: never copied into the site
        add_assets(config, files, self._assets())
        self.usage.keep_present(files)
        generate_page(
            config,
            files,
            path=self.config.page_path,
            title=self.config.page_title,
            intro=_SPLIT_INTRO if self.parts.parts else _INTRO,
            kind="glossary page",
            plugin="tiered/glossary",
        )
        index = files.get_file_from_path(self.config.page_path)
        self.urls = {self.config.page_path: index.url if index else self.config.page_path}
        self.urls |= generate_letter_pages(
            config,
            files,
            self.parts,
            title=self.config.page_title,
            intro=_PART_INTRO,
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
        if uri in self.urls:
            self.pages[uri] = page
            self.extension.start_page(PageContext(autolink=False))
            return markdown
        autolink = page.meta.get("glossary", True)
        if not isinstance(autolink, bool):
            message = "front matter field 'glossary' must be true or false"
            log.warning(str(page_diagnostic(page, self.root, message, key="glossary")))
            autolink = True
        tier = page.meta.get("tier")
        relative = RelativeUrls(page.url)
        context = PageContext(
            markers="[[" in markdown,
            glossary_href=relative(self.urls[self.config.page_path]),
            entry_href=self._entry_href(relative) if self.parts.parts else None,
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
        if page.file.src_uri in self.pages:
            return html + self._glossary_body(page, config)
        entry = self.results.pop(page.file.src_uri, None)
        if entry is not None:
            result = entry[1]
            if result.unknown:
                self._report_unknown(page, result.unknown)
            sections = {i: t for found in result.used.values() for i, t in found.items()}
            index = {section_id: bit for bit, section_id in enumerate(sections)}
            masks = tuple(sum(1 << index[i] for i in found) for found in result.used.values())
            title = str(page.meta.get("title") or page.title or page.file.src_uri)
            tier = page.meta.get("tier")
            usage = _Usage(
                page.file.src_uri,
                page.url,
                title,
                tier if isinstance(tier, str) else None,
                tuple(sections.items()),
                tuple(result.used),
                masks,
            )
            self.usage.put(page.file.src_uri, usage)
        return html

    # -- phase 2: every page is known ---------------------------------------------------

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment | None:
        glossary = self.glossary
        if not self.pages or glossary is None:
            return env
        used_by: dict[str, list[_Usage]] = {}
        usages = [usage for _uri, usage in self.usage.items()]
        for usage in sorted(usages, key=lambda u: self.order.get(u.src_uri, -1)):
            for anchor in usage.terms:
                used_by.setdefault(anchor, []).append(usage)
            if usage.tier is not None and usage.terms:
                self.topics[usage.src_uri] = self._topic(usage.src_uri, files)
        self.used_by = used_by
        self.pending = set(self.pages)
        self.definitions = self.listing = None  # every glossary page has rendered
        if self.config.warn_unused:
            for term in glossary.terms:
                matchable = any(not unmatchable_reason(form) for form in term.forms)
                if term.link and matchable and term.anchor not in used_by:
                    message = f"glossary term '{term.term}' is not used on any page"
                    log.warning(str(Diagnostic(glossary.path, term.line, message)))
        if self.generated.dirty:
            # Each page's back-links now (a clean build makes them page by page, as each
            # is written): a page that shows what it showed is not written again.
            for uri, page in self.pages.items():
                if page.content is not None:
                    self.finished[uri] = finished = self._with_back_links(page, page.content)
                    self.generated.show(page.file, finished)
            self.pending = set()
            self._release()
        return env

    # After the search plugins indexed the page (they read it in on_page_context too):
    # the back-links are navigation, not text to search, and on a large site they are
    # most of the glossary page's bytes.
    @event_priority(-100)
    def on_page_context(
        self, context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        uri = page.file.src_uri
        if uri in self.finished:
            page.content = self.finished.pop(uri)
            return context
        if uri not in self.pages or uri not in self.pending:
            return context
        self.pending.discard(uri)
        if page.content is not None:
            page.content = self._with_back_links(page, page.content)
        if not self.pending:  # every glossary page written
            self._release()
        return context

    def _with_back_links(self, page: Page, content: str) -> str:
        """Glossary page ``page``'s ``content`` with each term's "Used in" list put in."""
        hrefs = RelativeUrls(page.url)
        return _PLACEHOLDER.sub(
            lambda match: self._back_links(html.unescape(match.group(1)), hrefs),
            content,
        )

    def _release(self) -> None:
        """Every glossary page's back-links are made: what only they needed goes."""
        self.back_links = self.written if self.usage.dirty else {}
        self.written = {}
        self.used_by = {}
        self.topics = {}
        self.usage.release()  # kept only for the next dirty rebuild

    def _back_links(self, anchor: str, href: RelativeUrls) -> str:
        """The "Used in" list of term ``anchor`` on the glossary page ``href`` is from."""
        page_url = href.base
        usages = tuple(self.used_by.get(anchor, ()))
        topics = tuple(self.topics.get(usage.src_uri) for usage in usages)
        # A dirty rebuild keeps most pages' records (the same objects): a term whose
        # pages (and their topics) are the same ones as last time has the same back-links.
        last = self.back_links.get(anchor)
        if (
            last is not None
            and last.page_url == page_url
            and _same(last.usages, usages)
            and last.topics == topics
        ):
            self.written[anchor] = last
            return last.html

        items: list[render.UsedIn | render.TopicUsedIn] = []
        for item in by_topic(
            (usage, topic, usage.tier) for usage, topic in zip(usages, topics, strict=True)
        ):
            if isinstance(item, TopicGroup):
                names = short_names([tier for tier, _usage in item.tiers])
                tiers = tuple(
                    (name, usage.title, href(usage.url))
                    for name, (_tier, usage) in zip(names, item.tiers, strict=True)
                )
                items.append(render.TopicUsedIn(item.topic.title, href(item.topic.url), tiers))
                continue
            base = href(item.url)
            sections = tuple((t, f"{base}#{i}") for i, t in item.sections_of(anchor))
            items.append(render.UsedIn(item.title, base, sections))
        written = _Written(page_url, usages, topics, render.used_in(items))
        if self.usage.dirty:  # kept for the next rebuild; a clean build needs it no more
            self.written[anchor] = written
        return written.html

    # Last, after every other plugin saw the finished page.
    @event_priority(-100)
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str | None:
        if page.file.src_uri in self.pages:
            # On a large site the back-links make this the biggest page; once written,
            # nothing needs it in memory for the rest of the build.
            page.content = ""
        return output

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        # Defined so MkDocs keeps this object across rebuilds: a dirty rebuild renders
        # only the edited pages, the others' mentions are kept (see PageRecords).
        self.usage.set_dirty(dirty)
        self.generated.set_dirty(dirty)
        self.bodies = {}
        self.said_absent = False  # once per command, not once per rebuild

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.generated.commit()

    def on_serve(
        self, server: LiveReloadServer, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer | None:
        if self.config.enabled and (self.root / self.file).exists():  # optional: maybe absent
            server.watch(str(self.root / self.file))
        return server

    # -- helpers ---------------------------------------------------------------------

    def _assets(self) -> dict[str, Path]:
        return {**CSS, **(POPOVER if self.config.popovers else {})}

    def _entry_href(self, relative: RelativeUrls) -> Callable[[str], str]:
        """The link to a term's entry (on its letter's page) from the page ``relative``
        makes links from."""
        hrefs: dict[str, str] = {}
        base = relative.base

        def href(anchor: str) -> str:
            path = self.parts.page_of(anchor)
            if path not in hrefs:
                url = self.urls.get(path, path)
                hrefs[path] = "" if url == base else relative(url)
            return f"{hrefs[path]}#{anchor}"

        return href

    def _topic(self, uri: str, files: Files) -> Topic | None:
        """The topic of tier page ``uri``: its landing page, titled by its latest record.

        From the records and the file list only: in a dirty rebuild the landing page may
        not be rendered (its ``Page`` knows nothing then).
        """
        landing = topic_landing_file(uri, files)
        if landing is None:
            return None
        record = self.usage.get(landing.src_uri)
        return Topic(landing.src_uri, record.title if record else landing.src_uri, landing.url)

    def _glossary_body(self, page: Page, config: MkDocsConfig) -> str:
        """What a glossary page shows after its introduction (the whole glossary, the
        letters of a split one, or one letter's terms), its contents list set.

        In a dirty serve, kept from the last build while the glossary and ``mkdocs.yml``
        are as they were (a page's body depends on nothing else): rendering a thousand
        definitions again on every save costs more than the rest of the glossary's work.
        """
        body = self.bodies.get(page.file.src_uri) if self.usage.dirty else None
        if body is None or body.url != page.url:
            body = self._make_body(page, config)
            if self.usage.dirty:
                self.bodies[page.file.src_uri] = body
        if body.toc is not None:
            self._set_toc(page, *body.toc)
        return body.html

    def _make_body(self, page: Page, config: MkDocsConfig) -> _Body:
        assert self.glossary is not None
        terms = self.glossary.terms
        uri = page.file.src_uri
        path = self.glossary.path

        def cite(key: str, line: int) -> str:
            return render.citation(key, f"{path}:{line}")

        if not self.parts.parts:
            definitions = self._definitions(config, terms, PageContext(glossary_href=""))
            body = render.page_body(terms, definitions, cite)
            letters = [render.letter_of(term) for term in render.ordered(terms)]
            return _Body(page.url, body, (letters, {t.anchor for t in terms}))
        if self.listing is None:  # the same for every letter page of the build
            ordered = render.ordered(terms)
            names = {t.term.casefold(): t for t in terms}
            self.listing = ordered, self.parts.group(t.anchor for t in ordered), names
        ordered, by_part, names = self.listing
        relative = RelativeUrls(page.url)
        hrefs = {label: relative(self.urls[there]) for label, there in self.parts.paths.items()}
        if uri == self.parts.index:
            rows = [
                (label, hrefs[label], len(by_part[there]))
                for label, there in self.parts.paths.items()
            ]
            return _Body(page.url, render.letter_index(rows))
        label = next(label for label, there in self.parts.paths.items() if there == uri)
        mine = set(by_part[uri])
        shown = [t for t in ordered if t.anchor in mine]
        href = self._entry_href(relative)
        definitions = self._definitions(
            config, shown, PageContext(glossary_href="", entry_href=href)
        )
        entries = render.Entries(
            definitions,
            names,
            cite,
            lambda term: href(term.anchor),
        )
        # The letter is the page's title: no contents list (the jump bar leads on).
        return _Body(page.url, render.part_body(label, hrefs, shown, entries), ([], mine))

    def _set_toc(self, page: Page, letters: list[str], anchors: set[str]) -> None:
        """The page's table of contents lists its letters; its entries are its anchors.

        The A-Z bar and the headings do the rest (a thousand-term contents list helps
        nobody and costs every build).
        """
        tokens: list[Any] = []
        for letter in letters:
            if not tokens or tokens[-1]["name"] != letter:
                tokens.append(
                    {"level": 2, "id": render.letter_id(letter), "name": letter, "children": []}
                )
        page.toc = get_toc(tokens)
        ids = anchors | {token["id"] for token in tokens}
        page.present_anchor_ids = (page.present_anchor_ids or set()) | ids

    def _definitions(
        self, config: MkDocsConfig, terms: list[Term], context: PageContext
    ) -> dict[str, str]:
        """The definitions of ``terms`` as HTML, other terms in them linked (``context``)."""
        assert self.glossary is not None
        if self.definitions is None:
            # Definitions render with the site's Markdown settings; other terms in them
            # link to their entries, a term never to itself.
            extension = GlossaryExtension(self.glossary, "first-per-page", share=self.extension)
            others = [e for e in config.markdown_extensions if not isinstance(e, GlossaryExtension)]
            # The glossary file is data, not a page: raw HTML in a definition is shown as text.
            md = without_raw_html(
                markdown.Markdown(
                    extensions=[*others, extension], extension_configs=config.mdx_configs or {}
                )
            )
            self.definitions = (md, extension)
        md, extension = self.definitions
        return _render_definitions(md, extension, terms, context)

    def _report_unknown(self, page: Page, names: list[str]) -> None:
        source = page.file.content_string
        start = 0
        for name in names:
            index = source.find(f"[[{name}", start)
            start = max(start, index + 1)
            message = f"[[{name}]] names no glossary term or alias"
            log.warning(str(page_diagnostic(page, self.root, message, offset=index)))


def _identity(path: str | Path) -> tuple[int, int] | None:
    """Which file ``path`` is, through any symbolic link (one system call: every file of
    a large site is asked)."""
    try:
        found = os.stat(path)  # noqa: PTH116 - Path.stat makes a Path per file
    except OSError:
        return None
    return (found.st_dev, found.st_ino)


def _same(last: tuple[_Usage, ...], now: tuple[_Usage, ...]) -> bool:
    """The very same records (kept, not rendered again), in the same order."""
    return len(last) == len(now) and all(a is b for a, b in zip(last, now, strict=True))


_ENTRY = re.compile(f"<p>{ENTRY_MARK}(.*?){ENTRY_MARK}</p>\n?")


def _render_definitions(
    md: markdown.Markdown, extension: GlossaryExtension, terms: list[Term], context: PageContext
) -> dict[str, str]:
    """Every definition as HTML, by anchor: in one Markdown pass when they allow it.

    A thousand small conversions cost more than the glossary's whole linking; one pass
    with a marker paragraph before each definition does the same work. A definition
    whose Markdown swallows the next marker (an unclosed code fence, say) makes the
    split come out wrong; then each is rendered on its own. An entry without
    ``definition`` shows its ``short`` text, plain (``SHORT_MARK``: the extension puts
    it in as text, so the serializer escapes it). ``context`` says where the links
    to other terms go.
    """
    source = "".join(
        f"\n\n{ENTRY_MARK}{t.anchor}{ENTRY_MARK}\n\n{t.definition or SHORT_MARK}\n" for t in terms
    )
    extension.start_page(replace(context))
    parts = _ENTRY.split(md.reset().convert(source))
    anchors, bodies = parts[1::2], parts[2::2]
    if anchors == [t.anchor for t in terms]:
        return {a: body.strip() for a, body in zip(anchors, bodies, strict=True)}
    definitions = {}
    for term in terms:
        extension.start_page(replace(context, exclude=term.anchor))
        definitions[term.anchor] = md.reset().convert(term.definition or SHORT_MARK)
    return definitions
