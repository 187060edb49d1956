"""WeasyPrint: print HTML to tagged PDF, one document per job, in worker processes.

Fetches are limited to files inside the site folder and ``data:`` URLs: the export
never touches the network. Each PDF is written to a temporary name next to its
target and renamed, so a crash never leaves a truncated file where a reader finds it.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Generator, Iterator
from concurrent.futures import Future, as_completed
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tiered.pdf.names import site_file, temporary_path

STYLESHEET = Path(__file__).parent / "print.css"


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
    fetched: list[str] = field(default_factory=list)  # site files it read, site-relative
    cached: bool = False  # copied from the cache, not rendered


def _fetcher_class() -> Any:
    # WeasyPrint is imported only where PDFs are made: `mkdocs serve` never pays for it.
    from weasyprint import URLFetcher  # noqa: PLC0415

    class LocalFetcher(URLFetcher):  # type: ignore[misc]
        """Files under the site folder and ``data:`` URLs; everything else is refused."""

        def __init__(self, root: Path) -> None:
            super().__init__(allowed_protocols={"file", "data"}, allow_redirects=False)
            self.root = root.resolve()
            self.refused: list[str] = []
            self.fetched: list[str] = []

        def fetch(self, url: str, headers: Any = None) -> Any:
            scheme = url.split(":", 1)[0].lower()
            if scheme == "data":
                return super().fetch(url, headers)
            path = site_file(url, self.root) if scheme == "file" else None
            if path is not None:
                # The file that was checked is the file fetched: its own, resolved URL.
                self.fetched.append(path.relative_to(self.root).as_posix())
                return super().fetch(path.as_uri(), headers)
            self.refused.append(url)
            raise ValueError(f"tiered/pdf fetches only files of the site: refused {url}")

    return LocalFetcher


@contextmanager
def _cached_page_references() -> Iterator[None]:
    """Make pydyf's ``PDF.page_references`` constant-time while a PDF is rendered.

    pydyf 0.13 rebuilds the tuple of every page reference on each access, and WeasyPrint's
    tagging reads it once per structure element: quadratic in the page count (about
    half the time of a 400-page tagged PDF). The cache is keyed on the page list's
    length, which only ever grows, so it returns exactly what the property would. The
    class is patched for the call only and restored after: nothing else in the process
    sees a changed pydyf.
    """
    import pydyf  # noqa: PLC0415

    original = pydyf.PDF.__dict__["page_references"]

    def page_references(self: Any) -> tuple[bytes, ...]:
        kids = self.pages["Kids"]
        cached: tuple[int, tuple[bytes, ...]] | None = getattr(self, "_tiered_references", None)
        if cached is None or cached[0] != len(kids):
            references = tuple(f"{number} 0 R".encode("ascii") for number in kids[::3])
            cached = (len(kids), references)
            self._tiered_references = cached
        return cached[1]

    pydyf.PDF.page_references = property(page_references)
    try:
        yield
    finally:
        pydyf.PDF.page_references = original


class LogMessages(logging.Handler):
    """Keeps the messages logged at ``level`` or above, to report them elsewhere."""

    def __init__(self, level: int = logging.WARNING) -> None:
        super().__init__(level)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def render(job: Job, *, tagged: bool = True) -> Result:
    """Write one PDF (tagged, PDF/UA-1); never raises: failures come back in the result."""
    start = time.perf_counter()
    result = Result(job.name, job.target, ok=False)
    handler = LogMessages()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(handler)
    propagate = logger.propagate
    logger.propagate = False  # its messages are reported once, naming the document
    target = Path(job.target)
    temporary = temporary_path(target, str(os.getpid()))
    try:
        with _cached_page_references():
            _write(job, tagged, result, temporary)
        temporary.replace(target)
        result.ok = True
    except Exception as err:
        result.error = f"{type(err).__name__}: {err}"
    finally:
        # Not there, or its folder could not be made (the error above says why).
        with suppress(FileNotFoundError, NotADirectoryError):
            temporary.unlink()
        logger.removeHandler(handler)
        logger.propagate = propagate
    result.warnings = handler.messages
    result.seconds = time.perf_counter() - start
    return result


def _write(job: Job, tagged: bool, result: Result, temporary: Path) -> None:
    """Lay out ``job``'s HTML and write the PDF at ``temporary``; fill in ``result``."""
    from weasyprint import CSS, HTML  # noqa: PLC0415

    fetcher = _fetcher_class()(Path(job.site_root))
    base = Path(job.site_root).resolve().as_uri() + "/"
    stylesheets = [CSS(filename=str(STYLESHEET), url_fetcher=fetcher)]
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
    temporary.parent.mkdir(parents=True, exist_ok=True)
    document.write_pdf(temporary, **variant)
    result.pages = len(document.pages)
    result.refused = list(fetcher.refused)
    result.fetched = sorted(set(fetcher.fetched))


def render_all(jobs: list[Job], workers: int, done: Callable[[Result], None]) -> list[Result]:
    """Render ``jobs`` on up to ``workers`` processes, started in the caller's order.

    ``done`` hears of each result as it comes (in the order they finish).
    """
    results: list[Result] = []
    iterate: Generator[Result, None, None] = (
        (render(job) for job in jobs)
        if workers <= 1 or len(jobs) <= 1
        else _parallel(jobs, workers)
    )
    # Closed at once if the caller stops early (an error, SIGTERM): the pool shuts down
    # before the export removes its temporary files.
    with closing(iterate):
        for result in iterate:
            results.append(result)
            done(result)
    return results


def _parallel(jobs: list[Job], workers: int) -> Generator[Result, None, None]:
    # "spawn": a forked child of a threaded process (mkdocs serve) can deadlock.
    # Imported here: a build that exports no PDF (or only reads the cache) never loads
    # multiprocessing (half a MiB of every build process).
    import multiprocessing  # noqa: PLC0415
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415

    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=min(workers, len(jobs)), mp_context=context)
    try:
        futures: dict[Future[Result], Job] = {pool.submit(render, job): job for job in jobs}
        for future in as_completed(futures):
            job = futures[future]
            try:
                yield future.result()
            except Exception as err:
                yield Result(job.name, job.target, ok=False, error=f"{type(err).__name__}: {err}")
    finally:
        # Stopped early: the documents not yet started are not started at all.
        pool.shutdown(wait=True, cancel_futures=True)
