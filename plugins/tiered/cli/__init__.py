"""The ``tiered`` command line: content checks that reuse the plugins' own code.

tiered check [-f mkdocs.yml] [--format json] [--strict]
                                          every content problem, file:line:col
tiered report [-f mkdocs.yml]             reading levels per topic and tier
tiered glossary check [-f mkdocs.yml]     every glossary problem, file:line:col
tiered glossary suggest [-f mkdocs.yml]   terms the articles use that the glossary lacks
tiered cite check [-f mkdocs.yml]         every citation problem, file:line:col
tiered pdf [--topic X] [--tier Y]         PDFs of the built site, with a progress bar
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from tiered.cli import check, cite, glossary, pdf


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = argparse.ArgumentParser(prog="tiered", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    check.register(commands)
    glossary.register(commands)
    cite.register(commands)
    pdf.register(commands)
    args = parser.parse_args(argv)
    status: int = args.run(args)
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
