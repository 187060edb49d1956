"""How fast is ``tiered/pdf``, and how much memory does it take?

Writes a synthetic library (default 40 topics: a landing page and three tiers each, plus
the home page: 161 pages; the articles are the glossary benchmark's ~800-word pages,
with glossary links and about eight citations each), builds its HTML once with the PDF
plugin off, then measures in fresh processes:

- each topic PDF alone (one process, one document at a time): seconds per topic;
- the library PDF alone, in one piece (one process) and in parts (``--workers``
  processes, joined): seconds from reading the site to the written file, and the
  largest process's peak memory;
- the whole export as ``make site`` runs it (every topic, tier and the library, on
  ``--workers`` processes): wall time and the largest process's peak memory.

    .venv/bin/python -m benchmarks.pdf_speed [--topics 40] [--runs 3] [--workers 2]
    .venv/bin/python -m benchmarks.pdf_speed --incremental [--topics 100] [--runs 1]

``--incremental`` measures the cache instead (issue 13): the whole export into an empty
cache, then one tier page edited, the HTML built again (not timed) and the export run
again with the cache: both times and their ratio.

Targets (issue 5): at most 1 s per topic PDF, the library PDF of a 160-page site in at
most 11 s, peak memory under 400 MB.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from benchmarks.textgen import article, bib_entries, cite_paragraphs, glossary_terms, vocabulary

TIERS = ("fundamentals", "intermediate", "academic")


def write_site(root: Path, topics: int, seed: int = 7) -> Path:
    """The synthetic tiered library; returns its mkdocs.yml."""
    rng = random.Random(seed)
    words = vocabulary(rng, 6000)
    entries = glossary_terms(rng, 300, words[::2])
    filler = words[1::2]
    keys = [f"ref{n:05d}" for n in range(300)]
    docs = root / "docs"
    (docs / "topics").mkdir(parents=True)
    (root / "bib").mkdir()
    (root / "bib" / "refs.bib").write_text(bib_entries(rng, len(keys), filler), encoding="utf-8")
    (docs / "index.md").write_text("# Home\n\nA synthetic library.\n", encoding="utf-8")
    for n in range(topics):
        folder = docs / "topics" / f"topic-{n:03d}"
        folder.mkdir()
        (folder / "index.md").write_text(f"# Topic {n}\n\nWhat topic {n} is about.\n", "utf-8")
        for tier in TIERS:
            text = cite_paragraphs(article(rng, filler, entries), rng, keys, 8)
            (folder / f"{tier}.md").write_text(f"---\ntier: {tier}\n---\n\n{text}", "utf-8")
    (root / "glossary.yml").write_text(
        yaml.safe_dump({"terms": entries}, allow_unicode=True), encoding="utf-8"
    )
    settings = {
        "site_name": "Benchmark library",
        "theme": {"name": "material", "font": False},
        "plugins": [
            "search",
            "tiered/levels",
            {"tiered/glossary": {"file": "glossary.yml", "warn_unused": False}},
            "tiered/citations",
            {"tiered/pdf": {"enabled": False}},
        ],
    }
    config = root / "mkdocs.yml"
    config.write_text(yaml.safe_dump(settings), encoding="utf-8")
    return config


def _build_html(config_file: Path) -> Path:
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    config = load_config(config_file=str(config_file))
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    config.plugins.on_shutdown()
    return Path(config.site_dir)


def _peak_mib(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def measure(site: Path, what: str, workers: int) -> dict[str, Any]:
    """In this (fresh) process: ``topics`` one by one, ``library`` alone, or ``all``."""
    from tiered.pdf.collect import collect_site  # noqa: PLC0415
    from tiered.pdf.document import assemble, topic_document  # noqa: PLC0415
    from tiered.pdf.export import Options, build_date, export  # noqa: PLC0415
    from tiered.pdf.render import Job, render  # noqa: PLC0415

    start = time.perf_counter()
    if what in {"all", "library", "cached"}:
        only_library = what == "library"
        options = Options(
            site_name="Benchmark library",
            workers=workers,
            topics=not only_library,
            tiers=not only_library,
            cache_dir=site.parent / ".cache/tiered/pdf" if what == "cached" else None,
        )
        report = export(site, options)
        assert not report.errors, report.errors
        return {
            "seconds": time.perf_counter() - start,
            "documents": len(report.written),
            "pages": sum(r.pages for r in report.written),
            "peak_mib": max(_peak_mib(resource.RUSAGE_SELF), _peak_mib(resource.RUSAGE_CHILDREN)),
            "rendered": report.rendered,
            "reused": report.reused,
        }
    collected = collect_site(site)
    collect_seconds = time.perf_counter() - start
    documents = [topic_document(collected, t) for t in collected.ordered_topics()]
    seconds: list[float] = []
    page_counts: list[int] = []
    for document in documents:
        t = time.perf_counter()
        html = assemble(document, collected, "Benchmark library", build_date())
        target = site / "pdf" / document.name
        result = render(Job(document.name, html, str(site), str(target)))
        assert result.ok, result.error
        seconds.append(time.perf_counter() - t)
        page_counts.append(result.pages)
    return {
        "collect_seconds": collect_seconds,
        "seconds": seconds,
        "pages": page_counts,
        "peak_mib": _peak_mib(resource.RUSAGE_SELF),
    }


def _run(site: Path, what: str, workers: int) -> dict[str, Any]:
    command = ["-m", "benchmarks.pdf_speed", "--measure", what, str(site)]
    out = subprocess.run(
        [sys.executable, *command, "--workers", str(workers)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return dict(json.loads(out.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topics", type=int, default=40)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--incremental", action="store_true", help="measure the cache")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("site", nargs="?", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(Path(args.site), args.measure, args.workers)))
        return
    if args.incremental:
        incremental(args.topics, args.runs, args.workers)
        return
    with tempfile.TemporaryDirectory() as tmp:
        site = _build_html(write_site(Path(tmp), args.topics))
        html_pages = len(list(site.rglob("*.html"))) - 1  # less 404.html
        print(f"{html_pages} HTML pages, {args.topics} topics; {args.runs} runs, fresh processes")
        topic_runs = [_run(site, "topics", 1) for _ in range(args.runs)]
        whole_runs = [_run(site, "library", 1) for _ in range(args.runs)]
        parts_runs = [_run(site, "library", args.workers) for _ in range(args.runs)]
        all_runs = [_run(site, "all", args.workers) for _ in range(args.runs)]
    per_topic = [statistics.median(r["seconds"]) for r in topic_runs]
    worst = [max(r["seconds"]) for r in topic_runs]
    pdf_pages = statistics.median(topic_runs[0]["pages"])
    print(
        f"topic PDF ({pdf_pages:.0f} pages, one at a time): median {min(per_topic):.2f} s "
        f"(best run) / {statistics.median(per_topic):.2f} s (median run), slowest "
        f"{min(worst):.2f} s; reading the site first: "
        f"{statistics.median(float(r['collect_seconds']) for r in topic_runs):.2f} s"
    )
    for label, runs in (
        ("library PDF in one piece (1 worker)", whole_runs),
        (f"library PDF in parts ({args.workers} workers)", parts_runs),
        (f"whole export, {all_runs[0]['documents']} PDFs ({args.workers} workers)", all_runs),
    ):
        wall = [float(r["seconds"]) for r in runs]
        print(
            f"{label}, {runs[0]['pages']} pages, site read included: best {min(wall):.2f} s, "
            f"median {statistics.median(wall):.2f} s, largest process peak "
            f"{statistics.median(float(r['peak_mib']) for r in runs):.0f} MiB"
        )


def incremental(topics: int, runs: int, workers: int) -> None:
    """The whole export into an empty cache, then again after one edit."""
    full: list[dict[str, Any]] = []
    again: list[dict[str, Any]] = []
    for run in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            config = write_site(Path(tmp), topics)
            site = _build_html(config)
            full.append(_run(site, "cached", workers))
            page = Path(tmp) / "docs/topics/topic-000/fundamentals.md"
            edit = f"\n\nOne more sentence, edit {run}.\n"
            page.write_text(page.read_text(encoding="utf-8") + edit, encoding="utf-8")
            _build_html(config)
            again.append(_run(site, "cached", workers))
    for label, measured in (("whole export, empty cache", full), ("after one edit", again)):
        wall = [float(r["seconds"]) for r in measured]
        print(
            f"{topics} topics, {measured[0]['documents']} PDFs, {measured[0]['pages']} pages, "
            f"{label} ({workers} workers): best {min(wall):.1f} s, median "
            f"{statistics.median(wall):.1f} s; rendered {measured[0]['rendered']}, reused "
            f"{measured[0]['reused']} (documents and parts)"
        )
    ratio = min(float(r["seconds"]) for r in full) / min(float(r["seconds"]) for r in again)
    print(f"the re-export after one edit is {ratio:.1f} times faster (best runs)")


if __name__ == "__main__":
    main()
