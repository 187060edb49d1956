"""What does a library of a thousand topics cost to build, serve and export?

Writes a library of N topics (issue 13): ``docs/topics/<slug>/`` with a landing page
(``title``, ``summary``, ``category``) and three tier pages (``tier``, ``summary``,
``reviewed``), each tier an ~800-word article with headings, a list, a table and a code
block, about eight citations and fourteen glossary term mentions; a glossary and a
bibliography of N entries each (by default); about one category per 50 topics, declared
in the levels plugin's options when the installed plugin knows them. Three configurations
share the pages: ``plain.yml`` (Material, ``navigation.prune`` and the site's features,
only the search plugin: the issue's plain build), ``nav.yml`` (the same with tiered/levels
alone: the library navigation every tiered build has, so "the same navigation") and
``mkdocs.yml`` (the same with tiered/levels, glossary, citations, readability and
preview: the plugins issue 13 named; PDF off) and ``every.yml`` (the same with
tiered/plain too, as this repo's ``mkdocs.yml``). For each size it prints:

- the four builds, alternately, each in a fresh process: fastest time of each, the median
  of the paired ratios against both baselines, peak memory (median; the build's
  processes together, its workers included) and its ratios, the time per page;
- HTML bytes of a tier page (both builds) and of each page the plugins generate;
- ``mkdocs serve --dirty`` (what ``make serve`` runs): seconds from saving a tier page until the
  server returns the page with the change (``--saves`` pages, one after the other: the
  median and the fastest); also after an edit of the glossary file and of the .bib file
  (their pages);
- at ``--pdf-topics`` (100): the full ``tiered pdf`` export, and the re-export after one
  page edit and a rebuild (how many PDFs were written again).

Then one "target held" line per target of the issue that the sizes measured allow.

    .venv/bin/python -m benchmarks.library --topics 100 1000 --runs 3
    .venv/bin/python -m benchmarks.library --quick     # a smoke run: 10 topics, one run
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from benchmarks.glossary_overhead import _measure
from benchmarks.textgen import (
    article,
    bib_entries,
    cite_paragraphs,
    glossary_terms,
    mention_terms,
    vocabulary,
)

TIERS = ("fundamentals", "intermediate", "academic")
TOPICS_PER_CATEGORY = 50  # about 20 categories for 1,000 topics
CITATIONS_PER_PAGE = 8
MENTIONS_PER_PAGE = 14
# The issue's targets.
TIME_TARGET = 1.15  # all tiered plugins at 1,000 topics, against plain
MEMORY_TARGET = 1.20
LINEAR_TARGET = 1.25  # per-page time at 1,000 topics against 100
PAGE_BYTES_TARGET = 500 * 1000  # any generated page at 1,000 topics
RELOAD_TARGET = 3.0  # seconds from saving a tier page to the browser showing it
FEATURES = [
    "navigation.indexes",
    "navigation.sections",
    "navigation.footer",
    "navigation.prune",
    "search.highlight",
]
MARKDOWN_EXTENSIONS: list[object] = [
    "admonition",
    "attr_list",
    "md_in_html",
    "tables",
    {"toc": {"permalink": True}},
]


def categories_supported() -> bool:
    """Whether the installed ``tiered/levels`` accepts a ``categories`` option."""
    from tiered.levels.config import LevelsConfig  # noqa: PLC0415

    return "categories" in dict(LevelsConfig._schema)


def category_count(topics: int) -> int:
    """About one category per 50 topics (20 for 1,000), at least one."""
    return max(1, round(topics / TOPICS_PER_CATEGORY))


@dataclass
class Library:
    """The written library: its two configurations and what the checks need."""

    root: Path
    plain: Path
    tiered: Path
    nav: Path
    every: Path  # tiered with tiered/plain too
    topics: list[str]
    categories: list[str]
    terms: int
    refs: int

    def tier_page(self, n: int = 0, tier: str = "intermediate") -> Path:
        """A tier page's Markdown source."""
        return self.root / "docs" / "topics" / self.topics[n] / f"{tier}.md"


def write_library(
    root: Path,
    topics: int,
    *,
    terms: int | None = None,
    refs: int | None = None,
    categories: bool | None = None,
    seed: int = 7,
) -> Library:
    """Write the library of ``topics`` topics under ``root`` (see the module docstring).

    ``terms`` and ``refs`` default to one per topic; ``categories`` to whether the
    installed levels plugin supports them.
    """
    terms = topics if terms is None else terms
    refs = topics if refs is None else refs
    with_categories = categories_supported() if categories is None else categories
    rng = random.Random(seed)
    words = vocabulary(rng, 6000)
    entries = glossary_terms(rng, terms, words[::2])
    filler = words[1::2]
    keys = [f"ref{n:05d}" for n in range(refs)]
    docs = root / "docs"
    (docs / "topics").mkdir(parents=True)
    (root / "bib").mkdir()
    (root / "bib" / "refs.bib").write_text(bib_entries(rng, refs, filler), encoding="utf-8")
    (root / "glossary.yml").write_text(
        yaml.safe_dump({"terms": entries}, allow_unicode=True), encoding="utf-8"
    )
    (docs / "index.md").write_text("# Home\n\nA synthetic library.\n", encoding="utf-8")
    count = category_count(topics)
    category_slugs = [f"category-{k:02d}-{filler[k]}" for k in range(count)]
    library = Library(
        root,
        root / "plain.yml",
        root / "mkdocs.yml",
        root / "nav.yml",
        root / "every.yml",
        [],
        category_slugs,
        terms,
        refs,
    )
    for n in range(topics):
        slug = f"topic-{n:04d}-{rng.choice(filler)}"
        library.topics.append(slug)
        folder = docs / "topics" / slug
        folder.mkdir()
        title = " ".join(rng.choice(filler) for _ in range(3)).capitalize()
        category = f"category: {category_slugs[n % count]}\n" if with_categories else ""
        (folder / "index.md").write_text(
            f"---\ntitle: {title}\nsummary: What {title.lower()} is.\n{category}---\n\n"
            f"# {title}\n\nWhat {title.lower()} is, at three reading levels.\n",
            encoding="utf-8",
        )
        for tier in TIERS:
            text = article(rng, filler, [])
            text = mention_terms(text, rng, entries, MENTIONS_PER_PAGE)
            text = cite_paragraphs(text, rng, keys, CITATIONS_PER_PAGE) if keys else text
            reviewed = f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}"
            (folder / f"{tier}.md").write_text(
                f"---\ntier: {tier}\nsummary: {title} at the {tier} level.\n"
                f"reviewed: {reviewed}\n---\n\n{text}",
                encoding="utf-8",
            )
    _write_configs(library, with_categories)
    return library


def _write_configs(library: Library, with_categories: bool) -> None:
    theme = {"name": "material", "font": False, "features": FEATURES}
    base = {
        "site_name": "Benchmark library",
        "theme": theme,
        "markdown_extensions": MARKDOWN_EXTENSIONS,
    }
    levels: dict[str, object] = {}
    if with_categories:
        levels["categories"] = [
            {"slug": slug, "title": slug.split("-", 2)[2].title(), "description": f"About {slug}."}
            for slug in library.categories
        ]
    plain = {**base, "site_dir": "site-plain", "plugins": ["search"]}
    tiered = {
        **base,
        "site_dir": "site",
        "plugins": [
            "search",
            {"tiered/levels": levels},
            {"tiered/glossary": {"file": "glossary.yml", "warn_unused": False}},
            "tiered/citations",
            "tiered/readability",
            "tiered/preview",
            {"tiered/pdf": {"enabled": False}},
        ],
    }
    nav = {**base, "site_dir": "site-nav", "plugins": ["search", {"tiered/levels": levels}]}
    plugins = list(tiered["plugins"])
    plugins.insert(plugins.index("tiered/readability") + 1, "tiered/plain")
    every = {**tiered, "site_dir": "site-every", "plugins": plugins}
    library.plain.write_text(yaml.safe_dump(plain), encoding="utf-8")
    library.tiered.write_text(yaml.safe_dump(tiered), encoding="utf-8")
    library.nav.write_text(yaml.safe_dump(nav), encoding="utf-8")
    library.every.write_text(yaml.safe_dump(every), encoding="utf-8")


# --- what a build wrote -----------------------------------------------------------------


def _site_dir(config: Path) -> Path:
    names = {"plain.yml": "site-plain", "nav.yml": "site-nav", "every.yml": "site-every"}
    name = names.get(config.name, "site")
    return config.parent / name


def html_pages(site: Path) -> list[Path]:
    """The site's HTML pages, less MkDocs's 404 page."""
    return [p for p in site.rglob("*.html") if p.relative_to(site).as_posix() != "404.html"]


def generated_pages(library: Library) -> dict[str, int]:
    """HTML bytes of each page of the tiered build that no Markdown file in docs/ made.

    Every one: the letter pages of a split list too (``glossary/b/``, ``references/s-2/``,
    ``topics/a-z/b/``), so the target on page size covers them (:func:`page_groups`
    sums them up for the report).
    """
    site = _site_dir(library.tiered)
    docs = library.root / "docs"
    out: dict[str, int] = {}
    for page in sorted(html_pages(site)):
        rel = page.relative_to(site).parent
        sources = [docs / rel / "index.md", docs / f"{rel}.md"] if rel.parts else []
        if rel.parts and not any(s.is_file() for s in sources):
            out[f"{rel.as_posix()}/"] = page.stat().st_size
    return out


def page_groups(pages: dict[str, int]) -> dict[str, tuple[int, str, int]]:
    """The pages of each folder of generated pages (``glossary/*/``: the letter pages):
    how many, the largest and its bytes."""
    groups: dict[str, tuple[int, str, int]] = {}
    for name, size in pages.items():
        folder = name.rstrip("/").rpartition("/")[0]
        key = f"{folder}/*/" if folder else name
        count, largest, most = groups.get(key, (0, name, -1))
        groups[key] = (count + 1, name, size) if size > most else (count + 1, largest, most)
    return groups


# --- serve ------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> str | None:
    # No proxy: the preview server is on this machine's loopback address.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(url, timeout=30) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return None


def _wait_for(url: str, marker: str, limit: float) -> float | None:
    """Seconds until ``url`` returns HTML containing ``marker``; None after ``limit``."""
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        html = _get(url)
        if html is not None and marker in html:
            return time.perf_counter() - start
        time.sleep(0.05)
    return None


def serve_reload(
    library: Library, limit: float, extras: bool, saves: int = 3
) -> dict[str, float | None]:
    """``mkdocs serve`` with live reload: seconds from an edit until its page shows it.

    Edits ``saves`` tier pages one after the other (appends a sentence to each; "tier
    page" is the median, "tier page, fastest" the fastest); with ``extras``, also the
    glossary file (a term's definition) and the .bib file (a cited entry's title). None:
    not shown within ``limit`` seconds.
    """
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    log = library.root / "serve.log"
    command = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-f", str(library.tiered)]
    with log.open("w") as out:
        server = subprocess.Popen(
            [*command, "--dev-addr", f"127.0.0.1:{port}"],
            cwd=library.root,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    results: dict[str, float | None] = {}
    try:
        first = _wait_for(base, "livereload", limit * 4)
        if first is None:
            raise SystemExit(f"mkdocs serve did not start within {limit * 4:.0f} s; see {log}")
        results["first build (serve start)"] = first
        pages = [(n * 7 % len(library.topics), TIERS[n % len(TIERS)]) for n in range(max(1, saves))]
        edits = [
            (
                f"tier page {k}",
                library.tier_page(n, tier),
                f"{base}topics/{library.topics[n]}/{tier}/",
                _append_sentence,
            )
            for k, (n, tier) in enumerate(pages)
        ]
        if extras:
            edits += [
                ("glossary file", library.root / "glossary.yml", f"{base}glossary/", _define),
                ("bib file", library.root / "bib" / "refs.bib", f"{base}references/", _retitle),
            ]
        for label, path, page_url, edit in edits:
            marker = f"Edited{time.time_ns()}"
            text = path.read_text(encoding="utf-8")
            path.write_text(edit(text, marker), encoding="utf-8")
            # A file the server does not watch never shows: wait a few rebuilds, not ``limit``.
            tier = label.startswith("tier page")
            wait = limit if tier else min(limit, 30 + 3 * first)
            results[label] = _wait_for(page_url, marker, wait)
    finally:
        server.terminate()
        server.wait(timeout=60)
    tiers = [results.pop(f"tier page {k}") for k in range(len(pages))]
    shown = [t for t in tiers if t is not None]
    # One not shown: the median is "not shown" too (None), never a faster figure.
    results["tier page"] = statistics.median(shown) if len(shown) == len(tiers) else None
    results["tier page, fastest"] = min(shown) if shown else None
    return dict(sorted(results.items(), key=lambda item: not item[0].startswith(("first", "tier"))))


def _append_sentence(text: str, marker: str) -> str:
    return f"{text}\n\nA sentence added by the benchmark: {marker}.\n"


def _define(text: str, marker: str) -> str:
    return text.replace("definition: The *definition* of", f"definition: The {marker} of", 1)


def _retitle(text: str, marker: str) -> str:
    # ref00000 is cited on some page of any library of more than a few topics.
    return text.replace("title = {", f"title = {{{marker} ", 1)


# --- PDF --------------------------------------------------------------------------------


def _pdfs(site: Path) -> dict[str, str]:
    """Each PDF's content hash: the rebuild empties the site, so mtimes say nothing."""
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in site.rglob("*.pdf")
    }


def pdf_export(library: Library, workers: int) -> dict[str, Any]:
    """``tiered pdf`` on the built site, then again after one page edit and a rebuild."""
    site = _site_dir(library.tiered)
    command = [sys.executable, "-m", "tiered.cli", "pdf", "-f", str(library.tiered)]
    command += ["--workers", str(workers)]

    def export() -> tuple[float, str]:
        start = time.perf_counter()
        run = subprocess.run(command, check=True, capture_output=True, cwd=library.root)
        return time.perf_counter() - start, run.stderr.decode("utf-8", "replace")

    _measure(library.tiered)
    full, _said = export()
    before = _pdfs(site)
    page = library.tier_page(len(library.topics) // 2)
    page.write_text(_append_sentence(page.read_text(encoding="utf-8"), "An edit"), "utf-8")
    _measure(library.tiered)
    again, said = export()
    after = _pdfs(site)
    # "N document(s) or part(s) rendered, M reused from the cache" (absent without a cache).
    counts = [line.split() for line in said.splitlines() if "reused from the cache" in line]
    rendered, reused = (int(counts[0][0]), int(counts[0][5])) if counts else (-1, 0)
    rewritten = sum(1 for name, digest in after.items() if before.get(name) != digest)
    pages = _pdf_pages(site)
    largest = max(pages, key=lambda name: pages[name], default="")
    return {
        "full": full,
        "again": again,
        "pdfs": len(after),
        "rewritten": rewritten,
        "rendered": rendered,
        "reused": reused,
        "pages": sum(pages.values()),
        "largest": (largest, pages.get(largest, 0)),
    }


def _pdf_pages(site: Path) -> dict[str, int]:
    """The page count of every PDF the export wrote."""
    from pypdf import PdfReader  # noqa: PLC0415 - only the PDF measurement needs it

    return {
        p.relative_to(site).as_posix(): len(PdfReader(p).pages) for p in site.rglob("pdf/**/*.pdf")
    }


# --- the run ----------------------------------------------------------------------------


PLAIN, NAV, TIERED, EVERY = range(4)  # the builds of a run, in the order they run
BUILDS = ("plain", "nav", "tiered", "every")


def cpu_seconds(build: dict[str, float]) -> float:
    """A measured build's CPU time: its own process's and its workers'."""
    return build["cpu_seconds"] + build.get("children_cpu_seconds", 0.0)


@dataclass
class Size:
    """Everything measured at one size."""

    topics: int
    pages: int = 0
    plain_pages: int = 0
    # Each run: the plain build, the navigation-only build, the tiered build, and the
    # tiered build with tiered/plain (see BUILDS); the plain build's is empty when it
    # was not built at this size (``--plain-up-to``).
    runs: list[tuple[dict[str, float], ...]] = field(default_factory=list)
    tier_bytes: tuple[int, int] = (0, 0)
    generated: dict[str, int] = field(default_factory=dict)
    serve: dict[str, float | None] = field(default_factory=dict)
    pdf: dict[str, Any] | None = None

    def built(self, build: int) -> bool:
        """Whether ``build`` was built at this size (the plain one may not be)."""
        return all(run[build] for run in self.runs)

    def fastest(self, build: int) -> float:
        """The fastest time of a build (PLAIN, NAV, TIERED or EVERY)."""
        return min(run[build]["seconds"] for run in self.runs)

    def ratio(self, baseline: int, build: int = TIERED) -> float:
        """The fastest ``build`` over the fastest ``baseline``."""
        return self.fastest(build) / self.fastest(baseline)

    def paired(self, baseline: int, build: int = TIERED) -> float:
        """The median of ``build``'s time over ``baseline``'s, run by run."""
        return statistics.median(r[build]["seconds"] / r[baseline]["seconds"] for r in self.runs)

    def cpu_ratios(self, baseline: int, build: int = TIERED) -> tuple[float, float]:
        """``build``'s CPU seconds over ``baseline``'s: fastest of each, median paired.

        The CPU time of the build's processes, its workers' included: on a shared
        machine, less bent by other work than the wall clock (which the targets use).
        """

        fastest = min(cpu_seconds(r[build]) for r in self.runs) / min(
            cpu_seconds(r[baseline]) for r in self.runs
        )
        paired = statistics.median(
            cpu_seconds(r[build]) / cpu_seconds(r[baseline]) for r in self.runs
        )
        return fastest, paired

    def mib(self, build: int) -> float:
        """The median peak memory of a build: its processes together at their fullest."""
        return statistics.median(
            run[build].get("tree_peak_mib", run[build]["peak_mib"]) for run in self.runs
        )

    def main_mib(self, build: int) -> float:
        """The median peak memory of the build's own process (its workers left out)."""
        return statistics.median(run[build]["peak_mib"] for run in self.runs)

    @property
    def plain_s(self) -> float:
        return self.fastest(PLAIN)

    @property
    def tiered_s(self) -> float:
        return self.fastest(TIERED)

    @property
    def per_page_ms(self) -> float:
        return 1000 * self.tiered_s / self.pages


def measure_size(topics: int, args: argparse.Namespace, tmp: Path) -> Size:
    """Write the library of ``topics`` topics and measure it (prints as it goes)."""
    library = write_library(tmp / f"library-{topics}", topics)
    size = Size(topics)
    plain = args.plain_up_to is None or topics <= args.plain_up_to
    for _ in range(args.runs):
        configs = (library.plain if plain else None, library.nav, library.tiered, library.every)
        size.runs.append(tuple(_measure(config) if config else {} for config in configs))
        print(".", end="", flush=True)
    plain_site, tiered_site = _site_dir(library.plain), _site_dir(library.tiered)
    size.pages = len(html_pages(tiered_site))
    tier = Path("topics", library.topics[0], "intermediate", "index.html")
    size.tier_bytes = (
        (plain_site / tier).stat().st_size if plain else 0,
        (tiered_site / tier).stat().st_size,
    )
    size.plain_pages = len(html_pages(plain_site)) if plain else 0
    size.generated = generated_pages(library)
    if not args.no_serve:
        extras = topics <= args.serve_extras_up_to
        size.serve = serve_reload(library, args.serve_limit, extras, args.saves)
    if topics == args.pdf_topics:
        size.pdf = pdf_export(library, args.workers)
    print()
    return size


def report(sizes: list[Size], args: argparse.Namespace) -> None:
    """The table, the details and one line per target."""
    print(
        "\nplain: Material + navigation.prune, search only; nav: the same + tiered/levels "
        "(the library navigation); tiered: the plugins issue 13 named (levels, glossary, "
        "citations, readability, preview; PDF off); every: tiered + tiered/plain. Ratios: "
        "each over its baseline; memory: the build's processes together at their fullest "
        "(workers included); cpu: CPU time of the build's processes, less bent by other "
        "work on the machine."
    )
    for label, baseline in (("plain", PLAIN), ("nav", NAV)):
        for build in (TIERED, EVERY):
            name = BUILDS[build]
            print(
                f"\n{name} against {label}\n{'topics':>6} {'pages':>6} {label + ' s':>8} "
                f"{name + ' s':>8} {'time':>7} {'paired':>7} {label + ' MiB':>9} "
                f"{name + ' MiB':>10} {'memory':>7} {'cpu':>7} {'paired':>7}"
            )
            for s in sizes:
                if not s.built(baseline):
                    print(f"{s.topics:>6} {s.pages:>6}  ({label} not built at this size)")
                    continue
                cpu = s.cpu_ratios(baseline, build)
                print(
                    f"{s.topics:>6} {s.pages:>6} {s.fastest(baseline):>8.2f} "
                    f"{s.fastest(build):>8.2f} {s.ratio(baseline, build):>6.3f}x "
                    f"{s.paired(baseline, build):>6.3f}x {s.mib(baseline):>9.1f} "
                    f"{s.mib(build):>10.1f} {s.mib(build) / s.mib(baseline):>6.3f}x "
                    f"{cpu[0]:>6.3f}x {cpu[1]:>6.3f}x"
                )
    for s in sizes:
        plain = f"{s.plain_pages} plain" if s.built(PLAIN) else "plain not built"
        print(f"\n{s.topics} topics ({s.pages} pages tiered, {plain})")
        names = "/".join(BUILDS)
        pairs = ", ".join(
            "/".join(f"{b['seconds']:.1f}" if b else "-" for b in run) for run in s.runs
        )
        print(f"  each run, {names} (s): {pairs}")
        cpus = ", ".join(
            "/".join(
                f"{b['cpu_seconds']:.1f}+{b.get('children_cpu_seconds', 0):.1f}" if b else "-"
                for b in run
            )
            for run in s.runs
        )
        print(f"  each run, {names} CPU, build process + workers (s): {cpus}")
        print(f"  tiered per page: {s.per_page_ms:.2f} ms")
        for build in (TIERED, EVERY):
            worker = statistics.median(run[build]["children_mib"] for run in s.runs)
            print(
                f"  {BUILDS[build]}: the build process's own peak {s.main_mib(build):.1f} MiB "
                f"(against nav {s.main_mib(build) / s.main_mib(NAV):.3f}x); its largest "
                f"worker's {worker:.1f} MiB; together at their fullest {s.mib(build):.1f} MiB"
            )
        plain_bytes = f"{s.tier_bytes[0] / 1000:.0f} KB" if s.built(PLAIN) else "not built"
        print(f"  tier page HTML: plain {plain_bytes}, tiered {s.tier_bytes[1] / 1000:.0f} KB")
        for group, (count, largest, size) in page_groups(s.generated).items():
            if count == 1:
                print(f"  generated page {largest}: {size / 1000:.0f} KB")
            else:
                print(
                    f"  generated pages {group} ({count}): largest {largest} {size / 1000:.0f} KB"
                )
        for label, seconds in s.serve.items():
            shown = (
                "not shown (waited a few rebuilds' time)" if seconds is None else f"{seconds:.2f} s"
            )
            print(f"  serve, {label}: {shown}")
        if s.pdf is not None:
            print(
                f"  PDF export ({s.pdf['pdfs']} PDFs, {args.workers} workers): full "
                f"{s.pdf['full']:.1f} s; after one page edit and a rebuild "
                f"{s.pdf['again']:.1f} s, {s.pdf['rewritten']} of {s.pdf['pdfs']} PDFs "
                f"with other bytes ({s.pdf['rendered']} documents or parts rendered, "
                f"{s.pdf['reused']} reused); {s.pdf['pages']} PDF pages in all, the largest "
                f"{s.pdf['largest'][0]} ({s.pdf['largest'][1]} pages)"
            )
    _targets(sizes)


def _held(ok: bool) -> str:
    return "yes" if ok else "no"


def _targets(sizes: list[Size]) -> None:
    by = {s.topics: s for s in sizes}
    print()
    big, small = by.get(1000), by.get(100)
    if big is None:
        print("targets 2-4 are measured at 1,000 topics: run with --topics 100 1000")
    else:
        for label, baseline in (
            ("plain Material + navigation.prune", PLAIN),
            ("the same nav", NAV),
        ):
            for build, plugins in ((TIERED, "the plugins named"), (EVERY, "with tiered/plain")):
                if not big.built(baseline):
                    print(f"target 3 against {label}, {plugins}: not measured (not built)")
                    continue
                ratio = max(big.ratio(baseline, build), big.paired(baseline, build))
                memory = big.mib(build) / big.mib(baseline)
                print(
                    f"target 3, build time at 1,000 topics at most {TIME_TARGET:.2f}x {label}, "
                    f"{plugins} ({ratio:.3f}x): target held: {_held(ratio <= TIME_TARGET)}"
                )
                print(
                    f"target 3, peak memory at 1,000 topics at most {MEMORY_TARGET:.2f}x "
                    f"{label}, {plugins} ({memory:.3f}x): target held: "
                    f"{_held(memory <= MEMORY_TARGET)}"
                )
        largest = max(big.generated.items(), key=lambda kv: kv[1], default=("none", 0))
        print(
            f"target 2, no generated page over {PAGE_BYTES_TARGET // 1000} KB at 1,000 topics "
            f"(largest {largest[0]} {largest[1] / 1000:.0f} KB): target held: "
            f"{_held(largest[1] <= PAGE_BYTES_TARGET)}"
        )
        reload = big.serve.get("tier page")
        if big.serve:
            shown = "not shown" if reload is None else f"{reload:.2f} s"
            ok = reload is not None and reload <= RELOAD_TARGET
            print(
                f"target 4, serve shows a saved tier page within {RELOAD_TARGET:.0f} s at "
                f"1,000 topics ({shown}): target held: {_held(ok)}"
            )
        if small is not None:
            linear = big.per_page_ms / small.per_page_ms
            print(
                f"target 3, per-page time at 1,000 topics at most {LINEAR_TARGET:.2f}x the "
                f"time at 100 ({linear:.3f}x): target held: {_held(linear <= LINEAR_TARGET)}"
            )
    pdf = next((s.pdf for s in sizes if s.pdf is not None), None)
    if pdf is not None:
        # One edited tier page changes its topic's PDF and one part of each of two joined
        # PDFs (its tier's and its library's, or its category's), plus at most their
        # contents and page numbers: 7 renders at most, whatever the library's size.
        ok = 0 <= pdf["rendered"] <= 7
        print(
            f"target 5, a re-export after one edit renders only what changed "
            f"({pdf['rendered']} documents or parts rendered, {pdf['reused']} reused): "
            f"target held: {_held(ok)}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topics", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pdf-topics", type=int, default=100, help="0: no PDF export")
    parser.add_argument("--workers", type=int, default=2, help="PDF export processes")
    parser.add_argument("--no-serve", action="store_true", help="skip the mkdocs serve test")
    parser.add_argument("--serve-limit", type=float, default=600.0)
    parser.add_argument("--saves", type=int, default=5, help="tier pages saved under serve")
    parser.add_argument(
        "--serve-extras-up-to",
        type=int,
        default=100,
        help="glossary and .bib edits under serve only up to this many topics",
    )
    parser.add_argument(
        "--plain-up-to",
        type=int,
        default=None,
        help="build plain Material only up to this many topics (at 1,000 it takes most of "
        "the run's time; its target is far from the line): more runs of the others in the time",
    )
    parser.add_argument("--quick", action="store_true", help="smoke run: 10 topics, one run")
    args = parser.parse_args()
    if args.quick:
        args.topics, args.runs, args.pdf_topics, args.serve_limit = [10], 1, 10, 60.0
    print(
        f"{args.runs} alternating runs per size, each build in a fresh process; "
        f"categories {'on' if categories_supported() else 'off (levels has no such option)'}"
    )
    print(
        "time: fastest build of each and the median of paired ratios; memory: median peak "
        "RSS of the build's processes together"
    )
    with tempfile.TemporaryDirectory() as tmp:
        sizes = []
        for topics in args.topics:
            print(f"{topics} topics ", end="", flush=True)
            sizes.append(measure_size(topics, args, Path(tmp)))
    report(sizes, args)


if __name__ == "__main__":
    main()
