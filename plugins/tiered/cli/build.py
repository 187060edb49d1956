"""Run a real MkDocs build of the project and keep what the checks need.

The checks do not reimplement the plugins: they build the site into a temporary
folder, with the project's own configuration, and collect what the plugins logged
and what each page rendered to. A configuration that cannot be loaded (no file,
invalid YAML, a bad option, a plugin that is not installed) and a build that stops
are reported like any other problem, with the place when it is known: never a
traceback.
"""

from __future__ import annotations

import logging
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError
from mkdocs.plugins import BasePlugin

from tiered.common.diagnostics import Diagnostic, Severity
from tiered.common.yamlsource import describe, key_line
from tiered.config_options import message_names
from tiered.plugin_support import display_path, project_root

if TYPE_CHECKING:
    from collections.abc import Callable

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

# Exit statuses: problems found (or the build stopped), and a configuration that
# could not be loaded (nothing was checked).
PROBLEMS = 1
NO_CONFIG = 2

# "docs/a.md:3:5: message": a path has no spaces, so MkDocs' own sentences
# ("Error reading page 'a.md': ...") are not taken for one.
_LOCATION = re.compile(r"^(?P<path>[^:\s]+)(?::(?P<line>\d+))?(?::(?P<col>\d+))?: (?P<msg>.*)$")
_CONFIG_LOGGER = "mkdocs.config"
# MkDocs names the option a configuration message is about:
# "Config value 'plugins': Plugin 'tiered/levels' option 'tiers': Sub-option 'name': ..."
_OPTION_PATH = re.compile(
    r"Config value '(?P<key>[^']+)': "
    r"(?:Plugin '(?P<plugin>[^']+)' option '(?P<option>[^']+)': )?"
    r"(?:Sub-option '(?P<sub>[^']+)': )?"
    r"(?:The \"(?P<missing>[^\"]+)\" plugin)?"
)

# What ``tiered.config_options.placed_config`` makes of a plugin's message: the place
# after MkDocs' names of the option ("...option 'tiers': mkdocs.yml:14: tier ...").
_PLACED = re.compile(
    r"^(?P<head>Config value '[^']+': Plugin '[^']+'(?: option '[^']+')?: )"
    r"(?P<file>[^:\s]+):(?P<line>\d+): (?P<rest>.*)$",
    re.S,
)


@dataclass
class BuildReport:
    """What a build logged and rendered.

    Attributes:
        diagnostics: Every problem, in the order they were logged.
        pages: The rendered HTML of each page, by its display path.
        failed: The build stopped (a plugin error, a file it could not read).
        config_failed: The configuration could not be loaded: nothing was built.
        docs_dir: The docs folder as displayed (relative to the project).
        root: The project folder (that of the configuration file).
        plugins: The build's plugin instances, by name.
    """

    diagnostics: list[Diagnostic] = field(default_factory=list)
    pages: dict[str, str] = field(default_factory=dict)
    failed: bool = False
    config_failed: bool = False
    docs_dir: str = "docs"
    root: Path = field(default_factory=Path)
    plugins: dict[str, Any] = field(default_factory=dict)


class _Collect(logging.Handler):
    """Every warning of the chosen loggers and every error, as diagnostics."""

    def __init__(
        self, prefix: tuple[str, ...], report: BuildReport, config_file: str, config_text: str
    ) -> None:
        super().__init__(logging.WARNING)
        self.prefix = prefix
        self.report = report
        self.config_file = config_file
        self.config_text = config_text

    def emit(self, record: logging.LogRecord) -> None:
        if not record.name.startswith(self.prefix) and record.levelno < logging.ERROR:
            return
        message = record.getMessage().removeprefix("tiered: ")
        severity: Severity = "error" if record.levelno >= logging.ERROR else "warning"
        if record.name.startswith(_CONFIG_LOGGER):
            placed = _placed(message, self.config_file)
            if placed is not None:
                message, line = placed
            else:
                line = _config_line(self.config_text, message)
            self.report.diagnostics.append(Diagnostic(self.config_file, line, message, 0, severity))
            return
        match = _LOCATION.match(message)
        # "tiered/readability: a target is set ...": a plugin's name, not a file.
        if match is None or match["path"] in self.report.plugins:
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


def _config_line(text: str, message: str) -> int:
    """The line of ``mkdocs.yml`` a configuration message is about, or 0.

    The option's path (``plugins``, ``tiered/levels``, ``tiers``, then the names the
    message quotes) is walked in the file's YAML (:func:`~tiered.common.yamlsource.key_line`),
    so an option named in several plugins (``enabled``) is found under the right one.
    """
    match = _OPTION_PATH.match(message)
    if match is None:
        return 0
    names = [n for n in match.group("key", "plugin", "option", "sub", "missing") if n]
    return key_line(text, [*names, *message_names(message[match.end() :])])


def _placed(message: str, config_file: str) -> tuple[str, int] | None:
    """A message a plugin placed itself (``placed_config``): without the place, and its line."""
    match = _PLACED.match(message)
    if match is None or match["file"] != Path(config_file).name:
        return None
    return match["head"] + match["rest"], int(match["line"])


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


def run_build(
    config_file: str,
    logger_prefix: str | tuple[str, ...],
    prepare: Callable[[BuildReport], None] | None = None,
) -> BuildReport:
    """Build into a temporary folder; collect warnings from ``logger_prefix`` and errors.

    Configuration warnings (an unknown option) are collected too, at their line of
    the configuration file. ``prepare`` is called once the configuration is loaded,
    before the build (to ask a plugin, by its public API, for more than a build keeps).
    """
    report = BuildReport()
    path = Path(config_file)
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as err:
        reason = err.strerror
        if not path.exists():
            reason = "no such configuration file"
        elif path.is_dir():
            reason = "is a folder; give the configuration file (mkdocs.yml) with -f"
        report.config_failed = True
        report.diagnostics.append(Diagnostic(config_file, 0, str(reason), severity="error"))
        return report
    prefixes = (logger_prefix,) if isinstance(logger_prefix, str) else logger_prefix
    handler = _Collect((*prefixes, _CONFIG_LOGGER), report, config_file, text)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    previous = logger.level
    logger.setLevel(logging.WARNING)  # quiet: the command prints its own findings
    try:
        with tempfile.TemporaryDirectory() as site:
            config = _load(config_file, site, report)
            if config is None:
                return report
            if prepare is not None:
                prepare(report)
            _build(config, report)
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous)
    return report


def _load(config_file: str, site: str, report: BuildReport) -> MkDocsConfig | None:
    """The loaded configuration, or ``None`` with the reason in ``report``."""
    try:
        config = load_config(config_file=config_file, site_dir=site)
    except (Abort, ConfigurationError) as err:
        report.config_failed = True
        if not any(d.severity == "error" for d in report.diagnostics):
            report.diagnostics.append(_config_error(config_file, err))
        return None  # else MkDocs logged each error, collected at its line
    except Exception as err:  # a hook or plugin of the project failed while loading
        report.config_failed = True
        message = f"the configuration could not be loaded: {type(err).__name__}: {err}"
        report.diagnostics.append(Diagnostic(config_file, 0, message, severity="error"))
        return None
    report.root = project_root(config)
    report.docs_dir = display_path(Path(config.docs_dir), report.root)
    report.plugins = dict(config.plugins.items())
    return config


def _config_error(config_file: str, err: Exception) -> Diagnostic:
    """A configuration that could not be read, placed at its YAML error when it has one."""
    cause = err.__context__
    if isinstance(cause, yaml.MarkedYAMLError):
        line, col, problem = describe(cause, 1)
        mark = cause.problem_mark or cause.context_mark
        shown = config_file
        other = mark is not None and Path(mark.name).is_file()  # a file it INHERITs?
        if mark is not None and other and not Path(mark.name).samefile(config_file):
            shown = display_path(mark.name, Path(config_file).resolve().parent)
        return Diagnostic(shown, line, f"not valid YAML: {problem}", col, "error")
    return Diagnostic(config_file, 0, str(err), severity="error")


def _build(config: MkDocsConfig, report: BuildReport) -> None:
    config.plugins["tiered-check-pages"] = _Pages(report, report.root)
    try:
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except Abort:
        report.failed = True  # MkDocs logged why
    except Exception as err:
        # A check reports, it does not crash: say what stopped the build (`mkdocs build`
        # shows the whole traceback).
        report.failed = True
        report.diagnostics.append(
            Diagnostic(
                "",
                0,
                f"the build stopped: {type(err).__name__}: {err} "
                "(`mkdocs build` shows the traceback)",
                severity="error",
            )
        )


def print_diagnostics(report: BuildReport, diagnostics: list[Diagnostic] | None = None) -> None:
    """``file:line:col: severity: message``, sorted by file and position.

    On standard output, but on standard error when the configuration could not be
    loaded: then they are about the command, not about the content.
    """
    stream = sys.stderr if report.config_failed else sys.stdout
    found = report.diagnostics if diagnostics is None else diagnostics
    for d in sorted(found, key=lambda d: (d.path, d.line, d.col, d.message)):
        where = f"{d.location}: " if d.path else ""
        print(f"{where}{d.severity}: {d.message}", file=stream)


def run_check(config_file: str, logger_prefix: str) -> int:
    """Build and print one plugin's findings; the exit status.

    0: nothing found; 1: problems found or the build stopped; 2: no usable configuration.
    """
    report = run_build(config_file, logger_prefix)
    print_diagnostics(report)
    count = len(report.diagnostics)
    print(f"{count} problem{'s' if count != 1 else ''} found", file=sys.stderr)
    return exit_status(report, failing=bool(count))


def exit_status(report: BuildReport, *, failing: bool) -> int:
    """2 when the configuration could not be loaded, 1 on ``failing`` or a stopped build."""
    if report.config_failed:
        return NO_CONFIG
    return PROBLEMS if failing or report.failed else 0
