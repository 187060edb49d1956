"""``tiered check``: every content check at once, and ``tiered report``: reading levels.

``check`` builds the site once with the project's configuration and gathers what
every tiered plugin reported (front matter and tiers, glossary, citations, plain language,
readability), MkDocs' own link checks and configuration warnings, each at
``file:line:col``. Exit status: 0 clean (or warnings only), 1 errors (or, with
``--strict``, warnings), 2 no usable configuration.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from tiered.cli.build import NO_CONFIG, exit_status, print_diagnostics, run_build
from tiered.common.diagnostics import Diagnostic, position

_LOGGERS = ("mkdocs.plugins.tiered", "mkdocs.structure")
# MkDocs' link warnings name the file and the link, not the line.
_LINK = re.compile(r"^Doc file '(?P<file>[^']+)' contains (?:an? (?:\w+ )?)?link '(?P<link>[^']+)'")


def register(commands: Any) -> None:
    """Add the ``check`` and ``report`` commands."""
    check = commands.add_parser(
        "check",
        help="run every content check: tiers, glossary, citations, readability, plain "
        "language, links",
    )
    check.add_argument("-f", "--config-file", default="mkdocs.yml")
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    check.set_defaults(run=run_check)
    report = commands.add_parser("report", help="reading levels per topic and tier")
    report.add_argument("-f", "--config-file", default="mkdocs.yml")
    report.set_defaults(run=run_report)


def run_check(args: argparse.Namespace) -> int:
    """Print every problem; exit 1 on an error (or, with ``--strict``, a warning)."""
    report = run_build(args.config_file, _LOGGERS)
    diagnostics = sorted(
        (_locate_link(d, report.docs_dir, report.root) for d in report.diagnostics),
        key=lambda d: (d.path, d.line, d.col, d.message),
    )
    if args.format == "json":
        rows = [
            {
                "file": d.path,
                "line": d.line,
                "column": d.col,
                "severity": d.severity,
                "message": d.message,
            }
            for d in diagnostics
        ]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        print_diagnostics(report, diagnostics)
        errors = sum(d.severity == "error" for d in diagnostics)
        warnings = len(diagnostics) - errors
        print(f"{errors} error(s), {warnings} warning(s)", file=sys.stderr)
    failing = any(d.severity == "error" or args.strict for d in diagnostics)
    return exit_status(report, failing=failing)


def _locate_link(diagnostic: Diagnostic, docs_dir: str, root: Path) -> Diagnostic:
    """A MkDocs link warning, placed at the link in its file."""
    match = _LINK.match(diagnostic.message) if not diagnostic.path else None
    if match is None:
        return diagnostic
    path = f"{docs_dir}/{match['file']}"
    line = col = 0
    try:
        source = (root / path).read_text(encoding="utf-8")
    except OSError:
        source = ""
    found = source.find(f"({match['link']}")
    if found >= 0:
        line, col = position(source, found + 1)
    return Diagnostic(path, line, diagnostic.message, col, diagnostic.severity)


def run_report(args: argparse.Namespace) -> int:
    """Print the reading-level table (the site has it as a page too)."""
    report = run_build(args.config_file, ())
    if report.config_failed or report.failed:
        print_diagnostics(report)  # the errors: warnings are for `tiered check`
        return exit_status(report, failing=True)
    plugin = report.plugins.get("tiered/readability")
    if plugin is None or not plugin.config.enabled:
        print(
            f"{args.config_file}: error: the tiered/readability plugin is not enabled",
            file=sys.stderr,
        )
        return NO_CONFIG
    from tiered.readability.render import report_text  # noqa: PLC0415 - only this command

    print(report_text(plugin.topics()), end="")
    return 0
