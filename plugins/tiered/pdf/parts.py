"""A long document (the library) rendered in parts side by side, then joined.

WeasyPrint lays out one document in one process, at about 50-70 ms a page on the
development machine, and holds every page in memory: a 400-page library takes half a
minute and half a gigabyte. In parts, the processes share the work and each holds only
its part. What a single document did by itself is done here:

- the contents' page numbers: the parts report the page of every anchor, then the
  cover and contents are rendered with the numbers written in;
- the footer's "page / pages": a document of empty numbered pages is drawn over the
  joined pages (as an artifact, outside the structure tree);
- links between parts: each part holds empty placeholder anchors for targets elsewhere,
  so WeasyPrint keeps the links; the join keeps each name where its content is.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tiered.pdf.cache import RenderCache, file_hash
from tiered.pdf.document import Document, Part, assemble_front, assemble_parts
from tiered.pdf.model import Site
from tiered.pdf.names import is_temporary, temporary_path
from tiered.pdf.render import Job, Result, render

# The parts carry no page numbers: the joined document gets its own.
NO_PAGE_NUMBERS = "@page { @bottom-center { content: none; } }"
# A part's first page is no cover: it keeps its running header.
_PART = NO_PAGE_NUMBERS + " @page :first { @top-center { content: string(chapter); } }"
_NUMBERS = (
    "<!doctype html><html><head><title>numbers</title>"
    "<style>.n + .n {{ break-before: page; }}</style></head><body>{pages}</body></html>"
)


@dataclass
class Plan:
    """The parts of one document, and how to finish it once they are rendered."""

    document: Document
    parts: list[Part]
    jobs: list[Job]  # one per part, then the contents' draft
    target: Path


def plan_parts(
    document: Document, site: Site, site_name: str, built: dt.date, *, count: int, target: Path
) -> Plan:
    """Jobs for the parts of ``document`` (to render with the other documents)."""
    parts = assemble_parts(document, site, site_name, built, count)
    jobs = [
        Job(
            name=f"{document.name} (part {i + 1} of {len(parts)})",
            html=part.html,
            site_root=str(site.root),
            target=str(temporary_path(target, f"part{i + 1}")),
            extra_css=_PART,
            anchors=True,
        )
        for i, part in enumerate(parts)
    ]
    # The contents without numbers, rendered with the parts: how many pages they take.
    draft = assemble_front(document, site, site_name, built, {})
    jobs.append(
        Job(
            name=f"{document.name} (contents)",
            html=draft.html,
            site_root=str(site.root),
            target=str(temporary_path(target, "draft")),
            extra_css=NO_PAGE_NUMBERS,
        )
    )
    return Plan(document, parts, jobs, target)


Renderer = Callable[..., Result]  # ``render``, or a cache's (``tagged=`` keyword)


def finish(
    plan: Plan,
    results: dict[str, Result],
    site: Site,
    site_name: str,
    built: dt.date,
    *,
    render_job: Renderer = render,
    cache: RenderCache | None = None,
) -> Result:
    """Render the cover and contents and the page numbers, and join everything.

    ``render_job`` renders the cover and contents and the page numbers: with a cache,
    they are rendered again only when their numbers changed. With ``cache``, a joined
    PDF is kept too, keyed by the bytes of what it was joined from: after an edit, only
    the documents holding the edited page are joined again.
    """
    start = time.perf_counter()
    name = plan.document.name
    done = [results[job.name] for job in plan.jobs[: len(plan.parts)]]
    draft = results[plan.jobs[-1].name]
    failed = [r for r in [*done, draft] if not r.ok]
    try:
        if failed:
            return Result(name, str(plan.target), ok=False, error=failed[0].error)
        front_pages = draft.pages  # checked below: the numbers could wrap a line
        for _attempt in range(3):
            pages = _page_numbers(plan, done, front_pages)
            front = assemble_front(plan.document, site, site_name, built, pages)
            front_job = Job(
                name,
                front.html,
                str(site.root),
                str(temporary_path(plan.target, "front")),
                extra_css=NO_PAGE_NUMBERS,
            )
            front_result = render_job(front_job)
            if not front_result.ok or front_result.pages == front_pages:
                break
            front_pages = front_result.pages
        if not front_result.ok:
            return front_result
        total = front_pages + sum(r.pages for r in done)
        numbers = _render_numbers(plan, site, total, render_job)
        if not numbers.ok:
            return Result(name, str(plan.target), ok=False, error=numbers.error)
        sources = [
            Path(front_job.target),
            *(Path(job.target) for job in plan.jobs[: len(plan.parts)]),
        ]
        owned = [front.owned, *(part.owned for part in plan.parts)]
        join = _join_job(plan, site, [*sources, Path(numbers.target)], owned)
        joined = cache.lookup(join, counted=False) if cache is not None else None
        if joined is None:
            from tiered.pdf.merge import merge  # noqa: PLC0415 - pikepdf only where used

            temporary = temporary_path(plan.target, str(os.getpid()))
            merge(sources, owned, Path(numbers.target), temporary)
            temporary.replace(plan.target)
        seconds = max(r.seconds for r in done) + time.perf_counter() - start
        warnings = [w for r in [*done, front_result] for w in r.warnings]
        refused = [u for r in [*done, front_result] for u in r.refused]
        result = Result(name, str(plan.target), True, seconds, total, "", warnings, refused)
        if joined is None and cache is not None:
            cache.store(join, result, counted=False)
        return result
    except Exception as err:  # reported naming the document, as a render's failure is
        return Result(name, str(plan.target), ok=False, error=f"{type(err).__name__}: {err}")
    finally:
        # Its own files only: the parts, their drafts, the join before its rename.
        own = f".{plan.target.name}."
        folder = plan.target.parent
        for leftover in folder.iterdir() if folder.is_dir() else []:
            if leftover.name.startswith(own) and is_temporary(leftover.name):
                leftover.unlink(missing_ok=True)


def _join_job(plan: Plan, site: Site, sources: list[Path], owned: list[set[str]]) -> Job:
    """A job standing for the join: its key is the hash of every input's bytes."""
    inputs = [file_hash(path) for path in sources]
    inputs += ["\n".join(sorted(names)) for names in owned]
    html = "joined\0" + "\0".join(inputs)
    return Job(plan.document.name, html, str(site.root), str(plan.target))


def _page_numbers(plan: Plan, done: list[Result], front_pages: int) -> dict[str, int]:
    pages: dict[str, int] = {}
    offset = front_pages
    for part, result in zip(plan.parts, done, strict=True):
        for anchor, index in result.anchors.items():
            if anchor in part.owned:
                pages[anchor] = offset + index + 1
        offset += result.pages
    return pages


def _render_numbers(plan: Plan, site: Site, total: int, render_job: Renderer) -> Result:
    html = _NUMBERS.format(pages='<div class="n"></div>' * total)
    target = temporary_path(plan.target, "numbers")
    # Untagged on purpose: the join wraps it in an artifact.
    result = render_job(Job("page numbers", html, str(site.root), str(target)), tagged=False)
    if result.ok and result.pages != total:
        return Result(result.name, result.target, False, error="page numbers do not match")
    return result
