"""The ``tiered`` command line: content checks that reuse the plugins' own code.

tiered new DIR                            a new site that builds as it is
tiered new topic SLUG --title "..."       a new topic: a landing page and three tiers
tiered check [-f mkdocs.yml] [--format json] [--strict]
                                          every content problem, file:line:col
tiered report [-f mkdocs.yml]             reading levels per topic and tier
tiered glossary check [-f mkdocs.yml] [-v] every glossary problem, file:line:col;
                                          -v: the forms generated per term
tiered glossary suggest [-f mkdocs.yml]   terms the articles use that the glossary lacks
tiered cite check [-f mkdocs.yml]         every citation problem, file:line:col
tiered pdf [--topic X] [--tier Y]         PDFs of the built site, with a progress bar

Exit status: 0 nothing to report, 1 problems found, 2 no usable configuration or
arguments. A mistake in the input is a message, never a traceback
(``TIERED_DEBUG=1`` shows one for what is a bug in tiered).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from importlib import metadata

import yaml
from mkdocs.exceptions import MkDocsException

from tiered.cli import check, cite, glossary, new, pdf

_INTERRUPTED = 130  # as shells report a command stopped by Ctrl-C


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = argparse.ArgumentParser(prog="tiered", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"tiered {_version()}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    new.register(commands)
    check.register(commands)
    glossary.register(commands)
    cite.register(commands)
    pdf.register(commands)
    args = parser.parse_args(argv)
    try:
        status: int = args.run(args)
    except KeyboardInterrupt:
        print("tiered: interrupted", file=sys.stderr)
        return _INTERRUPTED
    except (MkDocsException, OSError, yaml.YAMLError, UnicodeDecodeError) as err:
        print(f"tiered: error: {err}", file=sys.stderr)
        return 2
    except Exception as err:
        if os.environ.get("TIERED_DEBUG"):
            raise
        print(
            f"tiered: internal error: {type(err).__name__}: {err}; this is a bug in tiered, "
            "please report it with the command you ran (TIERED_DEBUG=1 shows where)",
            file=sys.stderr,
        )
        return 1
    return status


def _version() -> str:
    """The installed distribution's version (the package may run from a source tree)."""
    try:
        return metadata.version("tiered")
    except metadata.PackageNotFoundError:
        return "unknown (not installed)"


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
