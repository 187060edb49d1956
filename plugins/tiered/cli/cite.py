"""``tiered cite check``: every citation and bibliography problem, as file:line:col."""

from __future__ import annotations

import argparse
from typing import Any

from tiered.cli.build import run_check

_LOGGER = "mkdocs.plugins.tiered.citations"


def register(commands: Any) -> None:
    """Add the ``cite`` command and its sub-command."""
    parser = commands.add_parser("cite", help="check citations and the bibliography")
    sub = parser.add_subparsers(dest="cite_command", required=True, metavar="COMMAND")
    check = sub.add_parser("check", help="report every citation problem (exit 1 if any)")
    check.add_argument("-f", "--config-file", default="mkdocs.yml")
    check.set_defaults(run=_run_check)


def _run_check(args: argparse.Namespace) -> int:
    return run_check(args.config_file, _LOGGER)
