"""The ``tiered/plain`` MkDocs plugin: routes MkDocs events to the plain-language checks.

Each tier page (front matter ``tier``) is checked on its rendered article text, with
its tier's settings; findings are warnings at ``file:line:col`` (report-only tiers
keep them for the report), less those the author accepted with a reason. Review
dates are shown and checked per page; numbers are compared across a topic's tiers
once every page is rendered.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, Literal

from mkdocs.config.base import ConfigErrors, ConfigWarnings
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger

from tiered.common.dates import format_date
from tiered.common.diagnostics import Diagnostic
from tiered.common.frontmatter import parse_front_matter
from tiered.config_options import placed_config
from tiered.glossary.model import Wording
from tiered.glossary.plugin import GlossaryPlugin
from tiered.plain import accept, facts, jargon, overlay
from tiered.plain.background import Checked, Job, checker, setup_data
from tiered.plain.config import PlainConfig
from tiered.plain.findings import KINDS
from tiered.plain.review import Review, read_review, review_lines
from tiered.plugin_support import (
    add_assets,
    display_path,
    page_diagnostic,
    project_root,
    use_assets,
)
from tiered.preview.records import PageRecords
from tiered.readability.plugin import ReadabilityPlugin

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)


@dataclass(frozen=True, slots=True)
class PageFindings:
    """One tier page's counts, numbers and review dates, for the cross-page checks.

    Counts, not the findings: a library's worth of messages would sit in memory for
    nothing (they are warned, and the overlay is drawn, as the page renders).
    """

    tier: str
    path: str  # as messages name it (docs/topics/...)
    tally: tuple[int, ...]  # how many of each kind, in KINDS order (a dict a page: 3x the size)
    accepted: int
    numbers: tuple[facts.Number, ...]
    review: Review
    jargon: jargon.PageJargon  # for tiered glossary suggest

    @property
    def counts(self) -> dict[str, int]:
        """How many findings of each kind were left, by kind."""
        return dict(zip(KINDS, self.tally, strict=True))

    def counted(self) -> dict[str, int]:
        """The counts a library's reading-levels summary shows per page and adds up."""
        tally = self.counts
        return {
            "jargon": tally["jargon"],
            "long sentences": tally["long-sentence"],
            "passive": tally["passive"],
            "numbers": tally["number"],
        }

    def summary(self) -> dict[str, object]:
        """The figures the reading-levels report shows for the page."""
        tally = self.counts
        reviewed = self.review.reviewed
        return {
            "jargon": tally["jargon"],
            "acronyms": tally["acronym"],
            "numbers": tally["number"],
            "long sentences": tally["long-sentence"],
            "passive": tally["passive"],
            "long paragraphs": tally["long-paragraph"],
            "accepted": self.accepted,
            "reviewed": reviewed.isoformat() if reviewed else "never",
        }


@dataclass(frozen=True)
class _Checking:
    """A tier page being checked: what its findings are warned and recorded with."""

    page: Page
    tier: str
    path: str
    review: Review
    warned: bool  # whether its findings are warnings


class PlainPlugin(BasePlugin[PlainConfig]):
    """Plain-language checks per tier page: warned, accepted with a reason, reported."""

    def __init__(self) -> None:
        self.pages: PageRecords[PageFindings] = PageRecords()
        self.root = Path()
        self.serve = False
        self.today = dt.date.today()
        # Per build: each tier's glossary wordings (by term anchor), which the checker
        # judges (on the other core, on a library: see tiered.plain.background).
        self.wordings: dict[str, dict[str, Wording]] = {}
        self.checker = checker()
        self.readability: ReadabilityPlugin | None = None
        # A page's "Page last reviewed" lines, from its check to the end of its content.
        self.reviews: dict[str, str] = {}
        self.keep_jargon = False  # see collect_jargon

    def load_config(
        self, options: dict[str, Any], config_file_path: str | None = None
    ) -> tuple[ConfigErrors, ConfigWarnings]:
        # Each unknown option or bad value names its line of mkdocs.yml.
        errors, warnings = super().load_config(options, config_file_path)
        return placed_config("tiered/plain", config_file_path, errors, warnings)

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        # Defined so MkDocs keeps this object across rebuilds (see PageRecords); the
        # author's overlay is for the preview only.
        self.serve = command == "serve"
        self.pages.set_dirty(dirty)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.root = project_root(config)
        self.today = dt.date.today()
        self.wordings = {}
        self.readability = None
        self.reviews = {}
        self.pages.start_build(config)
        if self._overlay():
            use_assets(config, overlay.ASSETS)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        if self.config.enabled:
            self.pages.keep_present(files)
            self._start(config, len(files.documentation_pages()))
        if self._overlay():
            add_assets(config, files, overlay.ASSETS)
        return files

    def _overlay(self) -> bool:
        """Whether this build shows the author's overlay: in ``mkdocs serve`` only."""
        return self.serve and self.config.enabled and self.config.overlay

    # Before tiered/readability (20) measures the page (it waits for this page's figures)
    # and tiered/citations (10) formats citations (their text is left out by class); the
    # glossary has linked its terms while the Markdown rendered.
    @event_priority(30)
    def _check_page(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        if not self.config.enabled:
            return html
        self._take_checked(self.checker.done())  # the pages before, maybe checked by now
        source = page.file.content_string
        path = display_path(page.file.abs_src_path, self.root, page.file.src_uri)
        # Our front matter reader, not page.meta: it keeps dates as written, so a
        # malformed one ("2026-13-01") is named instead of emptying MkDocs' meta.
        front = parse_front_matter(source, path)
        tier = front.data.get("tier")
        if not isinstance(tier, str) or tier not in self.config.tiers:
            self.pages.discard(page.file.src_uri)
            return html  # not a tier page, or a tier not checked
        checks = self.config.tiers[tier]
        allowed = self._allowed(page, front.data)
        review = self._review(page, front.data)
        # Placing a finding costs: only when someone will read it (a benchmark or a
        # caller may silence warnings), or in the author's overlay.
        warned = not checks.report_only and log.isEnabledFor(logging.WARNING)
        wanted = warned or self._overlay()
        job = Job(
            tier, html, source, front.body_offset, tuple(allowed.words), wanted, self.keep_jargon
        )
        self.checker.add(_Checking(page, tier, path, review, warned), job.data())
        readability = config.plugins.get("tiered/readability")
        if isinstance(readability, ReadabilityPlugin):
            readability.expect_figures(page.file.src_uri)
            self.readability = readability
        if self.config.show_review:
            self.reviews[page.file.src_uri] = review_lines(review)
        return html

    # After tiered/readability (20) has taken the page, so both hand the same article
    # to the worker (read once there); before tiered/citations (10) adds the references.
    @event_priority(15)
    def _show_review(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        return html + self.reviews.pop(page.file.src_uri, "")

    on_page_content = CombinedEvent(_check_page, _show_review)

    # Before tiered/readability's (0): it takes this plugin's figures for its lines.
    @event_priority(30)
    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment | None:
        if not self.config.enabled:
            return env
        self._take_checked(self.checker.results())
        if not self.serve:
            self.checker.close()  # the word lists' memory is not held while the theme renders
        if self.config.facts:
            self._check_facts(files)
        if not self.keep_jargon:
            self.pages.release()  # a clean build's last use of them (their figures are handed)
        return env

    def on_shutdown(self) -> None:
        self.checker.close()

    def _start(self, config: MkDocsConfig, pages: int) -> None:
        """The checker's setup for this build of ``pages``: settings and glossary wordings."""
        tiers = {
            tier: (checks.settings(), checks.report_only)
            for tier, checks in self.config.tiers.items()
        }
        glossary = config.plugins.get("tiered/glossary")
        wordings = {
            tier: glossary.wordings(tier)
            for tier, checks in self.config.tiers.items()
            if checks.jargon and isinstance(glossary, GlossaryPlugin)
        }
        self.wordings = wordings
        self.checker.start(pages, setup_data(tiers, wordings))

    def _take_checked(self, checked: list[tuple[_Checking, Checked]]) -> None:
        """Pages checked: warned about, recorded, their figures handed to tiered/readability."""
        for checking, result in checked:
            page = checking.page
            for tier, anchor, problems in result.weak:
                self._warn_wording(tier, anchor, problems, checking.path)
            for offset, problem in result.problems:
                log.warning(str(page_diagnostic(page, self.root, problem, offset=offset)))
            if checking.warned:
                for finding in result.findings:
                    where = page_diagnostic(page, self.root, finding.message, offset=finding.offset)
                    log.warning(str(where))
            record = PageFindings(
                checking.tier,
                checking.path,
                tuple(result.counts[kind] for kind in KINDS),
                result.accepted,
                result.numbers,
                checking.review,
                result.jargon,
            )
            self.pages.put(page.file.src_uri, record)
            if self.readability is not None:
                terms = result.terms
                note = f"{terms} medical term{'' if terms == 1 else 's'}" if terms else ""
                self.readability.add_figures(
                    page.file.src_uri, record.summary(), note, record.counted()
                )
            if self._overlay() and page.content is not None:
                page.content += overlay.overlay_data(result.findings)

    def collect_jargon(self) -> None:
        """Public: keep each page's unexplained jargon for :meth:`jargon_candidates`.

        Call it before the build. Off by default: a library's jargon, word by word and
        page by page, would be held until the build ends for nobody (5 MiB at 1,000
        synthetic topics).
        """
        self.keep_jargon = True

    def jargon_candidates(self) -> list[jargon.Candidate]:
        """Public: the jargon the checks left unexplained in this build, by word.

        Only after :meth:`collect_jargon` (else none). Ranked by pages, then mentions
        (:func:`tiered.plain.jargon.candidates`): ``tiered glossary suggest`` lists them
        as entries the glossary could add. Accepted words are not among them; in a
        dirty rebuild, pages not rendered again count as they last did.
        """
        return jargon.candidates((r.path, r.jargon) for _uri, r in self.pages.items())

    def _warn_wording(self, tier: str, anchor: str, problems: tuple[str, ...], path: str) -> None:
        """Once a build, at the glossary file's line: a wording pages rely on is not plain."""
        said = self.wordings[tier][anchor]
        own = said.tier is not None
        which = f"{tier} wording" if own else f"'short' (it has no {tier} wording)"
        message = (
            f"glossary term '{said.term}': its {which} is not plain "
            f"({'; '.join(problems)}), so its links on {tier} pages explain nothing "
            f"(first: {path}): rewrite it in plain words"
        )
        log.warning(str(Diagnostic(said.path, said.line, message)))

    def _allowed(self, page: Page, meta: Mapping[str, object]) -> accept.Allowed:
        """What the page's ``plain:`` front matter accepts; its mistakes are warned."""
        if "plain" not in meta:
            return accept.Allowed()
        allowed = accept.read_allowed(meta["plain"])
        for problem in allowed.problems:
            log.warning(str(page_diagnostic(page, self.root, problem, key="plain")))
        return allowed

    def _review(self, page: Page, meta: Mapping[str, object]) -> Review:
        interval = self.config.review_interval
        review = read_review(meta, int(interval) if interval is not None else None)
        for key, problem in review.problems:
            log.warning(str(page_diagnostic(page, self.root, problem, key=key)))
        if review.due is not None and review.overdue(self.today):
            key = "next_review" if "next_review" in meta else "reviewed"
            message = (
                f"the page's review was due on {format_date(review.due)}: review it, then "
                "update 'reviewed' (and 'next_review')"
            )
            log.warning(str(page_diagnostic(page, self.root, message, key=key)))
        return review

    def _check_facts(self, files: Files) -> None:
        """Each simpler tier's numbers against its topic's reference tier."""
        topics: dict[str, dict[str, tuple[str, PageFindings]]] = {}
        for uri, record in self.pages.items():
            topic = str(PurePosixPath(uri).parent)
            topics.setdefault(topic, {})[record.tier] = (uri, record)
        for tiers in topics.values():
            reference = tiers.get(self.config.reference_tier)
            if reference is None:
                continue
            for tier, (uri, record) in tiers.items():
                file = files.get_file_from_path(uri)
                if tier == self.config.reference_tier or file is None or file.page is None:
                    continue
                for number in facts.unmatched(record.numbers, reference[1].numbers):
                    message = (
                        f'the number "{number.text}" is not on the {self.config.reference_tier} '
                        f"page ({reference[1].path}) and has no citation here: check the two "
                        "agree, or cite the source in this sentence"
                    )
                    where = page_diagnostic(file.page, self.root, message, offset=number.offset)
                    log.warning(str(where))
