"""The ``tiered/plain`` MkDocs plugin: routes MkDocs events to the plain-language checks.

Each tier page (front matter ``tier``) is checked on its rendered article text, with
its tier's settings; findings are warnings at ``file:line:col`` (report-only tiers
keep them for the report), less those the author accepted with a reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger

from tiered.common.frontmatter import parse_front_matter
from tiered.plain import accept
from tiered.plain.article import read_article
from tiered.plain.checks import counts, run
from tiered.plain.config import PlainConfig
from tiered.plain.findings import Finding
from tiered.plugin_support import display_path, page_diagnostic, project_root
from tiered.preview.records import PageRecords

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)


@dataclass(frozen=True)
class PageFindings:
    """One tier page's findings, for the reports."""

    tier: str
    findings: tuple[Finding, ...]
    accepted: int

    def counts(self) -> dict[str, int]:
        return counts(list(self.findings))


class PlainPlugin(BasePlugin[PlainConfig]):
    """Plain-language checks per tier page: warned, accepted with a reason, reported."""

    def __init__(self) -> None:
        self.pages: PageRecords[PageFindings] = PageRecords()
        self.root = Path()
        self.serve = False

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        # Defined so MkDocs keeps this object across rebuilds (see PageRecords); the
        # author's overlay is for the preview only.
        self.serve = command == "serve"
        self.pages.set_dirty(dirty)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.root = project_root(config)
        self.pages.start_build(config)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        if self.config.enabled:
            self.pages.keep_present(files)
        return files

    # Before tiered/readability (20) draws its reading line and tiered/citations (10)
    # formats citations (their text is left out by class); the glossary has linked its
    # terms while the Markdown rendered.
    @event_priority(30)
    def on_page_content(
        self, html: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled:
            return html
        tier = page.meta.get("tier")
        if not isinstance(tier, str) or tier not in self.config.tiers:
            self.pages.discard(page.file.src_uri)
            return html  # not a tier page, or a tier not checked
        checks = self.config.tiers[tier]
        source = page.file.content_string
        path = display_path(page.file.abs_src_path, self.root, page.file.src_uri)
        body = parse_front_matter(source, path).body_offset
        findings = run(read_article(html, source, body), checks.settings())
        allowed = accept.read_allowed(page.meta["plain"]) if "plain" in page.meta else None
        for problem in allowed.problems if allowed else ():
            log.warning(str(page_diagnostic(page, self.root, problem, key="plain")))
        result = accept.apply(findings, allowed or accept.Allowed(), source)
        for offset, problem in result.problems:
            log.warning(str(page_diagnostic(page, self.root, problem, offset=offset)))
        if not checks.report_only:
            for finding in result.findings:
                where = page_diagnostic(page, self.root, finding.message, offset=finding.offset)
                log.warning(str(where))
        record = PageFindings(tier, tuple(result.findings), len(result.accepted))
        self.pages.put(page.file.src_uri, record)
        return html
