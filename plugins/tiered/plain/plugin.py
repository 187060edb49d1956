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
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger

from tiered.common.dates import format_date
from tiered.common.diagnostics import Diagnostic
from tiered.common.frontmatter import parse_front_matter
from tiered.config_options import placed_config
from tiered.glossary.model import Wording
from tiered.glossary.plugin import GlossaryPlugin
from tiered.plain import accept, facts, jargon, overlay, wording
from tiered.plain.article import GLOSSARY_LINK, article_from_blocks
from tiered.plain.checks import counts, run
from tiered.plain.config import PlainConfig, TierChecks
from tiered.plain.review import Review, read_review, review_lines
from tiered.plugin_support import (
    add_assets,
    display_path,
    page_diagnostic,
    project_root,
    use_assets,
)
from tiered.preview.records import PageRecords
from tiered.readability.measure import article_blocks
from tiered.readability.plugin import ReadabilityPlugin

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)


@dataclass(frozen=True)
class PageFindings:
    """One tier page's counts, numbers and review dates, for the cross-page checks.

    Counts, not the findings: a library's worth of messages would sit in memory for
    nothing (they are warned, and the overlay is drawn, as the page renders).
    """

    tier: str
    path: str  # as messages name it (docs/topics/...)
    counts: dict[str, int]
    accepted: int
    numbers: tuple[facts.Number, ...]
    review: Review
    jargon: tuple[jargon.Flagged, ...] = ()  # for tiered glossary suggest

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


class PlainPlugin(BasePlugin[PlainConfig]):
    """Plain-language checks per tier page: warned, accepted with a reason, reported."""

    def __init__(self) -> None:
        self.pages: PageRecords[PageFindings] = PageRecords()
        self.root = Path()
        self.serve = False
        self.today = dt.date.today()
        # Per build: each tier's glossary wordings (by term anchor), and the verdict on
        # each wording a page relied on, by (tier, anchor): judged once a build.
        self.wordings: dict[str, dict[str, Wording]] = {}
        self.verdicts: dict[tuple[str, str], wording.Weak | None] = {}

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
        self.verdicts = {}
        self.pages.start_build(config)
        if self._overlay():
            use_assets(config, overlay.ASSETS)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        if self.config.enabled:
            self.pages.keep_present(files)
        if self._overlay():
            add_assets(config, files, overlay.ASSETS)
        return files

    def _overlay(self) -> bool:
        """Whether this build shows the author's overlay: in ``mkdocs serve`` only."""
        return self.serve and self.config.enabled and self.config.overlay

    # Before tiered/readability (20) draws its reading line and tiered/citations (10)
    # formats citations (their text is left out by class); the glossary has linked its
    # terms while the Markdown rendered.
    @event_priority(30)
    def on_page_content(
        self, html: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled:
            return html
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
        body = front.body_offset
        blocks = article_blocks(html)
        article = article_from_blocks(blocks, html, source, body)
        allowed = self._allowed(page, front.data)
        glossary = self._page_glossary(config, tier, checks, html, path)
        result = accept.apply(run(article, checks.settings(), glossary), allowed, source)
        for offset, problem in result.problems:
            log.warning(str(page_diagnostic(page, self.root, problem, offset=offset)))
        # Placing a finding costs: only when someone will read it (a benchmark or a
        # caller may silence warnings).
        if not checks.report_only and log.isEnabledFor(logging.WARNING):
            for finding in result.findings:
                where = page_diagnostic(page, self.root, finding.message, offset=finding.offset)
                log.warning(str(where))
        review = self._review(page, front.data)
        record = PageFindings(
            tier,
            path,
            counts(result.findings),
            len(result.accepted),
            # A number the page accepts (plain.allow) is not compared across tiers.
            facts.without_accepted(facts.numbers(article), allowed.words),
            review,
            jargon.flagged(article, result.findings, checks.min_zipf),
        )
        self.pages.put(page.file.src_uri, record)
        readability = config.plugins.get("tiered/readability")
        if isinstance(readability, ReadabilityPlugin):
            terms = len(jargon.vocabulary(article, checks.min_zipf))
            note = f"{terms} medical term{'' if terms == 1 else 's'}" if terms else ""
            readability.add_figures(
                page.file.src_uri, record.summary(), note, blocks, record.counted()
            )
        if self.config.show_review:
            html += review_lines(review)
        if self._overlay():
            html += overlay.overlay_data(result.findings)
        return html

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment | None:
        if self.config.enabled and self.config.facts:
            self._check_facts(files)
        return env

    def jargon_candidates(self) -> list[jargon.Candidate]:
        """Public: the jargon the checks left unexplained in this build, by word.

        Ranked by pages, then mentions (:func:`tiered.plain.jargon.candidates`):
        ``tiered glossary suggest`` lists them as entries the glossary could add.
        Accepted words are not among them; in a dirty rebuild, pages not rendered
        again count as they last did.
        """
        return jargon.candidates((r.path, r.jargon) for _uri, r in self.pages.items())

    def _page_glossary(
        self, config: MkDocsConfig, tier: str, checks: TierChecks, html: str, path: str
    ) -> wording.PageGlossary | None:
        """The page's glossary links, judged by their terms' wordings for ``tier``.

        The wordings come from tiered/glossary's public ``wordings``; without that
        plugin (or its glossary), any glossary link explains the words in it.
        """
        if not checks.jargon or GLOSSARY_LINK not in html:
            return None
        wordings = self.wordings.get(tier)
        if wordings is None:
            glossary = config.plugins.get("tiered/glossary")
            found = glossary.wordings(tier) if isinstance(glossary, GlossaryPlugin) else {}
            wordings = self.wordings[tier] = found
        if not wordings:
            return None
        settings = checks.settings()

        def judge(anchor: str) -> wording.Weak | None:
            key = (tier, anchor)
            if key in self.verdicts:
                return self.verdicts[key]
            said = wordings.get(anchor)
            verdict = None
            if said is not None:
                problems = wording.problems(said.text, wording.own_words(said.forms), settings)
                if problems:
                    place = f"{said.path}:{said.line}"
                    verdict = wording.Weak(said.term, tier, said.tier is not None, place, problems)
                    if not checks.report_only:
                        self._warn_wording(said, verdict, path)
            self.verdicts[key] = verdict
            return verdict

        return wording.PageGlossary(wording.links(html), judge)

    def _warn_wording(self, said: Wording, weak: wording.Weak, path: str) -> None:
        """Once a build, at the glossary file's line: a wording pages rely on is not plain."""
        which = f"{weak.tier} wording" if weak.own else f"'short' (it has no {weak.tier} wording)"
        message = (
            f"glossary term '{said.term}': its {which} is not plain "
            f"({'; '.join(weak.problems)}), so its links on {weak.tier} pages explain nothing "
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
