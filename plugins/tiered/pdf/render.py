"""WeasyPrint: print HTML to tagged PDF, one document per job, in worker processes.

Fetches are limited to files inside the site folder and ``data:`` URLs: the export
never touches the network. Each PDF is written to a temporary name next to its
target and renamed, so a crash never leaves a truncated file where a reader finds it.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_STYLESHEET = Path(__file__).parent / "print.css"


@dataclass(frozen=True)
class Job:
    """One PDF to write."""

    name: str  # shown in messages: ``topics/x.pdf``
    html: str
    site_root: str
    target: str
    extra_css: str = ""  # e.g. no page numbers in the parts of a long document
    anchors: bool = False  # report the page each anchor lands on


@dataclass
class Result:
    """What rendering one job gave."""

    name: str
    target: str
    ok: bool
    seconds: float = 0.0
    pages: int = 0
    error: str = ""
    warnings: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # URLs the fetcher would not fetch
    anchors: dict[str, int] = field(default_factory=dict)  # anchor -> page index (from 0)


def _fetcher_class() -> Any:
    # WeasyPrint is imported only where PDFs are made: `mkdocs serve` never pays for it.
    from weasyprint import URLFetcher  # noqa: PLC0415

    class LocalFetcher(URLFetcher):  # type: ignore[misc]
        """Files under the site folder and ``data:`` URLs; everything else is refused."""

        def __init__(self, root: Path) -> None:
            super().__init__(allowed_protocols={"file", "data"}, allow_redirects=False)
            self.root = root.resolve()
            self.refused: list[str] = []

        def fetch(self, url: str, headers: Any = None) -> Any:
            scheme = url.split(":", 1)[0].lower()
            if scheme == "file":
                from urllib.request import url2pathname  # noqa: PLC0415

                path = Path(
                    url2pathname(url.split("?", maxsplit=1)[0].removeprefix("file://"))
                ).resolve()
                if path == self.root or self.root in path.parents:
                    return super().fetch(url, headers)
            elif scheme == "data":
                return super().fetch(url, headers)
            self.refused.append(url)
            raise ValueError(f"tiered/pdf fetches only files of the site: refused {url}")

    return LocalFetcher


def _cache_page_references() -> None:
    """Make pydyf's ``PDF.page_references`` constant-time.

    pydyf 0.13 rebuilds the tuple of every page reference on each access, and WeasyPrint's
    tagging reads it once per structure element: quadratic in the page count (about
    half the time of a 400-page tagged PDF). The cache is keyed on the page list's
    length, which only ever grows, so it returns exactly what the property would.
    """
    import pydyf  # noqa: PLC0415

    if getattr(pydyf.PDF, "_tiered_cached", False):
        return

    def page_references(self: Any) -> tuple[bytes, ...]:
        kids = self.pages["Kids"]
        cached: tuple[int, tuple[bytes, ...]] | None = getattr(self, "_tiered_references", None)
        if cached is None or cached[0] != len(kids):
            references = tuple(f"{number} 0 R".encode("ascii") for number in kids[::3])
            cached = (len(kids), references)
            self._tiered_references = cached
        return cached[1]

    pydyf.PDF.page_references = property(page_references)
    pydyf.PDF._tiered_cached = True


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def render(job: Job, *, tagged: bool = True) -> Result:
    """Write one PDF (tagged, PDF/UA-1); never raises: failures come back in the result."""
    start = time.perf_counter()
    result = Result(job.name, job.target, ok=False)
    handler = _Collect()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(handler)
    propagate = logger.propagate
    logger.propagate = False  # its messages are reported once, naming the document
    target = Path(job.target)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        from weasyprint import CSS, HTML  # noqa: PLC0415

        _cache_page_references()
        fetcher = _fetcher_class()(Path(job.site_root))
        base = Path(job.site_root).resolve().as_uri() + "/"
        stylesheets = [CSS(filename=str(_STYLESHEET), url_fetcher=fetcher)]
        if job.extra_css:
            stylesheets.append(CSS(string=job.extra_css, url_fetcher=fetcher))
        variant = {"pdf_variant": "pdf/ua-1"} if tagged else {}
        document = HTML(string=job.html, base_url=base, url_fetcher=fetcher).render(
            stylesheets=stylesheets, **variant
        )
        if job.anchors:
            result.anchors = {
                name: number for number, page in enumerate(document.pages) for name in page.anchors
            }
        target.parent.mkdir(parents=True, exist_ok=True)
        document.write_pdf(temporary, **variant)
        temporary.replace(target)
        result.ok = True
        result.pages = len(document.pages)
        result.refused = list(fetcher.refused)
    except Exception as err:
        result.error = f"{type(err).__name__}: {err}"
    finally:
        temporary.unlink(missing_ok=True)
        logger.removeHandler(handler)
        logger.propagate = propagate
    result.warnings = handler.messages
    result.seconds = time.perf_counter() - start
    return result


def render_all(jobs: list[Job], workers: int, done: Callable[[Result], None]) -> list[Result]:
    """Render ``jobs`` (in the caller's order) on up to ``workers`` processes.

    ``done`` hears of each result as it comes.
    """
    results: list[Result] = []
    iterate = (
        (render(job) for job in jobs)
        if workers <= 1 or len(jobs) <= 1
        else _parallel(jobs, workers)
    )
    for result in iterate:
        results.append(result)
        done(result)
    return results


def _parallel(jobs: list[Job], workers: int) -> Iterator[Result]:
    # "spawn": a forked child of a threaded process (mkdocs serve) can deadlock.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=min(workers, len(jobs)), mp_context=context) as pool:
        futures: dict[Future[Result], Job] = {pool.submit(render, job): job for job in jobs}
        for future in as_completed(futures):
            job = futures[future]
            try:
                yield future.result()
            except Exception as err:
                yield Result(job.name, job.target, ok=False, error=f"{type(err).__name__}: {err}")
