"""Pages measured in the worker process: the same figures, warnings and pages as here."""

from __future__ import annotations

import os
import re
import signal
from pathlib import Path

import pytest
from tiered.common.worker import LineWorker, WorkerGone
from tiered.readability import background
from tiered.readability.background import Measurer
from tiered.readability.measure import article_blocks, measure

from tests.conftest import BuildResult, SiteFactory
from tests.library_site import levels_options, library

_BUILD_DATE = re.compile(r"Build Date UTC : [^\n]*")
HARD = (
    "Aromatase inhibitors substantially accelerate postmenopausal osteoclastogenesis, "
    "diminishing trabecular microarchitecture and cortical integrity considerably."
)
ARTICLES = [
    "<h1>Bones</h1><p>We walk each day. It is good for us.</p><ul><li>Eat well.</li></ul>",
    "<p>Aromatase inhibitors accelerate osteoclastogenesis, e.g. in bone. It hurts.</p>",
    "<p>Short.</p><pre><code>not text</code></pre><p>Numbers like 1,000,000 and 5%.</p>",
    "",
]


def _expected() -> list[object]:
    return [measure(article_blocks(html)) for html in ARTICLES]


@pytest.fixture
def in_background(monkeypatch: pytest.MonkeyPatch) -> None:
    """Measure in the worker process whatever the number of pages."""
    monkeypatch.setattr(background, "BACKGROUND_PAGES", 1)
    monkeypatch.setattr(background, "cores", lambda: 2)


@pytest.mark.usefixtures("in_background")
def test_the_worker_gives_the_measures_of_this_process_in_order() -> None:
    measurer: Measurer[object] = Measurer()
    measurer.start(pages=len(ARTICLES))
    for index, html in enumerate(ARTICLES):
        measurer.add(index, html)
    measurer.add("blocks", None, ["We walk each day.", "It is good for us."])
    try:
        results = measurer.results()
        assert measurer._worker is not None  # it did run in the worker
    finally:
        measurer.close()
    assert [key for key, _m in results] == [0, 1, 2, 3, "blocks"]
    assert [m for _key, m in results][:4] == _expected()
    assert results[4][1] == measure(["We walk each day.", "It is good for us."])


@pytest.mark.usefixtures("in_background")
def test_a_worker_that_dies_leaves_the_pages_measured_here(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(background, "BATCH", 1)
    measurer: Measurer[object] = Measurer()
    measurer.start(pages=len(ARTICLES))
    measurer.add(0, ARTICLES[0])
    worker = measurer._worker
    assert worker is not None
    os.kill(worker._process.pid, signal.SIGKILL)
    for index, html in enumerate(ARTICLES[1:], start=1):
        measurer.add(index, html)
    results = measurer.results()
    measurer.close()
    assert [m for _key, m in results] == _expected()


def test_a_small_site_is_measured_here() -> None:
    measurer: Measurer[object] = Measurer()
    measurer.start(pages=background.BACKGROUND_PAGES - 1)
    measurer.add("only", ARTICLES[0])
    assert measurer.results() == [("only", _expected()[0])]
    assert measurer._worker is None


def test_a_module_that_is_not_there_is_a_worker_gone() -> None:
    worker = LineWorker("tiered.no_such_module")
    worker.send([])
    with pytest.raises(WorkerGone):
        worker.answer(timeout=30)
    worker.close()


def _pages(result: BuildResult) -> dict[str, str]:
    """Every HTML page of the site but the build time the mkdocs theme puts in one."""
    return {
        path.relative_to(result.site).as_posix(): _BUILD_DATE.sub("", path.read_text("utf-8"))
        for path in sorted(result.site.rglob("*.html"))
    }


def test_a_library_built_with_the_worker_is_the_library_built_without(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = library(12)
    for path in list(docs)[2::7]:  # some tier pages read too hard: warnings from measures
        if not path.endswith("index.md"):
            docs[path] += f"\n{HARD}\n"
    options = {"levels": levels_options(), "readability": {}}
    here = SiteFactory(tmp_path / "here").build(docs, **options)
    monkeypatch.setattr(background, "BACKGROUND_PAGES", 1)
    monkeypatch.setattr(background, "cores", lambda: 2)
    worker = SiteFactory(tmp_path / "worker").build(docs, **options)
    assert worker.warnings == here.warnings
    assert sum("reads above" in w for w in here.warnings) >= 3
    pages = _pages(here)
    assert pages["topics/arthritis-0000/fundamentals/index.html"].count("tiered-reading-level") == 1
    assert _pages(worker) == pages


@pytest.mark.usefixtures("in_background")
def test_a_build_that_stopped_half_way_leaves_nothing_to_the_next() -> None:
    measurer: Measurer[object] = Measurer()
    measurer.start(pages=len(ARTICLES))
    for index, html in enumerate(ARTICLES * 5):  # a batch or more sent, never collected
        measurer.add(("stopped", index), html)
    measurer.start(pages=len(ARTICLES))  # the next build
    measurer.add("next", ARTICLES[1])
    try:
        assert measurer.results() == [("next", _expected()[1])]
    finally:
        measurer.close()
