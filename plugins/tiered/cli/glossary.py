"""``tiered glossary check`` and ``tiered glossary suggest``.

Both build the site with the project's configuration; ``suggest`` then reads the
glossary the plugin validated during that build (``GlossaryPlugin.glossary``), never
the file a second time.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

from tiered.cli.build import BuildReport, exit_status, print_diagnostics, run_build
from tiered.common.diagnostics import position
from tiered.common.text import visible_text
from tiered.glossary.model import Glossary
from tiered.glossary.plugin import GlossaryPlugin
from tiered.glossary.suggest import Known, suggest
from tiered.plain.jargon import Candidate
from tiered.plain.plugin import PlainPlugin

_LOGGER = "mkdocs.plugins.tiered.glossary"
_PLUGIN = "tiered/glossary"


def register(commands: Any) -> None:
    """Add the ``glossary`` command and its sub-commands."""
    parser = commands.add_parser("glossary", help="check the glossary, or suggest terms")
    sub = parser.add_subparsers(dest="glossary_command", required=True, metavar="COMMAND")
    check = sub.add_parser("check", help="report every glossary problem (exit 1 if any)")
    check.add_argument("-f", "--config-file", default="mkdocs.yml")
    check.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="also list the forms generated for each term (its regular plurals)",
    )
    check.set_defaults(run=_run_check)
    hint = sub.add_parser("suggest", help="list frequent phrases and acronyms the glossary lacks")
    hint.add_argument("-f", "--config-file", default="mkdocs.yml")
    hint.add_argument("--min-mentions", type=int, default=3, help="ignore rarer phrases (3)")
    hint.add_argument("--limit", type=int, default=30, help="at most this many (30)")
    hint.set_defaults(run=_run_suggest)


def _run_check(args: argparse.Namespace) -> int:
    """Build the site with the project's configuration and print the glossary's findings."""
    report = run_build(args.config_file, _LOGGER)
    if report.config_failed:
        print_diagnostics(report)  # why there is no usable configuration
        return exit_status(report, failing=True)
    glossary = None if report.failed else _glossary(report, args.config_file)
    if not report.failed and glossary is None:
        return 2
    if args.verbose and glossary is not None:
        _print_generated(glossary)
    print_diagnostics(report)
    count = len(report.diagnostics)
    print(f"{count} problem{'s' if count != 1 else ''} found", file=sys.stderr)
    return exit_status(report, failing=bool(count))


def _print_generated(glossary: Glossary) -> None:
    """Each term's generated forms, at its line: what the matcher finds besides the file's."""
    for term in glossary.terms:
        if term.inflected:
            forms = ", ".join(term.inflected)
            print(f"{glossary.path}:{term.line}: {term.term}: also matches {forms}")
        elif not term.inflect:
            print(f"{glossary.path}:{term.line}: {term.term}: no generated forms (inflect: false)")


def _run_suggest(args: argparse.Namespace) -> int:
    """Print candidate terms with the place they first appear."""
    report = run_build(args.config_file, _LOGGER, _collect_jargon)
    if report.config_failed:
        print_diagnostics(report)
        return exit_status(report, failing=True)
    glossary = _glossary(report, args.config_file)
    if glossary is None:
        return exit_status(report, failing=True) if report.failed else 2
    texts = {path: visible_text(html) for path, html in report.pages.items()}
    found = suggest(texts.values(), glossary, min_mentions=args.min_mentions, limit=args.limit)
    root = Path(args.config_file).parent
    for s in found:
        path, line, col = _first_place(s.phrase, texts, root)
        print(
            f"{path}:{line}:{col}: suggestion: {s.kind} '{s.phrase}' is not in the glossary "
            f"({s.mentions} mentions on {_pages(s.pages)})"
        )
    jargon = _jargon(report, glossary, root, args.limit)
    count = len(found) + len(jargon)
    print(f"{count} suggestion{'s' if count != 1 else ''}", file=sys.stderr)
    return 0


def _collect_jargon(report: BuildReport) -> None:
    """Before the build: tiered/plain, if used, keeps the jargon :func:`_jargon` lists."""
    plain = report.plugins.get("tiered/plain")
    if isinstance(plain, PlainPlugin):
        plain.collect_jargon()


def _pages(count: int) -> str:
    return f"{count} page{'s' if count != 1 else ''}"


def _jargon(report: BuildReport, glossary: Glossary, root: Path, limit: int) -> list[Candidate]:
    """Print the jargon tiered/plain left unexplained that the glossary lacks.

    The same candidates as the build's jargon check, from the plugin's public
    ``jargon_candidates`` (none without tiered/plain): every one, however rare, since
    each is a word a reader met unexplained. At most ``limit``.
    """
    plain = report.plugins.get("tiered/plain")
    if not isinstance(plain, PlainPlugin):
        return []
    known = Known(glossary)
    shown = [c for c in plain.jargon_candidates() if c.text not in known][:limit]
    for c in shown:
        line, col = _position(root / c.path, c.offset)
        mentions = f"{c.mentions} mention{'s' if c.mentions != 1 else ''}"
        print(
            f"{c.path}:{line}:{col}: suggestion: jargon '{c.text}' is not in the glossary "
            f"(tiered/plain finds it unexplained: {mentions} on {_pages(c.pages)})"
        )
    return shown


def _position(path: Path, offset: int) -> tuple[int, int]:
    """The line and column of ``offset`` in the file ``path`` (0, 0: not known)."""
    if offset < 0:
        return 0, 0
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return 0, 0
    return position(source, min(offset, len(source)))


def _glossary(report: BuildReport, config_file: str) -> Glossary | None:
    """The glossary the build's plugin validated; None (errors printed) if there is none."""
    plugin = report.plugins.get(_PLUGIN)
    if not isinstance(plugin, GlossaryPlugin) and not report.failed:
        print(
            f"{config_file}: error: the {_PLUGIN} plugin is not in 'plugins': add it to "
            "use this command",
            file=sys.stderr,
        )
        return None
    glossary = plugin.glossary if isinstance(plugin, GlossaryPlugin) else None
    if report.failed:
        print_diagnostics(report, [d for d in report.diagnostics if d.severity == "error"])
        return None
    if glossary is None and isinstance(plugin, GlossaryPlugin) and plugin.config.enabled:
        print(
            f"{plugin.file}: error: no glossary file: create it, or set 'file' in the "
            f"{_PLUGIN} options",
            file=sys.stderr,
        )
    elif glossary is None:
        print(f"{config_file}: error: the {_PLUGIN} plugin is disabled", file=sys.stderr)
    return glossary


def _first_place(phrase: str, texts: dict[str, str], root: Path) -> tuple[str, int, int]:
    """Where ``phrase`` first appears in a page's Markdown source (1-based line and column)."""
    pattern = re.compile(r"\s+".join(re.escape(w) for w in phrase.split()), re.IGNORECASE)
    for path in sorted(texts):
        try:
            source = (root / path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        match = pattern.search(source)
        if match:
            return (path, *position(source, match.start()))
    return next(iter(sorted(texts)), "docs"), 0, 0
