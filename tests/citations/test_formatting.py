"""Entries formatted in a worker process match those formatted in-process."""

from __future__ import annotations

import uuid
from typing import Any

from tiered.citations import formatting
from tiered.citations.markup import ascii_html
from tiered.citations.styles import format_entry


def _entries(n: int) -> dict[str, dict[str, Any]]:
    run = uuid.uuid4().hex[:8]  # fresh entries: nothing cached by an earlier test
    return {
        f"k{i}": {
            "id": f"k{i}",
            "type": "article-journal",
            "author": [{"family": f"Author{i}", "given": "A."}],
            "title": f"Study {i} of run {run}",
            "container-title": "J Bone",
            "issued": {"date-parts": [[2000 + i % 20]]},
            "page": "1-10",
        }
        for i in range(n)
    }


def test_worker_formats_what_the_main_process_would() -> None:
    entries = _entries(formatting.WORKER_THRESHOLD + 20)
    formatter = formatting.EntryFormatter(entries, "ama", {"k3": "a"})
    try:
        assert formatter.worker is not None
        formatter.wait(timeout=60)
        assert set(formatter.delivered) == set(entries)  # all from the worker
        got = {key: formatter(key) for key in entries}
        assert not formatter.delivered  # each entry held once, as it goes in pages
    finally:
        formatter.close()
    assert got["k0"] == format_entry(entries["k0"], "ama")
    assert got["k219"] == format_entry(entries["k219"], "ama")
    # Year suffixes go on after formatting.
    assert got["k3"] == format_entry(entries["k3"], "ama", "a")
    # A rebuild in the same process (mkdocs serve) formats nothing again: no worker.
    again = formatting.EntryFormatter(entries, "ama")
    assert again.worker is None
    assert again("k5") == got["k5"]


def test_few_entries_are_formatted_in_process() -> None:
    entries = _entries(3)
    formatter = formatting.EntryFormatter(entries, "vancouver")
    assert formatter.worker is None
    # As it goes in a page: non-ASCII as character references.
    assert formatter("k1") == ascii_html(format_entry(entries["k1"], "vancouver"))
    assert formatter("k1").endswith("2001;1&#8211;10.")


def test_the_main_process_never_waits_for_the_worker() -> None:
    entries = _entries(formatting.WORKER_THRESHOLD)
    formatter = formatting.EntryFormatter(entries, "ama")
    formatter.close()  # killed before it delivered anything
    assert formatter.worker is None
    assert formatter("k7") == format_entry(entries["k7"], "ama")
