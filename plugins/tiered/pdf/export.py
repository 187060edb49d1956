"""The PDF export of a built site: collect, plan, assemble, render, report.

Used by the plugin's ``on_post_build`` and by ``tiered pdf``; it knows nothing of
MkDocs, so it works on any built site folder.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from tiered.pdf.cache import RenderCache
from tiered.pdf.collect import collect_site
from tiered.pdf.document import Document, assemble, plan
from tiered.pdf.model import Site
from tiered.pdf.names import remove_temporaries
from tiered.pdf.parts import Plan, finish, plan_parts
from tiered.pdf.render import Job, Result, render_all
from tiered.pdf.scope import shelves, whole_site


@dataclass(frozen=True)
class Options:
    """What to export (the plugin's config, or the command line's)."""

    site_name: str
    output_dir: str = "pdf"
    topics_dir: str = "topics"
    topics: bool = True
    tiers: bool = True
    library: bool = True
    library_title: str = ""
    by_category: bool = True
    whole_site: str = "auto"  # "auto", "always" or "never"
    whole_site_topics: int = 50
    required: bool = True  # no tier pages is an error (else a note)
    only_topic: str | None = None
    only_tier: str | None = None
    workers: int = 0  # 0: one per processor core
    built: dt.date | None = None
    cache_dir: Path | None = None  # None: render everything


@dataclass
class Report:
    """What the export did."""

    written: list[Result] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # decisions the author may want to know
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    rendered: int = 0  # documents and parts WeasyPrint laid out
    reused: int = 0  # documents and parts copied from the cache

    @property
    def failed(self) -> bool:
        """Whether any document could not be written."""
        return bool(self.errors)


def build_date() -> dt.date:
    """Today (UTC), or the date of ``SOURCE_DATE_EPOCH`` for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.datetime.now(dt.timezone.utc).date()


def _no_progress(result: Result, done: int, total: int) -> None:
    del result, done, total


@contextmanager
def _terminated_as_exit() -> Iterator[None]:
    """A SIGTERM ends the export as an exception would: temporary files are removed.

    Python's default for SIGTERM is to die at once, skipping every ``finally``. Signal
    handlers can only be set from the main thread (``mkdocs serve`` builds elsewhere).
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _output_folder(site_root: Path, output_dir: str) -> Path | str:
    """The PDF folder, or why it is refused: it must stay inside the site folder.

    ``output_dir`` was validated as a config option already (``SitePath``); this is the
    last guard, for any other caller, and for a symlink leading out of the site.
    """
    output = site_root / output_dir
    root = site_root.resolve()
    resolved = output.resolve()
    if Path(output_dir).is_absolute() or (resolved != root and root not in resolved.parents):
        return (
            f"output folder '{output_dir}' leads outside the site folder {site_root}: "
            "give a folder inside it, such as 'pdf'"
        )
    if output.exists() and not output.is_dir():
        return f"output folder '{output_dir}' is a file in {site_root}: remove it"
    return output


def export(
    site_root: Path,
    options: Options,
    progress: Callable[[Result, int, int], None] = _no_progress,
) -> Report:
    """Write the PDFs of the built site at ``site_root``; never raises for bad content."""
    report = Report()
    output = _output_folder(site_root, options.output_dir)
    if isinstance(output, str):
        report.errors.append(output)
        return report
    remove_temporaries(output)  # a killed export's: they must not be deployed
    cache = RenderCache(options.cache_dir, site_root)
    try:
        with _terminated_as_exit():
            _export(site_root, output, options, progress, report, cache=cache)
    finally:
        remove_temporaries(output)  # this one's, if it was stopped half-way
    report.warnings.extend(cache.warnings)
    report.rendered, report.reused = cache.rendered, cache.reused
    whole = options.only_topic is None and options.only_tier is None
    if whole and not report.failed:
        cache.prune()  # only after a whole export: a partial one used only some entries
    return report


# With a cache, a long document is split into parts of about this many topics even on
# one worker: an edit renders one part again, not the whole document.
PART_TOPICS = 8


def _part_count(topics: int, workers: int, cached: bool) -> int:
    """How many parts a document of ``topics`` topics is rendered in (1: in one piece)."""
    if topics < 2:
        return 1
    count = min(topics, 2 * workers) if workers > 1 else 1
    if cached and topics > PART_TOPICS:
        count = max(count, -(-topics // PART_TOPICS))
    return count


def _render(
    jobs: list[Job], workers: int, cache: RenderCache, done: Callable[[Result], None]
) -> list[Result]:
    """Each job's PDF from the cache if it is there, else rendered (side by side) and kept."""
    results: list[Result] = []
    to_render: list[Job] = []
    for job in jobs:
        found = cache.lookup(job)
        if found is None:
            to_render.append(job)
        else:
            results.append(found)
            done(found)
    by_name = {job.name: job for job in to_render}

    def rendered(result: Result) -> None:
        cache.store(by_name[result.name], result)
        done(result)

    return results + render_all(to_render, workers, rendered)


def _per_category_note(site: Site, options: Options) -> str:
    """Why there is no site-wide tier or library PDF, and where its topics are instead."""
    count = len(site.topics)
    said = (
        f"{count} topics, more than whole_site_topics ({options.whole_site_topics}): "
        "no site-wide tier or library PDF"
    )
    if options.by_category and shelves(site):
        return f"{said}; they are written per category (pdf/categories/)"
    return (
        f"{said}; give the topics categories (tiered/levels option 'categories') to get "
        "them per category, or set whole_site: always"
    )


def _documents(site: Site, site_root: Path, options: Options, report: Report) -> list[Document]:
    """What to write (``[]`` when there is nothing), with the report's notes and warnings."""
    if not site.topics:
        if options.required:
            report.errors.append(
                f"no tier pages in {site_root / options.topics_dir}: build the site with "
                "tiered/levels first, or set topics_dir to the folder of the topics"
            )
        else:
            report.notes.append(f"no tier pages in {site_root / options.topics_dir}: no PDFs")
        return []
    if options.only_topic is not None and not any(
        t.slug == options.only_topic for t in site.topics.values()
    ):
        report.errors.append(f"no topic '{options.only_topic}' in {site_root}")
    if options.only_tier is not None and options.only_tier not in site.tiers:
        report.errors.append(f"no tier '{options.only_tier}' in {site_root}")
    whole = whole_site(options.whole_site, len(site.topics), options.whole_site_topics)
    if not whole and options.whole_site == "auto" and (options.tiers or options.library):
        report.notes.append(_per_category_note(site, options))
    documents, warnings = plan(
        site,
        topics=options.topics,
        tiers=options.tiers,
        library=options.library,
        library_title=options.library_title or options.site_name,
        whole_site=whole,
        by_category=options.by_category,
        only_topic=options.only_topic,
        only_tier=options.only_tier,
    )
    report.warnings.extend(warnings)
    return documents


def _export(
    site_root: Path,
    output: Path,
    options: Options,
    progress: Callable[[Result, int, int], None],
    report: Report,
    *,
    cache: RenderCache,
) -> None:
    site = collect_site(site_root, options.topics_dir)
    report.warnings.extend(site.warnings)
    documents = _documents(site, site_root, options, report)
    if not documents:
        return
    built = options.built or build_date()
    workers = options.workers or os.cpu_count() or 1
    jobs: list[Job] = []
    in_parts: list[Plan] = []
    for document in sorted(documents, key=lambda d: d.size, reverse=True):
        target = output / document.name
        topics = sum(1 for c in document.chapters if c.part or document.kind == "tier")
        count = _part_count(topics, workers, cache.folder is not None)
        if document.kind != "topic" and count > 1:
            plan_ = plan_parts(document, site, options.site_name, built, count=count, target=target)
            in_parts.append(plan_)
            jobs.extend(plan_.jobs)
            continue
        html = assemble(document, site, options.site_name, built)
        jobs.append(Job(document.name, html, str(site_root), str(target)))
    # Largest first, so a long document does not start last on a busy pool.
    jobs.sort(key=lambda job: len(job.html), reverse=True)
    part_names = {job.name for p in in_parts for job in p.jobs}
    total = len(jobs) - len(part_names) + len(in_parts)
    shown: list[Result] = []

    def done(result: Result) -> None:
        if result.name not in part_names:
            shown.append(result)
            progress(result, len(shown), total)

    results = _render(jobs, workers, cache, done)
    finished = {r.name: r for r in results if r.name in part_names}
    for plan_ in in_parts:
        result = finish(
            plan_, finished, site, options.site_name, built, render_job=cache.render, cache=cache
        )
        done(result)
        results.append(result)
    for result in results:
        if result.name in part_names:
            continue
        for url in result.refused:
            report.warnings.append(f"{result.name}: not fetched (only files of the site): {url}")
        report.warnings.extend(f"{result.name}: WeasyPrint: {w}" for w in result.warnings)
        if result.ok:
            report.written.append(result)
        else:
            report.errors.append(f"{result.name}: could not be written: {result.error}")
