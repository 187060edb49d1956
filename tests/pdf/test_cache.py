"""The incremental export: a content-keyed cache outside the site, real WeasyPrint PDFs."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort
from tiered.cli import main
from tiered.pdf.export import Options, Report, export

from tests.conftest import BuildResult, page
from tests.pdf.pdftools import page_count, pdftotext
from tests.pdf.sites import FUNDAMENTALS, PDF_NAMES, bones_docs, build

BUILT = dt.date(2026, 3, 5)
NAMES = PDF_NAMES
# Two workers: the library and the fundamentals tier (two topics) are rendered in parts.
# Jobs: 4 topic/tier documents in one piece, then per document in parts its 2 parts, the
# contents' draft, the contents with numbers and the page numbers.
JOBS = 4 + 2 * 5


@pytest.fixture(autouse=True)
def _stable_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1772668800")  # 5 March 2026: stable covers


@pytest.fixture
def built(tmp_path: Path) -> Iterator[BuildResult]:
    yield build(tmp_path, bones_docs(), {"workers": 2})


def _export(site: Path, cache: Path | None, output: str = "pdf") -> Report:
    options = Options("Test site", output_dir=output, workers=2, built=BUILT, cache_dir=cache)
    report = export(site, options)
    assert report.errors == []
    return report


def _texts(site: Path, output: str = "pdf") -> dict[str, str]:
    return {name: pdftotext(site / output / name) for name in NAMES}


def test_the_build_fills_a_cache_beside_mkdocs_yml(built: BuildResult) -> None:
    cache = built.site.parent / ".cache/tiered/pdf"
    entries = sorted(p.suffix for p in cache.iterdir())
    # And the two joined PDFs, kept by what they were joined from.
    assert entries == [".json"] * (JOBS + 2) + [".pdf"] * (JOBS + 2)
    assert (
        sorted(p.relative_to(built.site / "pdf").as_posix() for p in built.site.rglob("*.pdf"))
        == NAMES
    )
    assert not list(built.site.rglob("*.json"))


def test_a_second_export_renders_nothing_and_gives_the_same_pdfs(built: BuildResult) -> None:
    cache = built.site.parent / ".cache/tiered/pdf"
    before = {name: (built.site / "pdf" / name).read_bytes() for name in NAMES}
    report = _export(built.site, cache)
    assert (report.rendered, report.reused) == (0, JOBS)
    assert sorted(r.name for r in report.written) == NAMES
    topics = {name: (built.site / "pdf" / name).read_bytes() for name in NAMES}
    # Documents in one piece and joined ones (from their kept join) are the cached bytes.
    assert topics == before
    fresh = _export(built.site, None, "fresh")
    assert fresh.reused == 0
    assert _texts(built.site) == _texts(built.site, "fresh")


def test_an_edit_renders_only_its_parts_and_the_numbers_stay_right(
    built: BuildResult, caplog: pytest.LogCaptureFixture
) -> None:
    pages = page_count(built.site / "pdf/library.pdf")
    # Bones comes first: its fundamentals page grows by pages, every later number moves.
    # No new heading: the contents list the same entries, at other pages.
    longer = FUNDAMENTALS + "\n" + "Walking helps the bones. " * 900 + "\n"
    docs = bones_docs()
    docs["topics/bones/fundamentals.md"] = page("tier: fundamentals\n", longer)
    caplog.set_level(logging.INFO, logger="mkdocs.plugins.tiered.pdf.plugin")
    build(built.site.parent, docs, {"workers": 2})
    # The bones topic PDF; in the library and the tier: the bones part, the contents with
    # their new numbers, the page numbers (the drafts of the contents did not change).
    counts = [r.getMessage() for r in caplog.records if "reused from the cache" in r.getMessage()]
    assert counts == [
        f"tiered: PDF: {1 + 2 * 3} rendered, {JOBS - 1 - 2 * 3} reused from the cache"
    ]
    assert page_count(built.site / "pdf/library.pdf") > pages + 2
    _export(built.site, None, "fresh")
    texts = _texts(built.site)
    assert texts == _texts(built.site, "fresh")
    # The contents, with the numbers of the longer part (it was 3, 4, 5, 6, 6, 7 before).
    assert texts["library.pdf"].split("\f")[1] == (
        "Contents\nBones and hormones\n\n3\n\nFundamentals\n\n3\n\nIntermediate\n\n10\n\n"
        "Academic\n\n11\n\nJoint pain\n\n12\n\nFundamentals\n\n12\n\nGlossary\n\n13\n\n"
        "2 / 13\n\n"
    )


def test_a_damaged_entry_is_rendered_again_with_a_warning(built: BuildResult) -> None:
    cache = built.site.parent / ".cache/tiered/pdf"
    # The entry of a rendered PDF (the largest entries are the joined ones, not renders).
    bones = (built.site / "pdf/topics/bones.pdf").read_bytes()
    entry = next(p for p in cache.glob("*.pdf") if p.read_bytes() == bones)
    entry.write_bytes(entry.read_bytes()[:-10] + b"0123456789")  # same size, other bytes
    report = _export(built.site, cache)
    assert (report.rendered, report.reused) == (1, JOBS - 1)
    damaged = [w for w in report.warnings if "damaged" in w]
    assert len(damaged) == 1
    assert damaged[0].endswith(
        f"the cached PDF {entry} was damaged (size or hash wrong): removed, rendered again"
    )
    _export(built.site, None, "fresh")
    assert _texts(built.site) == _texts(built.site, "fresh")
    again = _export(built.site, cache)
    assert (again.rendered, again.reused, again.warnings) == (0, JOBS, [])


def test_entries_the_last_export_did_not_use_are_pruned(built: BuildResult) -> None:
    cache = built.site.parent / ".cache/tiered/pdf"
    stale = cache / ("0" * 64 + ".pdf")
    stale.write_bytes(b"old")
    leftover = cache / f".{'1' * 64}.pdf.4242.tmp"  # a killed run's
    leftover.write_bytes(b"half")
    mine = cache / "notes.txt"  # not the cache's: kept
    mine.write_text("mine", encoding="utf-8")
    _export(built.site, cache)
    assert not stale.exists()
    assert not leftover.exists()
    assert mine.read_text(encoding="utf-8") == "mine"
    assert len(list(cache.glob("*.pdf"))) == JOBS + 2  # and the two joined PDFs


@pytest.mark.parametrize(
    ("cache_dir", "what"),
    [
        ("site/cache", "site folder site"),
        ("docs/.cache", "docs folder docs"),
        ("bib", "bibliography folder bib"),
    ],
)
def test_a_cache_in_the_site_or_the_sources_is_refused(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, cache_dir: str, what: str
) -> None:
    with pytest.raises(Abort):
        build(tmp_path, bones_docs(), {"cache_dir": cache_dir})
    errors = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert errors == [
        f"tiered/pdf: option 'cache_dir' ({cache_dir}) is or holds the {what}: give a folder "
        "outside the site and the sources, such as .cache/tiered/pdf"
    ]
    assert not (tmp_path / "site" / "pdf").exists()


def test_tiered_pdf_says_what_it_rendered_and_no_cache_renders_all(
    built: BuildResult, capsys: pytest.CaptureFixture[str]
) -> None:
    config = str(built.site.parent / "mkdocs.yml")
    assert main(["pdf", "-f", config, "--workers", "2"]) == 0
    err = capsys.readouterr().err
    assert f"0 document(s) or part(s) rendered, {JOBS} reused from the cache\n" in err
    assert main(["pdf", "-f", config, "--workers", "2", "--no-cache"]) == 0
    err = capsys.readouterr().err
    assert f"{JOBS} document(s) or part(s) rendered, 0 reused from the cache\n" in err


def test_a_changed_figure_renders_the_pdfs_that_show_it(built: BuildResult) -> None:
    cache = built.site.parent / ".cache/tiered/pdf"
    figure = built.site / "topics/bones/cycle.svg"
    figure.write_text(figure.read_text(encoding="utf-8").replace("#cde", "#edc"), "utf-8")
    report = _export(built.site, cache)
    # The same HTML, another figure: the bones topic PDF, and the bones part of the
    # fundamentals tier and of the library.
    assert (report.rendered, report.reused) == (3, JOBS - 3)
