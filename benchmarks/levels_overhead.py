"""How much does ``tiered/levels`` add to a build?

Builds the same synthetic site (default: 40 topics, 160 pages) with only MkDocs'
search plugin (the baseline) and with ``tiered/levels`` added, alternating runs in
this one process, and prints the median of each and their ratio.

    .venv/bin/python -m benchmarks.levels_overhead [--topics 40] [--runs 5]
"""

from __future__ import annotations

import argparse
import logging
import statistics
import tempfile
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from benchmarks.synthetic import write_site


def _build_seconds(config_file: Path) -> float:
    config = load_config(config_file=str(config_file))
    config.plugins.on_startup(command="build", dirty=False)
    start = time.perf_counter()
    build(config)
    elapsed = time.perf_counter() - start
    config.plugins.on_shutdown()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topics", type=int, default=40)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory() as tmp:
        base = write_site(Path(tmp, "base"), args.topics, plugins=["search"])
        tiered = write_site(Path(tmp, "tiered"), args.topics, plugins=["search", "tiered/levels"])
        _build_seconds(base), _build_seconds(tiered)  # warm imports and caches
        baseline, with_levels = [], []
        for _ in range(args.runs):
            baseline.append(_build_seconds(base))
            with_levels.append(_build_seconds(tiered))
    b, t = statistics.median(baseline), statistics.median(with_levels)
    pages = args.topics * 4 + 1
    print(f"pages: {pages}  runs: {args.runs}")
    print(f"baseline (search only): {b:.3f} s")
    print(f"with tiered/levels:     {t:.3f} s")
    print(f"ratio: {t / b:.3f}x  (overhead {1000 * (t - b) / pages:.2f} ms per page)")


if __name__ == "__main__":
    main()
