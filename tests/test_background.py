"""The background mechanism: work done in the worker process is the work done here."""

from __future__ import annotations

import os
import signal

import pytest
from tiered.common import background
from tiered.common.background import Background
from tiered.common.worker import LineWorker, WorkerGone
from tiered.plain.background import CheckTask, Job, checked, checker, setup_data
from tiered.plain.findings import Settings
from tiered.readability.background import measurer
from tiered.readability.measure import article_blocks, measure

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
    """Work in the worker process whatever the number of pages."""
    monkeypatch.setattr(background, "BACKGROUND_PAGES", 1)
    monkeypatch.setattr(background, "cores", lambda: 2)


@pytest.mark.usefixtures("in_background")
def test_the_worker_gives_the_results_of_this_process_in_order() -> None:
    measuring = measurer()
    measuring.start(pages=len(ARTICLES))
    for index, html in enumerate(ARTICLES):
        measuring.add(index, html)
    try:
        results = measuring.results()
        assert measuring._worker is not None  # it did run in the worker
    finally:
        measuring.close()
    assert [key for key, _m in results] == [0, 1, 2, 3]
    assert [m for _key, m in results] == _expected()


@pytest.mark.usefixtures("in_background")
def test_a_worker_that_dies_leaves_the_pages_done_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(background, "BATCH", 1)
    measuring = measurer()
    measuring.start(pages=len(ARTICLES))
    measuring.add(0, ARTICLES[0])
    worker = measuring._worker
    assert worker is not None
    os.kill(worker._process.pid, signal.SIGKILL)
    for index, html in enumerate(ARTICLES[1:], start=1):
        measuring.add(index, html)
    results = measuring.results()
    measuring.close()
    assert [m for _key, m in results] == _expected()


def test_a_small_site_is_done_here() -> None:
    measuring = measurer()
    measuring.start(pages=background.BACKGROUND_PAGES - 1)
    measuring.add("only", ARTICLES[0])
    assert measuring.results() == [("only", _expected()[0])]
    assert measuring._worker is None


def test_a_module_that_is_not_there_is_a_worker_gone() -> None:
    worker = LineWorker("tiered.no_such_module")
    worker.send([])
    with pytest.raises(WorkerGone):
        worker.answer(timeout=30)
    worker.close()


@pytest.mark.usefixtures("in_background")
def test_a_build_that_stopped_half_way_leaves_nothing_to_the_next() -> None:
    measuring = measurer()
    measuring.start(pages=len(ARTICLES))
    for index, html in enumerate(ARTICLES * 5):  # a batch or more sent, never collected
        measuring.add(("stopped", index), html)
    measuring.start(pages=len(ARTICLES))  # the next build
    measuring.add("next", ARTICLES[1])
    try:
        assert measuring.results() == [("next", _expected()[1])]
    finally:
        measuring.close()


_PAGE = "<p>The DXA scan is done by a nurse. It was shown to help, and 11% of us gain.</p>"
_SOURCE = "---\ntier: fundamentals\n---\nThe DXA scan is done by a nurse. It was shown to help.\n"


def _setup(max_words: int) -> dict[str, object]:
    return setup_data({"fundamentals": (Settings(max_words=max_words), False)}, {})


def _job() -> list[object]:
    return Job("fundamentals", _PAGE, _SOURCE, 29, ("dxa",), findings=True).data()


@pytest.mark.usefixtures("in_background")
def test_each_build_s_setup_reaches_the_worker_and_the_task_here(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    here = CheckTask()
    here.setup(_setup(max_words=5))
    expected = checked(here.run([_job()])[0])
    assert expected.counts["long-sentence"] == 2
    assert expected.counts["passive"] >= 1
    assert expected.accepted == 1  # DXA, in the job's accepted words

    checking: Background[str, object] = checker()  # type: ignore[assignment]
    checking.start(pages=2, setup=_setup(max_words=5))
    checking.add("first", _job())
    try:
        assert checking.results() == [("first", expected)]
        checking.start(pages=2, setup=_setup(max_words=50))  # the next build: no limit hit
        checking.add("again", _job())
        (_key, again), *_ = checking.results()
        assert again.counts["long-sentence"] == 0  # type: ignore[attr-defined]
        worker = checking._worker
        assert worker is not None
        os.kill(worker._process.pid, signal.SIGKILL)  # done here, set up here
        monkeypatch.setattr(background, "_WAIT", 5.0)
        checking.add("here", _job())
        assert checking.results() == [("here", again)]
    finally:
        checking.close()
