"""Pages measured in the worker process: the same figures, warnings and pages as here."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from tiered.common import background

from tests.conftest import BuildResult, SiteFactory
from tests.library_site import levels_options, library

_BUILD_DATE = re.compile(r"Build Date UTC : [^\n]*")
HARD = (
    "Aromatase inhibitors substantially accelerate postmenopausal osteoclastogenesis, "
    "diminishing trabecular microarchitecture and cortical integrity considerably."
)


def site_pages(result: BuildResult) -> dict[str, str]:
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
    options: dict[str, Any] = {"levels": levels_options(), "readability": {}}
    here = SiteFactory(tmp_path / "here").build(docs, **options)
    monkeypatch.setattr(background, "BACKGROUND_PAGES", 1)
    monkeypatch.setattr(background, "cores", lambda: 2)
    worker = SiteFactory(tmp_path / "worker").build(docs, **options)
    assert worker.warnings == here.warnings
    assert sum("reads above" in w for w in here.warnings) >= 3
    pages = site_pages(here)
    assert pages["topics/arthritis-0000/fundamentals/index.html"].count("tiered-reading-level") == 1
    assert site_pages(worker) == pages
