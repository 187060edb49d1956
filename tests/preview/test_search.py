"""The search index of a dirty rebuild: what a clean build would index, page by page."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config import load_config
from tiered.preview.search import INDEX, KeptIndex

from tests.test_serve_library import CITING, EDITED, NEW_TEXT, _write_site

Entry = tuple[tuple[str, str], ...]


def _entries(site: Path) -> Counter[Entry]:
    docs = json.loads((site / INDEX).read_text(encoding="utf-8"))["docs"]
    return Counter(tuple(sorted((key, str(value)) for key, value in doc.items())) for doc in docs)


def _pages(entries: Counter[Entry]) -> set[str]:
    return {dict(entry)["location"].partition("#")[0] for entry in entries}


@contextmanager
def _dirty_session(root: Path, site: Path) -> Iterator[Any]:
    """The builds of one ``mkdocs serve --dirty`` in this process; yields a build step."""

    def rebuild() -> None:
        build(load_config(str(root / "mkdocs.yml"), site_dir=str(site)), dirty=True)

    load_config(str(root / "mkdocs.yml"), site_dir=str(site)).plugins.on_startup(
        command="serve", dirty=True
    )
    try:
        yield rebuild
    finally:
        # Plugin objects outlive a build in this process (MkDocs caches them): clean again.
        load_config(str(root / "mkdocs.yml")).plugins.on_startup(command="build", dirty=False)


def _clean_build(root: Path, site: Path) -> Counter[Entry]:
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    return _entries(site)


def test_a_dirty_rebuild_indexes_what_a_clean_build_indexes(tmp_path: Path) -> None:
    # Material's search plugin (the site's theme) merges the last index itself, and kept
    # the old entries of a generated page rendered again beside its new ones.
    project, copy = tmp_path / "project", tmp_path / "copy"
    _write_site(project)
    site = project / "site"
    with _dirty_session(project, site) as rebuild:
        rebuild()
        page = project / "docs" / f"{EDITED}.md"
        page.write_text(page.read_text(encoding="utf-8") + f"\n{NEW_TEXT}\n", encoding="utf-8")
        rebuild()
        after_save = _entries(site)
        shutil.copytree(project, copy, ignore=shutil.ignore_patterns("site"))
        (project / "docs" / f"{CITING}.md").unlink()
        rebuild()
        after_delete = _entries(site)
    assert any("Servedmarker one." in dict(entry)["text"] for entry in after_save)
    # Each entry once, as the clean build of the same pages has it.
    assert after_save == _clean_build(copy, copy / "site")
    # A deleted page's entries go, every other page keeps some.
    assert _pages(after_delete) == _pages(after_save) - {f"{CITING}/"}


def test_the_kept_index_replaces_a_rendered_pages_entries_and_drops_a_gone_page(
    tmp_path: Path,
) -> None:
    index = tmp_path / INDEX
    index.parent.mkdir()
    config = {"lang": ["en"], "separator": "[\\s\\-]+"}

    def write(docs: list[dict[str, str]]) -> None:
        index.write_text(json.dumps({"config": config, "docs": docs}), encoding="utf-8")

    def read() -> dict[str, Any]:
        return dict(json.loads(index.read_text(encoding="utf-8")))

    kept = KeptIndex()
    write(
        [
            {"location": "", "title": "Home", "text": "Welcome"},
            {"location": "a/", "title": "A", "text": "Old A"},
            {"location": "a/#part", "title": "Part", "text": "Old part"},
            {"location": "b/", "title": "B", "text": "B text"},
            {"location": "c/", "title": "C", "text": "C text"},
        ]
    )
    assert kept.merge(tmp_path, {"", "a/", "b/", "c/"}, {"", "a/", "b/", "c/"})
    # A rebuild renders a/ (one section fewer) and b/ (no entries now: excluded from
    # search); c/ is gone. The file holds what was rendered, and a stale entry of a page
    # not rendered, which the kept entries of that page win over.
    write(
        [
            {"location": "a/", "title": "A", "text": "New A"},
            {"location": "#stale", "title": "Stale", "text": "Not rendered now"},
        ]
    )
    assert kept.merge(tmp_path, {"a/", "b/"}, {"", "a/", "b/"})
    data = read()
    assert data["config"] == config
    assert sorted(d["text"] for d in data["docs"]) == ["New A", "Welcome"]
    assert len(kept) == 2
    # A prebuilt index (MkDocs' search plugin, prebuild_index) is not merged.
    index.write_text(json.dumps({"config": config, "docs": [], "index": {}}), encoding="utf-8")
    assert not kept.merge(tmp_path, {"a/"}, {"", "a/"})
