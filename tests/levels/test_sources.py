"""Sources kept across dirty rebuilds: read again only when saved, only what the model reads."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.structure.files import File
from tiered.levels.model import DEFAULT_TIERS, SourceDoc, collect, read_part
from tiered.levels.sources import KeptSources

from tests.library_site import library

TRICKY = {
    # The title comes from the landing page's first heading.
    "topics/untitled/index.md": "---\nsummary: No title here.\n---\n\nIntro.\n\n# Untitled topic\n",
    "topics/untitled/fundamentals.md": "---\ntier: fundamentals\ncolour: red\n---\n\n# F\n",
    "topics/untitled/intermediate.md": "---\ntier: [intermediate\n---\n\n# Bad YAML\n",
    "topics/untitled/academic.md": "---\ntier: academic\n\n# The block never closes\n",
    "topics/untitled/notes/extra.md": "---\ntier: academic\n---\n\nNot in a topic folder.\n",
    "topics/plain.md": "# A page beside the topics\n",
}


def test_the_model_reads_nothing_that_read_part_drops() -> None:
    docs = [SourceDoc(uri, f"docs/{uri}", text) for uri, text in {**library(6), **TRICKY}.items()]
    fields = {"title", "summary", "category", "tier", "reviewed"}
    whole = collect(docs, DEFAULT_TIERS, "topics", fields)
    parts = [read_part(doc) for doc in docs]
    assert collect(parts, DEFAULT_TIERS, "topics", fields) == whole
    assert whole.topics["untitled"].title == "Untitled topic"
    assert len(whole.diagnostics) >= 3  # the unknown field, the bad YAML, the unclosed block
    kept = {doc.src_uri: doc.text for doc in parts}
    assert kept["topics/untitled/index.md"] == TRICKY["topics/untitled/index.md"]
    assert kept["topics/untitled/fundamentals.md"] == "---\ntier: fundamentals\ncolour: red\n---\n"
    assert kept["topics/untitled/academic.md"] == ""


def _file(docs: Path, uri: str) -> File:
    return File(uri, str(docs), str(docs.parent / "site"), use_directory_urls=True)


def test_a_source_is_read_again_only_once_saved_and_only_in_a_dirty_serve(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    page = docs / "topics" / "bones" / "fundamentals.md"
    page.parent.mkdir(parents=True)
    page.write_text("---\ntier: fundamentals\n---\n\nThe article.\n", encoding="utf-8")
    sources = KeptSources()
    sources.set_dirty(True)
    first = sources.read(_file(docs, "topics/bones/fundamentals.md"), "docs/f.md")
    sources.done()
    assert first.text == "---\ntier: fundamentals\n---\n"
    # Another text of the same size, saved at the same time: not read again.
    stat = page.stat()
    page.write_text("---\ntier: intermediate\n---\n\nThe article.\n", encoding="utf-8")
    os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    again = sources.read(_file(docs, "topics/bones/fundamentals.md"), "docs/f.md")
    sources.done()
    assert again.text == first.text
    # Saved later: read again.
    os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    saved = sources.read(_file(docs, "topics/bones/fundamentals.md"), "docs/f.md")
    sources.done()
    assert saved.text == "---\ntier: intermediate\n---\n"
    # A clean build reads every file whole, every time.
    sources.set_dirty(False)
    page.write_text("---\ntier: academic\n---\n\nThe article.\n", encoding="utf-8")
    os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    clean = sources.read(_file(docs, "topics/bones/fundamentals.md"), "docs/f.md")
    assert clean.text == "---\ntier: academic\n---\n\nThe article.\n"
