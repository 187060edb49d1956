"""The background mechanism: work done in the worker process is the work done here."""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Iterator
from typing import Any

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
        assert background._SHARED.worker is not None  # it did run in the worker
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
    worker = background._SHARED.worker
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
    assert background._SHARED.worker is None


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
        worker = background._SHARED.worker
        assert worker is not None
        os.kill(worker._process.pid, signal.SIGKILL)  # done here, set up here
        monkeypatch.setattr(background, "_WAIT", 5.0)
        checking.add("here", _job())
        assert checking.results() == [("here", again)]
    finally:
        checking.close()


def test_a_page_s_jargon_comes_back_only_when_the_job_asks() -> None:
    # tiered glossary suggest asks (PlainPlugin.collect_jargon); a plain build holds none.
    text = "Your scan shows osteopenia. Osteopenia can get worse."
    page, source = f"<p>{text}</p>", f"---\ntier: fundamentals\n---\n{text}\n"
    here = CheckTask()
    here.setup(_setup(max_words=20))
    asked, unasked = (
        checked(here.run([Job("fundamentals", page, source, 29, (), True, jargon).data()])[0])
        for jargon in (True, False)
    )
    assert [(f.text, f.mentions) for f in asked.jargon] == [("osteopenia", 2)]
    assert list(unasked.jargon) == []
    assert unasked.counts == asked.counts  # the finding itself is still counted


def _checks(count: int) -> list[object]:
    here = CheckTask()
    here.setup(_setup(max_words=5))
    return [checked(row) for row in here.run([_job()] * count)]


@pytest.fixture
def both(in_background: None) -> Iterator[tuple[Background[Any, Any], Background[Any, Any]]]:
    """readability's measurer and plain's checker, started on a library; closed after."""
    measuring, checking = measurer(), checker()
    measuring.start(pages=8)
    checking.start(pages=8, setup=_setup(max_words=5))
    yield measuring, checking
    measuring.close()
    checking.close()


def test_two_tasks_share_one_worker_and_each_gets_its_own_answers(
    both: tuple[Background[Any, Any], Background[Any, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(background, "BATCH", 2)
    measuring, checking = both
    for index, html in enumerate(ARTICLES * 2):  # batches sent in turn
        checking.add(index, _job())
        measuring.add(index, html)
    worker = background._SHARED.worker
    assert worker is not None
    # One task's answers wait while the other's are taken.
    assert [m for _key, m in measuring.results()] == _expected() * 2
    checking.add(8, _job())
    assert [c for _key, c in checking.results()] == _checks(9)
    assert background._SHARED.worker is worker  # one process throughout
    measuring.close()
    assert background._SHARED.worker is worker  # still the checker's
    checking.start(pages=8, setup=_setup(max_words=5))
    checking.add("next", _job())
    assert checking.results() == [("next", _checks(1)[0])]
    checking.close()
    assert background._SHARED.worker is None  # the last one out stops it


def test_a_shared_worker_that_dies_leaves_each_task_s_pages_done_here(
    both: tuple[Background[Any, Any], Background[Any, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(background, "BATCH", 1)
    measuring, checking = both
    measuring.add(0, ARTICLES[0])
    checking.add(0, _job())
    measured = measuring.done()  # answered by now, or not: either way
    worker = background._SHARED.worker
    assert worker is not None
    os.kill(worker._process.pid, signal.SIGKILL)
    for index, html in enumerate(ARTICLES[1:], start=1):
        measuring.add(index, html)
        checking.add(index, _job())
    measured += measuring.results()
    assert [c for _key, c in checking.results()] == _checks(len(ARTICLES))
    # Every page once, in order: the worker's answers before it died, the rest here.
    assert [key for key, _m in measured] == list(range(len(ARTICLES)))
    assert [m for _key, m in measured] == _expected()
    measuring.close()
    checking.close()
    assert background._SHARED.worker is None


def _long_page(number: int) -> str:
    """A page's HTML long enough to be sent once (background.LONG_TEXT)."""
    sentence = f"<p>Page {number}: we walk each day, and it is good for our bones.</p>"
    return sentence * (background.LONG_TEXT // len(sentence) + 1)


def test_a_long_text_sent_before_goes_as_a_reference_and_comes_back_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(background, "KEPT_TEXTS", 3)
    sent, received = background._SentTexts(), background._ReceivedTexts()
    pages = [_long_page(n) for n in range(5)]
    batches: list[list[Any]] = [
        [pages[0], ["tier", pages[1], "short"], pages[0]],  # the same object later in a batch
        [pages[1], "short", [pages[0], 7]],
        [pages[2], pages[3], pages[4]],  # page 1 is the oldest kept now; page 0 is not
        [[pages[2], pages[4]], pages[0]],
    ]
    wire_sizes = []
    for jobs in batches:
        copy = [list(job) if isinstance(job, list) else job for job in jobs]
        out, shared = sent.share(jobs)
        assert jobs == copy  # the caller's jobs are left as they were
        line = json.dumps([out, shared])
        wire_sizes.append(len(line))
        back, refs = json.loads(line)
        received.restore(back, refs)
        assert back == jobs
    size = len(pages[0])
    # Batch 1: pages 0 and 1 whole, page 0 once; batch 2: only references.
    assert 2 * size < wire_sizes[0] < 3 * size
    assert wire_sizes[1] < background.LONG_TEXT
    # Batch 4: pages 2 and 4 were kept (references), page 0 no longer (sent whole).
    assert size < wire_sizes[3] < 2 * size


@pytest.mark.usefixtures("in_background")
def test_two_tasks_given_the_same_page_have_it_sent_once(
    both: tuple[Background[Any, Any], Background[Any, Any]],
) -> None:
    measuring, checking = both
    pages = [_long_page(n) for n in range(20)]  # more than a batch
    for index, html in enumerate(pages):
        checking.add(index, Job("fundamentals", html, html, 0, (), True).data())
        measuring.add(index, html)
    checked_here = CheckTask()
    checked_here.setup(_setup(max_words=5))
    expected = [
        checked(row)
        for row in checked_here.run(
            [Job("fundamentals", html, html, 0, (), True).data() for html in pages]
        )
    ]
    assert [c for _key, c in checking.results()] == expected
    assert [m for _key, m in measuring.results()] == [
        measure(article_blocks(html)) for html in pages
    ]
    assert background._SHARED.worker is not None
    # Every page went to the worker: its text once, then as a reference.
    assert background._SHARED._texts._count == len(pages)
