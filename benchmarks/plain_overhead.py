"""How much does ``tiered/plain`` add to a build?

Writes the synthetic library (``benchmarks.library``: topics of three tier pages, with
glossary terms and citations) and builds it alternately with every tiered plugin (the
baseline) and with ``tiered/plain`` added, each build in a fresh process, so the word
lists load once in each, as in a real build.

The text: ``--text real`` (the default) gives every tier page the body of our own
article's page of that tier (``docs/topics/aromatase-inhibitors-and-bone/``, its
figures and citations taken out), so the checks read health writing;
``--text synthetic`` keeps the library's random made-up words, every one of them rare:
a worst case, with hundreds of findings a page.

    .venv/bin/python -m benchmarks.plain_overhead [--topics 334] [--runs 5]
        [--text real|synthetic]

Target (issue 14): at 1,000 pages, ``tiered/plain`` adds at most 5% to the build.
"""

from __future__ import annotations

import argparse
import re
import statistics
import tempfile
from pathlib import Path

import yaml

from benchmarks.glossary_overhead import _measure
from benchmarks.library import TIERS, write_library

TARGET = 1.05
ARTICLE = Path(__file__).resolve().parent.parent / "docs/topics/aromatase-inhibitors-and-bone"
# Our article's citations and figures point at our bib/ and images, not the library's.
_CITATION = re.compile(r" ?\[@[^\]\n]{1,200}\]")
_FIGURE = re.compile(r"^!\[.*$", re.MULTILINE)


# A sentence's end (after a lowercase word): where each topic's own words go in.
_SENTENCE_END = re.compile(r"(?<=[a-z])(?=[.!?](?:\s|$))", re.MULTILINE)
# Everyday words that can close a sentence: each topic's sentences end with its own pair,
# so no two topics within 49 of each other share a sentence (or a paragraph, a page),
# as in a real library; the same text on every page would be read once for all of them.
_CLOSE_FIRST = ("now", "here", "today", "then", "again", "still", "also")
_CLOSE_SECOND = ("too", "as well", "for you", "each day", "at home", "in time", "with care")


def use_real_text(root: Path) -> None:
    """Every tier page's body replaced by our article's page of its tier, its sentences
    made the topic's own (two everyday words before each sentence's full stop)."""
    bodies = {}
    for tier in TIERS:
        text = (ARTICLE / f"{tier}.md").read_text(encoding="utf-8")
        body = text.split("\n---\n", 1)[1]
        bodies[tier] = _FIGURE.sub("", _CITATION.sub("", body))
    topics = sorted(p for p in (root / "docs" / "topics").iterdir() if p.is_dir())
    for number, topic in enumerate(topics):
        for tier in TIERS:
            path = topic / f"{tier}.md"
            if path.is_file():
                front = path.read_text(encoding="utf-8").split("\n---\n", 1)[0]
                body = _own_sentences(bodies[tier], number)
                path.write_text(f"{front}\n---\n{body}", encoding="utf-8")


def _own_sentences(body: str, topic: int) -> str:
    """``body`` with the topic's closing words in each sentence (heading lines kept)."""
    sentence = 0

    def close(_match: re.Match[str]) -> str:
        nonlocal sentence
        pair = (topic + sentence) % (len(_CLOSE_FIRST) * len(_CLOSE_SECOND))
        sentence += 1
        first, second = divmod(pair, len(_CLOSE_SECOND))
        return f" {_CLOSE_FIRST[first]} {_CLOSE_SECOND[second]}"

    return "\n".join(
        line if line.startswith(("#", "|", "<", "!", "`")) else _SENTENCE_END.sub(close, line)
        for line in body.split("\n")
    )


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
    parser.add_argument("--text", choices=("real", "synthetic"), default="real")
    args = parser.parse_args()
    pages = args.topics * len(TIERS)
    print(f"{args.topics} topics, {pages} tier pages, {args.text} text, {args.runs} alternating")
    print("runs, each build")
    print("in a fresh process; time: fastest build of each and the median of paired ratios;")
    print("the target is judged on the CPU time of the build's processes (+wkrs)")
    with tempfile.TemporaryDirectory() as tmp:
        library = write_library(Path(tmp), args.topics)
        if args.text == "real":
            use_real_text(Path(tmp))
        plain = with_plain(library.tiered)
        runs = [(_measure(library.tiered), _measure(plain)) for _ in range(args.runs)]
    for build in (b for run in runs for b in run):
        # The build's processes' CPU time: tiered/readability measures a large site's pages
        # in a worker, from the blocks tiered/plain hands it when plain is on.
        build["all_cpu_seconds"] = build["cpu_seconds"] + build.get("children_cpu_seconds", 0)
    rows = []
    keys = (("seconds", "wall"), ("cpu_seconds", "CPU"), ("all_cpu_seconds", "+wkrs"))
    for key, name in keys:
        base = min(b[key] for b, _p in runs)
        added = min(p[key] for _b, p in runs)
        paired = statistics.median(p[key] / b[key] for b, p in runs)
        rows.append((name, base, added, added / base, paired))
    memory = statistics.median(
        p.get("tree_peak_mib", p["peak_mib"]) / b.get("tree_peak_mib", b["peak_mib"])
        for b, p in runs
    )
    print(f"{'':>5} {'base s':>7} {'plain s':>7} {'time':>7} {'paired':>7}")
    for name, base, added, ratio, paired in rows:
        print(f"{name:>5} {base:>7.2f} {added:>7.2f} {ratio:>6.3f}x {paired:>6.3f}x", flush=True)
    print(f"peak memory: {memory:.3f}x (median of paired ratios; workers included)")
    # CPU time of the build's processes is the build's own work ("+wkrs": its workers'
    # too); wall time also has every other process on the machine in it.
    _name, _base, _added, ratio, paired = rows[2]
    held = max(ratio, paired) <= TARGET
    print(f"target (at most +{TARGET - 1:.0%}): {'held' if held else 'NOT held'}")


if __name__ == "__main__":
    main()
