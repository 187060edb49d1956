"""The ``tiered/readability`` MkDocs plugin: routes MkDocs events to the measuring code.

Each tier page (front matter ``tier``) is measured on its rendered article text,
before the citations plugin formats citations (so their text is left out by class)
and after the glossary linked its terms (so they can be counted). Targets are checked
per page; the rise of grades from tier to tier within a topic, and the report page,
once every page is measured.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Literal

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.utils import get_relative_url

from tiered.common.frontmatter import parse_front_matter
from tiered.plugin_support import (
    add_assets,
    display_path,
    generate_page,
    page_diagnostic,
    project_root,
    topic_landing_file,
    use_assets,
)
from tiered.preview.generated import GeneratedPages
from tiered.preview.records import PageRecords
from tiered.readability import render
from tiered.readability.background import measurer
from tiered.readability.config import ReadabilityConfig
from tiered.readability.measure import Measures, find_sentence, page_done
from tiered.readability.targets import read_override

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)

_PLACEHOLDER = "<!-- tiered-readability:report -->"
_INTRO = (
    "How hard each page is to read, measured on its article text (not headings, tables, "
    "code or reference lists): Flesch-Kincaid grade level (FKGL) and SMOG grade."
)
_TERM = re.compile(r'class="tiered-glossary-term" href="[^"#]*#([^"]+)"')
_CITATION = '<span class="citation" data-cites="'
_H1_END = re.compile(r"</h1>\s*")
CSS = {"assets/tiered/readability.css": Path(__file__).parent / "assets" / "readability.css"}


@dataclass(frozen=True)
class _Handed:
    """What another plugin handed over for a page (see ``add_figures``)."""

    figures: tuple[tuple[str, str], ...]
    note: str
    counts: tuple[tuple[str, int], ...] = ()


_NOTHING = _Handed((), "")
_UNMEASURED = Measures(0, 0, 0, 0, 0)


@dataclass(frozen=True)
class _Measuring:
    """A tier page being measured: its figures but the measures, and its note."""

    page: Page
    stats: render.PageStats
    note: str

    def handed(self, handed: _Handed) -> _Measuring:
        """With another plugin's figures, handed over after the page rendered."""
        stats = dataclasses.replace(self.stats, figures=handed.figures, counts=handed.counts)
        return _Measuring(self.page, stats, handed.note)


class ReadabilityPlugin(BasePlugin[ReadabilityConfig]):
    """Reading levels per tier page: measured, shown, checked against targets, reported."""

    def __init__(self) -> None:
        self.stats: PageRecords[render.PageStats] = PageRecords()  # src_uri -> figures
        self.titles: PageRecords[str] = PageRecords()  # landing pages' titles
        self.generated = GeneratedPages()  # the report: written again when it changed
        self.report_page: Page | None = None
        self.root = Path()
        # Handed over by other plugins for a page about to be measured (add_figures).
        self.figures: dict[str, _Handed] = {}
        # Pages whose figures another plugin hands over later (expect_figures), and
        # those measured before their figures came: their lines wait for them.
        self.expected: set[str] = set()
        self.parked: dict[str, tuple[_Measuring, Measures]] = {}
        self.measured: set[str] = set()  # the tier pages measured in this build
        self.measurer = measurer()
        self.serving = False  # mkdocs serve: the worker waits for the next rebuild
        # One tuple for each ("jargon", "0") pair handed over in a build, however many
        # pages show it: a library's pages repeat them (~1 KB a page as their own).
        self._shown: dict[tuple[str, str], tuple[str, str]] = {}
        self._counted: dict[tuple[str, int], tuple[str, int]] = {}

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        # Defined so MkDocs keeps this object across rebuilds: a dirty rebuild renders
        # only the edited pages, the others' figures are kept (see PageRecords).
        self.stats.set_dirty(dirty)
        self.titles.set_dirty(dirty)
        self.generated.set_dirty(dirty)
        self.serving = command == "serve"

    def add_figures(
        self,
        src_uri: str,
        figures: Mapping[str, object],
        note: str = "",
        counts: Mapping[str, int] | None = None,
    ) -> None:
        """Public: another plugin's figures for page ``src_uri``, shown with its levels.

        Call it in ``on_page_content`` at a priority above 20 (before this plugin
        measures the page), or later, up to this plugin's ``on_env`` (a priority above
        0), for a page announced with :meth:`expect_figures`. ``figures`` ("jargon": 0,
        ...) join the page's row of the reading-levels report, in their order; ``note``
        ("14 medical terms") joins the reading line under the page title, after the
        grade. ``counts`` ("jargon": 3, ...): the few figures a library's summary (more
        than ``report_topics`` topics, one row a topic) shows in the page's cell, those
        above zero, and adds up over the library.
        """
        shown_pairs, counted_pairs = self._shown, self._counted
        shown = tuple(
            shown_pairs.setdefault(pair, pair)
            for pair in ((str(name), str(value)) for name, value in figures.items())
        )
        counted = tuple(
            counted_pairs.setdefault(pair, pair)
            for pair in ((str(name), int(value)) for name, value in (counts or {}).items())
        )
        handed = _Handed(shown, note, counted)
        parked = self.parked.pop(src_uri, None)
        if parked is None:
            self.figures[src_uri] = handed
            return
        self.expected.discard(src_uri)
        measuring, measures = parked
        self._measured(measuring.handed(handed), measures)

    def expect_figures(self, src_uri: str) -> None:
        """Public: figures for page ``src_uri`` will come after it renders (:meth:`add_figures`).

        Call it in ``on_page_content`` at a priority above 20: the page's reading line
        and report row wait for them (a plugin that checks its pages on another core
        hands its figures over as they come).
        """
        self.expected.add(src_uri)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.report_page = None
        self.figures = {}
        self._shown, self._counted = {}, {}  # kept records hold their own pairs
        self.expected = set()
        self.parked = {}
        self.measured = set()
        self.root = project_root(config)
        self.stats.start_build(config)
        self.titles.start_build(config)
        if self.config.enabled:
            use_assets(config, CSS)
            for tier in self.config.targets:
                if tier not in self.config.order:
                    raise PluginError(
                        f"tiered/readability: a target is set for tier '{tier}', which "
                        f"'order' does not list ({', '.join(self.config.order)})"
                    )
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        if self.config.enabled:
            add_assets(config, files, CSS)
            self.measurer.start(len(files.documentation_pages()))
            self.stats.keep_present(files)
            self.titles.keep_present(files)
            generate_page(
                config,
                files,
                path=self.config.report_path,
                title=self.config.report_title,
                intro=_INTRO,
                kind="reading-level report",
                plugin="tiered/readability",
                option="report_path",
            )
        return files

    # Before tiered/citations (10) formats citations and appends reference lists.
    @event_priority(20)
    def on_page_content(
        self, html: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled:
            return html
        # The pages before this one are rendered (their content set): those measured
        # get their lines now, and let go of their text.
        self._take_measured(self.measurer.done())
        if page.file.src_uri == self.config.report_path:
            self.report_page = page
            return html + _PLACEHOLDER
        if PurePosixPath(page.file.src_uri).name == "index.md" and page.title:
            self.titles.put(page.file.src_uri, str(page.title))  # a topic's, maybe
        else:
            self.titles.discard(page.file.src_uri)
        tier = page.meta.get("tier")
        if not isinstance(tier, str) or tier not in self.config.order:
            self.stats.discard(page.file.src_uri)
            return html  # not a tier page (tiered/levels reports bad tiers)
        handed = self.figures.pop(page.file.src_uri, None)
        if handed is None:
            handed = _NOTHING  # none yet, or none to come
        else:
            self.expected.discard(page.file.src_uri)
        fkgl, smog = self._targets(page, tier)
        stats = render.PageStats(
            src_uri=page.file.src_uri,
            topic=sys.intern(str(PurePosixPath(page.file.src_uri).parent)),  # its tiers' one
            tier=tier,
            title=_title(page),
            href=page.url,
            measures=_UNMEASURED,
            citations=html.count(_CITATION),
            terms=len(set(_TERM.findall(html))),
            fkgl_target=fkgl,
            smog_target=smog,
            figures=handed.figures,
            counts=handed.counts,
        )
        # Measured by on_env, maybe on the other core (tiered.common.background): the
        # reading line goes in then (or as the next pages render), before search and
        # the theme read the page.
        self.measurer.add(_Measuring(page, stats, handed.note), html)
        return html

    def _take_measured(self, measured: list[tuple[_Measuring, Measures]]) -> None:
        if not measured:
            return
        for measuring, measures in measured:
            self._measured(measuring, measures)
        page_done()  # the warnings' look-ups of the hardest sentences' words

    def _measured(self, measuring: _Measuring, measures: Measures) -> None:
        """Page ``measuring.page`` measured: checked, kept for the report, its line shown."""
        page = measuring.page
        if page.file.src_uri in self.expected:  # its figures are still to come
            handed = self.figures.pop(page.file.src_uri, None)
            if handed is None:
                self.parked[page.file.src_uri] = (measuring, measures)
                return
            self.expected.discard(page.file.src_uri)
            measuring = measuring.handed(handed)
        stats = dataclasses.replace(measuring.stats, measures=measures)
        self.measured.add(page.file.src_uri)
        if not stats.within_target:
            log.warning(self._over_target(page, stats))
        # Kept for the report, which shows figures: the hardest sentences (only the
        # warning quotes them) were ~1.5 MiB of a 1,000-topic site's text.
        kept = dataclasses.replace(measures, hardest=())
        self.stats.put(page.file.src_uri, dataclasses.replace(stats, measures=kept))
        if not self.config.show or page.content is None:
            return
        html = page.content
        line = render.reading_line(measures, self.config.words_per_minute, measuring.note)
        match = _H1_END.search(html)
        if match is None:
            page.content = line + html
        else:
            page.content = html[: match.end()] + line + html[match.end() :]

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment | None:
        if not self.config.enabled:
            return env
        self._take_measured(self.measurer.results())
        # Figures promised and never handed over: the lines go in without them.
        for uri in list(self.parked):
            self.add_figures(uri, {})
        self.expected.clear()
        if not self.serving:
            self.measurer.close()  # its memory is not held while the theme renders
        topics = self.topics()
        for pages in topics.values():
            # A dirty rebuild warns about the topics it measured again (as MkDocs does
            # about the pages it renders); the others were warned about when measured.
            if not self.measured.isdisjoint(s.src_uri for s in pages):
                self._check_order(pages, files)
        page = self.report_page
        if page is not None and page.content is not None:
            titles = self._topic_titles()
            landings = tuple(
                (uri, landing.url if landing else None)
                for uri, landing in (
                    (uri, topic_landing_file(uri, files)) for uri, _ in self.stats.items()
                )
            )
            shown = (page.content, tuple(self.stats.items()), sorted(titles.items()), landings)
            if not self.generated.show(page.file, shown):
                return env  # a dirty rebuild: the report shows what it showed
            linked = {
                topic: [
                    dataclasses.replace(s, href=get_relative_url(s.href, page.url)) for s in pages
                ]
                for topic, pages in topics.items()
            }
            if len(topics) > self.config.report_topics:
                hrefs = self._topic_hrefs(files, page)
                order = list(self.config.order)
                listing = render.summary(linked, titles, hrefs, order)
            else:
                listing = render.report(linked, titles)
            page.content = page.content.replace(_PLACEHOLDER, listing)
        return env

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.generated.commit()

    def on_shutdown(self) -> None:
        self.measurer.close()

    def topics(self) -> dict[str, list[render.PageStats]]:
        """Tier pages by topic, topics in name order, tiers plainest first."""
        topics: dict[str, list[render.PageStats]] = {}
        for _uri, stats in self.stats.items():
            topics.setdefault(stats.topic, []).append(stats)
        for pages in topics.values():
            pages.sort(key=lambda s: self.config.order.index(s.tier))
        return topics

    def _topic_titles(self) -> dict[str, str]:
        """Each topic's title: its landing page's, as it last rendered (dirty: maybe earlier)."""
        titles = {}
        for topic in {s.topic for _uri, s in self.stats.items()}:
            title = self.titles.get(f"{topic}/index.md")
            if title:
                titles[topic] = title
        return titles

    def _topic_hrefs(self, files: Files, report: Page) -> dict[str, str]:
        """Each measured topic's landing page, as a link from the report."""
        hrefs = {}
        for uri, stats in self.stats.items():
            landing = topic_landing_file(uri, files)
            if landing is not None:
                hrefs[stats.topic] = get_relative_url(landing.url, report.url)
        return hrefs

    def _targets(self, page: Page, tier: str) -> tuple[float | None, float | None]:
        """The page's targets: its tier's, or its front matter's ``readability.max_grade``."""
        target = self.config.targets.get(tier)
        fkgl = target.fkgl if target is not None else None
        smog = target.smog if target is not None else None
        if "readability" not in page.meta:
            return fkgl, smog
        override = read_override(page.meta["readability"])
        for problem in override.problems:
            log.warning(str(page_diagnostic(page, self.root, problem, key="readability")))
        if override.max_grade is None:
            return fkgl, smog
        value = override.max_grade
        return value, value + 1 if smog is not None else None

    def _over_target(self, page: Page, stats: render.PageStats) -> str:
        m = stats.measures
        parts = []
        if stats.fkgl_target is not None and m.fkgl > stats.fkgl_target:
            parts.append(f"grade {m.fkgl:.1f} (FKGL; target {stats.fkgl_target:g})")
        if stats.smog_target is not None and m.smog > stats.smog_target:
            parts.append(f"SMOG {m.smog:.1f} (target {stats.smog_target:g})")
        hardest = "; ".join(f'"{_short(s)}"' for s in m.hardest)
        message = (
            f"reads above the {stats.tier} target: {' and '.join(parts)}; "
            f"hardest sentences: {hardest}"
        )
        # At the hardest sentence, where the author starts simplifying.
        source = page.file.content_string
        path = display_path(page.file.abs_src_path, self.root, page.file.src_uri)
        body = parse_front_matter(source, path).body_offset
        offset = find_sentence(source, m.hardest[0], body) if m.hardest else -1
        return str(page_diagnostic(page, self.root, message, offset=offset))

    def _check_order(self, pages: list[render.PageStats], files: Files) -> None:
        for easier, harder in itertools.pairwise(pages):
            if harder.measures.fkgl <= easier.measures.fkgl:
                message = (
                    f"the {harder.tier} tier reads at grade {harder.measures.fkgl:.1f}, not "
                    f"above {easier.tier} ({easier.measures.fkgl:.1f}): each tier should read "
                    "harder than the last"
                )
                file = files.get_file_from_path(harder.src_uri)
                if file is not None and file.page is not None:
                    log.warning(str(page_diagnostic(file.page, self.root, message, key="tier")))


def _title(page: Page) -> str:
    # Only text: front matter may hold anything (tiered/levels reports a bad title), and
    # str() of an alias-nested list would never finish.
    for title in (page.meta.get("title"), page.title):
        if isinstance(title, str) and title.strip():
            return title
    return page.file.src_uri


def _short(sentence: str, limit: int = 120) -> str:
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"
