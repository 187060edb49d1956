"""How much does ``tiered/glossary`` add to a build?

For each size (pages x terms), writes one synthetic site (~800-word pages with
headings, lists, tables and code; terms with a plural and an acronym alias), then
builds it alternately without the glossary plugin (the baseline) and with it, each
build in a fresh process, and prints the medians and their ratios.

    .venv/bin/python -m benchmarks.glossary_overhead [--sizes 50x50,300x300,1000x1000]
        [--runs 5] [--theme material|mkdocs]

Target (issue 3): at 1000 pages x 1000 terms, at most +10% build time and +20% peak memory.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.textgen import write_site


def _measure(config: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.build_once", str(config)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return dict(json.loads(out.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="50x50,300x300,1000x1000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--theme", default="material", choices=("material", "mkdocs"))
    args = parser.parse_args()
    print(f"theme {args.theme}, {args.runs} alternating runs, each build in a fresh process")
    print("time: fastest build of each (noise only ever adds time) and the median of paired ratios")
    print(
        f"{'pages':>6} {'terms':>6} {'base s':>7} {'gloss s':>7} {'time':>7} {'paired':>7} "
        f"{'base MiB':>9} {'gloss MiB':>9} {'memory':>7}"
    )
    for size in args.sizes.split(","):
        pages, terms = (int(x) for x in size.split("x"))
        with tempfile.TemporaryDirectory() as tmp:
            base = write_site(Path(tmp, "base"), pages, terms, glossary=False, theme=args.theme)
            gloss = write_site(Path(tmp, "gloss"), pages, terms, glossary=True, theme=args.theme)
            runs = [(_measure(base), _measure(gloss)) for _ in range(args.runs)]
        b_s = min(b["seconds"] for b, _g in runs)
        g_s = min(g["seconds"] for _b, g in runs)
        paired = statistics.median(g["seconds"] / b["seconds"] for b, g in runs)
        b_m = statistics.median(b["peak_mib"] for b, _g in runs)
        g_m = statistics.median(g["peak_mib"] for _b, g in runs)
        print(
            f"{pages:>6} {terms:>6} {b_s:>7.2f} {g_s:>7.2f} {g_s / b_s:>6.3f}x {paired:>6.3f}x "
            f"{b_m:>9.1f} {g_m:>9.1f} {g_m / b_m:>6.3f}x",
            flush=True,
        )


if __name__ == "__main__":
    main()
