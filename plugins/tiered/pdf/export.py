"""The PDF export of a built site: collect, plan, assemble, render, report.

Used by the plugin's ``on_post_build`` and by ``tiered pdf``; it knows nothing of
MkDocs, so it works on any built site folder.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tiered.pdf.collect import collect_site
from tiered.pdf.document import assemble, plan
from tiered.pdf.render import Job, Result, render_all


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
    only_topic: str | None = None
    only_tier: str | None = None
    workers: int = 0  # 0: one per processor core
    built: dt.date | None = None


@dataclass
class Report:
    """What the export did."""

    written: list[Result] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

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


def export(
    site_root: Path,
    options: Options,
    progress: Callable[[Result, int, int], None] = _no_progress,
) -> Report:
    """Write the PDFs of the built site at ``site_root``; never raises for bad content."""
    report = Report()
    site = collect_site(site_root, options.topics_dir)
    report.warnings.extend(site.warnings)
    if options.only_topic is not None and not any(
        t.slug == options.only_topic for t in site.topics.values()
    ):
        report.errors.append(f"no topic '{options.only_topic}' in {site_root}")
    if options.only_tier is not None and options.only_tier not in site.tiers:
        report.errors.append(f"no tier '{options.only_tier}' in {site_root}")
    documents, warnings = plan(
        site,
        topics=options.topics,
        tiers=options.tiers,
        library=options.library,
        library_title=options.library_title or options.site_name,
        only_topic=options.only_topic,
        only_tier=options.only_tier,
    )
    report.warnings.extend(warnings)
    built = options.built or build_date()
    output = site_root / options.output_dir
    jobs = []
    # Largest first, so the long library PDF does not start last on a busy pool.
    for document in sorted(documents, key=lambda d: d.size, reverse=True):
        html = assemble(document, site, options.site_name, built)
        jobs.append(Job(document.name, html, str(site_root), str(output / document.name)))
    workers = options.workers or os.cpu_count() or 1
    for result in render_all(jobs, workers, progress):
        for url in result.refused:
            report.warnings.append(f"{result.name}: not fetched (only files of the site): {url}")
        report.warnings.extend(f"{result.name}: WeasyPrint: {w}" for w in result.warnings)
        if result.ok:
            report.written.append(result)
        else:
            report.errors.append(f"{result.name}: could not be written: {result.error}")
    return report
