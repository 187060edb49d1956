"""``tiered pdf``: write the PDFs of an already built site, all or one topic or tier."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import Any, TextIO

from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError

from tiered.pdf.cache import cache_folder
from tiered.pdf.config import PdfConfig
from tiered.pdf.export import Options, export
from tiered.pdf.render import LogMessages, Result


def register(commands: Any) -> None:
    """Add the ``pdf`` command."""
    parser = commands.add_parser(
        "pdf",
        help="write PDFs of the built site (per topic, tier, category, the library)",
    )
    parser.add_argument("-f", "--config-file", default="mkdocs.yml")
    parser.add_argument("-d", "--site-dir", help="the built site (default: the config's)")
    parser.add_argument("--topic", help="only this topic's PDF (its folder name)")
    parser.add_argument("--tier", help="only this tier's PDF (its name)")
    parser.add_argument("--workers", type=int, help="processes side by side (default: cores)")
    parser.add_argument(
        "--no-cache", action="store_true", help="render every PDF, without the cache"
    )
    parser.set_defaults(run=run)


class Progress:
    """A progress bar on a terminal, one line per document elsewhere."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.tty = stream.isatty()

    def __call__(self, result: Result, done: int, total: int) -> None:
        width = 24
        bar = "#" * (width * done // total) + "-" * (width - width * done // total)
        took = "from the cache" if result.cached else f"{result.seconds:.1f} s"
        state = f"{result.pages} pages, {took}" if result.ok else "FAILED"
        line = f"[{bar}] {done}/{total} {result.name} ({state})"
        if self.tty:
            end = "\n" if done == total else ""
            self.stream.write(f"\r\033[K{line}{end}")
        else:
            self.stream.write(line + "\n")
        self.stream.flush()


def _options(args: argparse.Namespace) -> tuple[Path, Options] | str:
    config_file = Path(args.config_file)
    pdf = PdfConfig()
    pdf.load_dict({})
    pdf.validate()
    site_name = "Library"
    site_dir = Path(args.site_dir) if args.site_dir else None
    cache: Path | None = None
    if config_file.is_file():
        errors = LogMessages(logging.ERROR)
        logger = logging.getLogger("mkdocs")
        logger.addHandler(errors)
        try:
            config = load_config(config_file=str(config_file))
        except (Abort, ConfigurationError) as err:
            # MkDocs logs what is wrong (naming the option) and raises a summary.
            found = errors.messages or [str(err)]
            return "\n".join(f"{config_file}: error: {message}" for message in found)
        finally:
            logger.removeHandler(errors)
        site_name = config.site_name
        site_dir = site_dir or Path(config.site_dir)
        plugin = config.plugins.get("tiered/pdf")
        if plugin is not None and isinstance(plugin.config, PdfConfig):
            pdf = plugin.config  # validated by load_config: output_dir is a SitePath
        if pdf.cache:
            folder = cache_folder(pdf.cache_dir, str(config_file), str(site_dir), config.docs_dir)
            if isinstance(folder, str):
                return f"{config_file}: error: {folder}"
            cache = folder
    elif site_dir is None:
        return f"{config_file}: error: no such configuration file (or give --site-dir)"
    assert site_dir is not None
    if not site_dir.is_dir():
        return f"{site_dir}: error: no built site here (run `make site` first)"
    options = Options(
        site_name=site_name,
        output_dir=pdf.output_dir,
        topics_dir=pdf.topics_dir,
        topics=pdf.topics,
        tiers=pdf.tiers,
        library=pdf.library,
        library_title=pdf.library_title,
        by_category=pdf.by_category,
        whole_site=pdf.whole_site,
        whole_site_topics=pdf.whole_site_topics,
        required=True,  # asked for: a site without tier pages is an error
        only_topic=args.topic,
        only_tier=args.tier,
        workers=args.workers if args.workers is not None else pdf.workers,
        cache_dir=None if args.no_cache else cache,
    )
    return site_dir, options


def run(args: argparse.Namespace) -> int:
    """Export; 0 when every PDF was written, 1 when one was not, 2 for a usage error."""
    found = _options(args)
    if isinstance(found, str):
        print(found, file=sys.stderr)
        return 2
    site_dir, options = found
    report = export(site_dir, options, Progress(sys.stderr))
    for note in report.notes:
        print(f"note: {note}", file=sys.stderr)
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for error in report.errors:
        print(f"error: {error}", file=sys.stderr)
    count = len(report.written)
    if report.rendered or report.reused:
        print(
            f"{report.rendered} document(s) or part(s) rendered, "
            f"{report.reused} reused from the cache",
            file=sys.stderr,
        )
    where = site_dir / options.output_dir
    print(f"{count} PDF{'s' if count != 1 else ''} written to {where}", file=sys.stderr)
    return 1 if report.failed else 0
