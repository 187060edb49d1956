"""How much does ``tiered/plain`` add to a build?

Writes the synthetic library (``benchmarks.library``: topics of three tier pages, with
glossary terms and citations) and builds it alternately with every tiered plugin (the
baseline) and with ``tiered/plain`` added, each build in a fresh process, so the word
lists load once in each, as in a real build. The generated text is random words, so
``tiered/plain`` finds a great deal on every page: a worst case for its warnings.

    .venv/bin/python -m benchmarks.plain_overhead [--topics 334] [--runs 5]

Target (issue 14): at 1,000 pages, ``tiered/plain`` adds at most 5% to the build.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path

import yaml

from benchmarks.glossary_overhead import _measure
from benchmarks.library import TIERS, write_library

TARGET = 1.05


def with_plain(tiered: Path) -> Path:
    """The library's configuration with ``tiered/plain`` added, beside it."""
    settings = yaml.safe_load(tiered.read_text(encoding="utf-8"))
    settings["site_dir"] = "site-with-plain"
    settings["plugins"].insert(settings["plugins"].index("tiered/readability") + 1, "tiered/plain")
    config = tiered.with_name("with-plain.yml")
    config.write_text(yaml.safe_dump(settings), encoding="utf-8")
    return config


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topics", type=int, default=334)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    pages = args.topics * len(TIERS)
    print(f"{args.topics} topics, {pages} tier pages, {args.runs} alternating runs, each build")
    print("in a fresh process; time: fastest build of each and the median of paired ratios")
    with tempfile.TemporaryDirectory() as tmp:
        library = write_library(Path(tmp), args.topics)
        plain = with_plain(library.tiered)
        runs = [(_measure(library.tiered), _measure(plain)) for _ in range(args.runs)]
    base = min(b["seconds"] for b, _p in runs)
    added = min(p["seconds"] for _b, p in runs)
    paired = statistics.median(p["seconds"] / b["seconds"] for b, p in runs)
    memory = statistics.median(p["peak_mib"] / b["peak_mib"] for b, p in runs)
    print(f"{'base s':>7} {'plain s':>7} {'time':>7} {'paired':>7} {'memory':>7}")
    print(
        f"{base:>7.2f} {added:>7.2f} {added / base:>6.3f}x {paired:>6.3f}x {memory:>6.3f}x",
        flush=True,
    )
    held = max(added / base, paired) <= TARGET
    print(f"target (at most +{TARGET - 1:.0%}): {'held' if held else 'NOT held'}")


if __name__ == "__main__":
    main()
