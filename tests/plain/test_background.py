"""Pages checked in the worker process: the same warnings, figures and pages as here."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config.defaults import MkDocsConfig
from tiered.common import background
from tiered.common.worker import LineWorker
from tiered.plain.plugin import PlainPlugin

from tests.conftest import SiteFactory, page
from tests.library_site import levels_options, library
from tests.plain.test_build import GLOSSARY
from tests.readability.test_background import site_pages

_BONES = (
    "# Bones\n\nYour scan shows osteopenia. It was unremarkable otherwise.\n\n"
    "Aromatase helps make estrogen. About 11% of women break a bone, 2.5 times more.\n\n"
    "The scan was done by a nurse. <!-- plain: accept the nurse's own words -->\n"
)


def _collect_jargon(config: MkDocsConfig) -> None:
    plugin = config.plugins["tiered/plain"]
    assert isinstance(plugin, PlainPlugin)
    plugin.collect_jargon()


def test_a_library_checked_in_the_worker_is_the_library_checked_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = library(6) | {"glossary.yml": GLOSSARY}
    docs |= {
        "topics/bones/index.md": page("title: Bones\n", "# Bones\n\nAbout.\n"),
        "topics/bones/fundamentals.md": page(
            "tier: fundamentals\nsummary: S.\nreviewed: 2020-01-01\n"
            "plain: {allow: [estrogen], reason: our readers know it}\n",
            _BONES,
        ),
        "topics/bones/academic.md": page("tier: academic\nsummary: S.\n", "# Bones\n\n3 in 10.\n"),
    }
    options = {
        "levels": levels_options(),
        "glossary": {},
        "readability": {},
        "plain": {"review_interval": 12},
    }
    here = SiteFactory(tmp_path / "here").build(docs, prepare=_collect_jargon, **options)
    monkeypatch.setattr(background, "BACKGROUND_PAGES", 1)
    monkeypatch.setattr(background, "cores", lambda: 2)
    started: list[str] = []

    class Counted(LineWorker):
        def __init__(self, module: str) -> None:
            started.append(module)
            super().__init__(module)

    monkeypatch.setattr(background, "LineWorker", Counted)
    worker = SiteFactory(tmp_path / "worker").build(docs, prepare=_collect_jargon, **options)
    assert started == ["tiered.common.pageworker"]  # one worker for both plugins
    assert sorted(worker.warnings) == sorted(here.warnings)
    said = "\n".join(here.warnings)
    for expected in (
        "glossary term 'osteopenia'",
        "review was due",
        "2.5",
        '"11%"',
        "unremarkable",
    ):
        assert expected in said
    pages = site_pages(here)
    bones = pages["topics/bones/fundamentals/index.html"]
    assert "medical term" in bones  # the reading line's note, from tiered/plain
    assert site_pages(worker) == pages

    def suggested(result: object) -> list[object]:
        plugin = result.config.plugins["tiered/plain"]  # type: ignore[attr-defined]
        assert isinstance(plugin, PlainPlugin)
        return list(plugin.jargon_candidates())

    assert suggested(worker) == suggested(here) != []
