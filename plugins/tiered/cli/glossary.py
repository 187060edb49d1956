"""``tiered glossary check`` and ``tiered glossary suggest``."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

from tiered.cli.build import run_build
from tiered.cli.build import run_check as check
from tiered.common.diagnostics import position
from tiered.common.text import visible_text
from tiered.glossary.model import GlossaryError, load_glossary
from tiered.glossary.suggest import suggest

_LOGGER = "mkdocs.plugins.tiered.glossary"


def register(commands: Any) -> None:
    """Add the ``glossary`` command and its sub-commands."""
    parser = commands.add_parser("glossary", help="check the glossary, or suggest terms")
    sub = parser.add_subparsers(dest="glossary_command", required=True, metavar="COMMAND")
    check = sub.add_parser("check", help="report every glossary problem (exit 1 if any)")
    check.add_argument("-f", "--config-file", default="mkdocs.yml")
    check.set_defaults(run=run_check)
    hint = sub.add_parser("suggest", help="list frequent phrases and acronyms the glossary lacks")
    hint.add_argument("-f", "--config-file", default="mkdocs.yml")
    hint.add_argument("--min-mentions", type=int, default=3, help="ignore rarer phrases (3)")
    hint.add_argument("--limit", type=int, default=30, help="at most this many (30)")
    hint.set_defaults(run=run_suggest)


def run_check(args: argparse.Namespace) -> int:
    """Build the site with the project's configuration and print the glossary's findings."""
    return check(args.config_file, _LOGGER)


def run_suggest(args: argparse.Namespace) -> int:
    """Print candidate terms with the place they first appear."""
    if not Path(args.config_file).is_file():
        print(f"{args.config_file}: error: no such configuration file", file=sys.stderr)
        return 2
    report = run_build(args.config_file, _LOGGER)
    glossary_file = _glossary_file(args.config_file)
    try:
        glossary = load_glossary(glossary_file.read_text(encoding="utf-8"), str(glossary_file))
    except (OSError, GlossaryError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    texts = {path: visible_text(html) for path, html in report.pages.items()}
    found = suggest(texts.values(), glossary, min_mentions=args.min_mentions, limit=args.limit)
    for s in found:
        path, line, col = _first_place(s.phrase, texts, Path(args.config_file).parent)
        print(
            f"{path}:{line}:{col}: suggestion: {s.kind} '{s.phrase}' is not in the glossary "
            f"({s.mentions} mentions on {s.pages} page{'s' if s.pages != 1 else ''})"
        )
    print(f"{len(found)} suggestion{'s' if len(found) != 1 else ''}", file=sys.stderr)
    return 0


def _glossary_file(config_file: str) -> Path:
    import yaml  # noqa: PLC0415 - only this command needs the raw configuration

    class _Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml may hold Python tags (!!python/name) that safe loading refuses.
    _Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    config = yaml.load(Path(config_file).read_text(encoding="utf-8"), _Loader) or {}
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "tiered/glossary" in plugin:
            options = plugin["tiered/glossary"] or {}
            return Path(config_file).parent / str(options.get("file", "docs/glossary.yml"))
    return Path(config_file).parent / "docs/glossary.yml"


def _first_place(phrase: str, texts: dict[str, str], root: Path) -> tuple[str, int, int]:
    """Where ``phrase`` first appears in a page's Markdown source (1-based line and column)."""
    pattern = re.compile(r"\s+".join(re.escape(w) for w in phrase.split()), re.IGNORECASE)
    for path in sorted(texts):
        try:
            source = (root / path).read_text(encoding="utf-8")
        except OSError:
            continue
        match = pattern.search(source)
        if match:
            return (path, *position(source, match.start()))
    return next(iter(sorted(texts)), "docs"), 0, 0
