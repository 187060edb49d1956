"""Run a real MkDocs build of the project and keep what the checks need.

The checks do not reimplement the plugins: they build the site into a temporary
folder, with the project's own configuration, and collect what the plugins logged
and what each page rendered to.
"""

from __future__ import annotations

import logging
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError
from mkdocs.plugins import BasePlugin

from tiered.common.diagnostics import Diagnostic, Severity
from tiered.plugin_support import display_path, project_root

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

_LOCATION = re.compile(
    r"^(?P<path>[^:\s][^:]*?)(?::(?P<line>\d+))?(?::(?P<col>\d+))?: (?P<msg>.*)$"
)


@dataclass
class BuildReport:
    """What a build logged and rendered."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    pages: dict[str, str] = field(default_factory=dict)  # display path -> rendered HTML
    failed: bool = False
    docs_dir: str = "docs"  # as displayed (relative to the project)
    plugins: dict[str, Any] = field(default_factory=dict)  # the build's plugin instances


class _Collect(logging.Handler):
    def __init__(self, prefix: str | tuple[str, ...], report: BuildReport) -> None:
        super().__init__(logging.WARNING)
        self.prefix = prefix
        self.report = report

    def emit(self, record: logging.LogRecord) -> None:
        if not record.name.startswith(self.prefix) and record.levelno < logging.ERROR:
            return
        message = record.getMessage().removeprefix("tiered: ")
        severity: Severity = "error" if record.levelno >= logging.ERROR else "warning"
        match = _LOCATION.match(message)
        if match is None:
            self.report.diagnostics.append(Diagnostic("", 0, message, severity=severity))
            return
        self.report.diagnostics.append(
            Diagnostic(
                match["path"],
                int(match["line"] or 0),
                match["msg"],
                int(match["col"] or 0),
                severity,
            )
        )


class _Pages(BasePlugin):  # type: ignore[type-arg]
    """Keeps every page's rendered HTML (added to the project's plugins for one build)."""

    def __init__(self, report: BuildReport, root: Path) -> None:
        self.report = report
        self.root = root

    def on_page_content(
        self, html: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if page.file.abs_src_path:
            self.report.pages[display_path(page.file.abs_src_path, self.root)] = html
        return html


def run_build(config_file: str, logger_prefix: str | tuple[str, ...]) -> BuildReport:
    """Build into a temporary folder; collect warnings from ``logger_prefix`` and errors."""
    report = BuildReport()
    handler = _Collect(logger_prefix, report)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    previous = logger.level
    logger.setLevel(logging.WARNING)  # quiet: the command prints its own findings
    quiet = logging.StreamHandler()
    try:
        with tempfile.TemporaryDirectory() as site:
            try:
                config = load_config(config_file=config_file, site_dir=site)
            except (Abort, ConfigurationError) as err:
                report.failed = True
                report.diagnostics.append(Diagnostic(config_file, 0, str(err), severity="error"))
                return report
            root = project_root(config)
            report.docs_dir = display_path(Path(config.docs_dir), root)
            report.plugins = dict(config.plugins.items())
            config.plugins["tiered-check-pages"] = _Pages(report, root)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build(config)
            except Abort:
                report.failed = True
            finally:
                config.plugins.on_shutdown()
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous)
        quiet.close()
    return report


def print_diagnostics(diagnostics: list[Diagnostic]) -> None:
    """``file:line:col: severity: message``, sorted by file and position."""
    for d in sorted(diagnostics, key=lambda d: (d.path, d.line, d.col, d.message)):
        where = f"{d.location}: " if d.path else ""
        print(f"{where}{d.severity}: {d.message}")


def run_check(config_file: str, logger_prefix: str) -> int:
    """Build, print one plugin's findings, and return the exit status (1 if any, 2 if no config)."""
    if not Path(config_file).is_file():
        print(f"{config_file}: error: no such configuration file", file=sys.stderr)
        return 2
    report = run_build(config_file, logger_prefix)
    print_diagnostics(report.diagnostics)
    count = len(report.diagnostics)
    print(f"{count} problem{'s' if count != 1 else ''} found", file=sys.stderr)
    return 1 if count or report.failed else 0
