"""``tiered new DIR`` and ``tiered new topic SLUG --title "..."``: start a site, add a topic.

``new DIR`` writes a site that builds ``--strict`` clean as it is (see
:mod:`tiered.scaffold`). ``new topic`` reads the site's ``mkdocs.yml`` for the docs
folder and the ``tiered/levels`` topics folder, then adds a landing page and three
tier stubs. Neither ever overwrites a file: a folder that is in the way is a message
and exit status 1. (A new site in a folder called ``topic`` is ``tiered new ./topic``.)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from mkdocs.config import load_config

from tiered.scaffold import ScaffoldError, Written, new_site, new_topic

_REFUSED = 1
_USAGE = 2
_LEVELS = "tiered/levels"


def register(commands: Any) -> None:
    """Add the ``new`` command."""
    parser = commands.add_parser(
        "new",
        help="start a site (tiered new DIR) or add a topic (tiered new topic SLUG --title T)",
        description=__doc__.splitlines()[0] if __doc__ else None,
    )
    parser.add_argument(
        "what",
        nargs="+",
        metavar="DIR | topic SLUG",
        help="a new folder for the site, or 'topic' and the new topic's slug",
    )
    parser.add_argument("--title", help="the topic's title (with 'topic')")
    parser.add_argument(
        "--name", default="Tiered health library", help="the new site's name (with DIR)"
    )
    parser.add_argument(
        "-f", "--config-file", default="mkdocs.yml", help="the site's mkdocs.yml (with 'topic')"
    )
    parser.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    what: list[str] = args.what
    try:
        if what[0] == "topic" and len(what) == 2:
            if args.title is None:
                print(
                    'tiered new topic: give the title: --title "What readers see"', file=sys.stderr
                )
                return _USAGE
            written = _topic(Path(args.config_file), what[1], args.title)
            print(_summary(written, "topic"))
            return 0
        if len(what) != 1:
            print(
                "tiered new: give one folder (tiered new DIR) or 'topic SLUG' "
                '(tiered new topic SLUG --title "..."); a site in a folder called topic: '
                "tiered new ./topic",
                file=sys.stderr,
            )
            return _USAGE
        written = new_site(Path(what[0]), args.name)
    except ScaffoldError as err:
        print(f"tiered new: {err}", file=sys.stderr)
        return _REFUSED
    print(_summary(written, "site"))
    print(f"Build it: mkdocs build --strict -f {written.root / 'mkdocs.yml'}")
    return 0


def _topic(config_file: Path, slug: str, title: str) -> Written:
    """Add the topic where the site's configuration says topics live."""
    config = load_config(str(config_file))
    try:
        levels = config.plugins.get(_LEVELS)
        topics_dir = str(levels.config.topics_dir) if levels is not None else None
    finally:
        config.plugins.on_shutdown()
    if topics_dir is None:
        raise ScaffoldError(
            f"{config_file}: the {_LEVELS} plugin is not in 'plugins': add it, topics need it"
        )
    return new_topic(Path(config.docs_dir), topics_dir, slug, title)


def _summary(written: Written, kind: str) -> str:
    lines = [f"New {kind} in {written.root}:"]
    lines.extend(f"  {path}" for path in written.files)
    return "\n".join(lines)
