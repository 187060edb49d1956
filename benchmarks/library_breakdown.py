"""Where does the tiered build's extra time go at library size? One plugin at a time.

Writes the library of :mod:`benchmarks.library` (N topics, three tiers each, a glossary
and a bibliography of N entries) and builds it, alternately and each in a fresh
process, with the navigation alone (``nav``: search + tiered/levels, the library
benchmark's baseline), with the navigation and one more plugin (glossary, citations,
readability, preview), with all the plugins issue 13 names (``tiered``) and with
tiered/plain too (``every``). For each build it prints the fastest time, the median of
the paired ratios against ``nav``, and the same for the CPU time of the build's
processes (its workers included), so what blocks the library's time target can be
read off plugin by plugin.

    .venv/bin/python -m benchmarks.library_breakdown --topics 1000 --runs 3

The plugins' shares need not add up to the whole: they share work (the glossary's
links and the citations' markers are in the same pages that search then reads).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from benchmarks.glossary_overhead import _measure
from benchmarks.library import cpu_seconds, write_library

# Each build: its name and the plugins it adds to the navigation-only build.
_ADDED: dict[str, tuple[str, ...]] = {
    "nav": (),
    "+glossary": ("tiered/glossary",),
    "+citations": ("tiered/citations",),
    "+readability": ("tiered/readability",),
    "+preview": ("tiered/preview",),
}


def _name(plugin: str | dict[str, object]) -> str:
    """A plugin's name, as ``plugins:`` lists it (a name, or a name with its options)."""
    return plugin if isinstance(plugin, str) else next(iter(plugin))


def _subset(tiered: dict[str, Any], added: Iterable[str], site_dir: str) -> dict[str, Any]:
    """The tiered configuration with only search, tiered/levels and ``added``."""
    keep = {"search", "tiered/levels", *added}
    plugins = [p for p in tiered["plugins"] if _name(p) in keep]
    return {**tiered, "site_dir": site_dir, "plugins": plugins}


def write_configs(root: Path, tiered_config: Path, every_config: Path) -> dict[str, Path]:
    """One configuration a build, beside the library's own (same pages, same theme)."""
    tiered = yaml.safe_load(tiered_config.read_text(encoding="utf-8"))
    configs: dict[str, Path] = {}
    for name, added in _ADDED.items():
        path = root / f"breakdown-{name.lstrip('+')}.yml"
        settings = _subset(tiered, added, f"site-{name.lstrip('+')}")
        path.write_text(yaml.safe_dump(settings), encoding="utf-8")
        configs[name] = path
    configs["tiered"] = tiered_config
    configs["every"] = every_config
    return configs


def report(runs: list[dict[str, dict[str, float]]]) -> None:
    """The table: each build against ``nav``, by wall time and by CPU time."""
    names = list(runs[0])
    print(
        f"{'build':<13} {'wall s':>7} {'time':>7} {'paired':>7} {'added':>7} "
        f"{'CPU s':>7} {'cpu':>7} {'paired':>7} {'MiB':>7}"
    )
    nav_s = min(r["nav"]["seconds"] for r in runs)
    nav_cpu = min(cpu_seconds(r["nav"]) for r in runs)
    for name in names:
        wall = min(r[name]["seconds"] for r in runs)
        cpu = min(cpu_seconds(r[name]) for r in runs)
        paired = statistics.median(r[name]["seconds"] / r["nav"]["seconds"] for r in runs)
        cpu_paired = statistics.median(cpu_seconds(r[name]) / cpu_seconds(r["nav"]) for r in runs)
        mib = statistics.median(r[name].get("tree_peak_mib", r[name]["peak_mib"]) for r in runs)
        print(
            f"{name:<13} {wall:>7.2f} {wall / nav_s:>6.3f}x {paired:>6.3f}x "
            f"{wall - nav_s:>+7.2f} {cpu:>7.2f} {cpu / nav_cpu:>6.3f}x {cpu_paired:>6.3f}x "
            f"{mib:>7.1f}"
        )
    print("\neach run, wall seconds:")
    for name in names:
        print(f"  {name:<13} " + " ".join(f"{r[name]['seconds']:6.2f}" for r in runs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topics", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        library = write_library(Path(tmp, f"library-{args.topics}"), args.topics)
        configs = write_configs(library.root, library.tiered, library.every)
        print(
            f"{args.topics} topics; {args.runs} alternating runs, each build in a fresh "
            "process; time: fastest of each and the median of paired ratios against nav; "
            "added: seconds over nav's fastest; MiB: median peak, workers included",
            flush=True,
        )
        runs = []
        for _ in range(args.runs):
            runs.append({name: _measure(config) for name, config in configs.items()})
            print(".", end="", flush=True)
        print()
    report(runs)


if __name__ == "__main__":
    main()
