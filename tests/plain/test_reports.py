"""The findings everywhere authors look: ``tiered check``, the report, the reading line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from tiered.cli import main

from tests.conftest import SiteFactory, page
from tests.plain.test_build import FUNDAMENTALS, _topic


def test_the_reading_line_names_the_medical_terms(site: SiteFactory) -> None:
    result = site.build(_topic(FUNDAMENTALS), readability={}, plain={})
    html = result.html("topics/bones/fundamentals/index.html")
    assert (
        '<p class="tiered-reading-level">Reading level: grade 9, 2 medical terms, 1 min read</p>'
    ) in html  # "osteopenia" and "unremarkable": the grade formula sees neither
    plain = result.html("topics/bones/intermediate/index.html")
    assert '<p class="tiered-reading-level">Reading level: grade 1, 1 min read</p>' in plain


def test_the_report_gains_a_plain_language_column(site: SiteFactory) -> None:
    result = site.build(_topic(FUNDAMENTALS), readability={}, plain={})
    report = result.html("about/reading-levels/index.html")
    assert '<th scope="col">Plain language</th>' in report
    assert (
        "<td>jargon 2; acronyms 0; numbers 1; long sentences 0; passive 0; long paragraphs 0; "
        "accepted 0; reviewed never</td></tr>"
    ) in report


def test_without_tiered_plain_the_report_is_unchanged(site: SiteFactory) -> None:
    result = site.build(_topic(FUNDAMENTALS), readability={})
    assert "Plain language" not in result.html("about/reading-levels/index.html")


@pytest.fixture
def plain_site(tmp_path: Path) -> Path:
    config = {
        "site_name": "Plain",
        "theme": {"name": "mkdocs"},
        "plugins": ["tiered/levels", "tiered/readability", "tiered/plain"],
    }
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    for name, text in _topic(FUNDAMENTALS).items():
        path = tmp_path / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def test_tiered_check_lists_the_findings(
    plain_site: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(plain_site)
    assert main(["check", "--format", "json", "--strict"]) == 1
    rows = json.loads(capsys.readouterr().out)
    mine = [r for r in rows if r["message"].startswith(("jargon", "number"))]
    assert len(rows) == len(mine) + 2  # and tiered/readability's two
    assert [(r["file"], r["line"], r["column"], r["message"][:22]) for r in mine] == [
        ("docs/topics/bones/fundamentals.md", 8, 17, 'jargon "osteopenia" is'),
        ("docs/topics/bones/fundamentals.md", 8, 36, 'jargon "unremarkable" '),
        ("docs/topics/bones/fundamentals.md", 10, 7, 'number "11%" is a bare'),
    ]


def test_tiered_report_shows_the_figures(
    plain_site: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(plain_site)
    assert main(["report"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[2].endswith(
        "(jargon 2; acronyms 0; numbers 1; long sentences 0; passive 0; long paragraphs 0; "
        "accepted 0; reviewed never)"
    )


def test_glossary_suggest_lists_the_jargon_plain_flags(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    config = {
        "site_name": "Plain",
        "theme": {"name": "mkdocs"},
        "plugins": ["tiered/levels", {"tiered/glossary": {"warn_unused": False}}, "tiered/plain"],
    }
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    hips = (
        "# Hips\n\nHips with osteopenia break.\n\nYour scan may show osteopenia.\n\n"
        "Osteopenia shows on scans. The scan was unremarkable.\n"
    )
    docs = {
        **_topic(FUNDAMENTALS),
        "topics/hips/fundamentals.md": page("tier: fundamentals\nsummary: S.\n", hips),
        "topics/hips/index.md": page("title: Hips\n", "# Hips\n\nAbout.\n"),
        # "unremarkable" has an entry: not suggested, though its link does not explain it
        "glossary.yml": "terms:\n  - term: unremarkable\n    short: Normal, with nothing wrong.\n",
    }
    for name, text in docs.items():
        path = tmp_path / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["glossary", "suggest"]) == 0
    out = capsys.readouterr()
    assert out.out == (
        "docs/topics/bones/fundamentals.md:8:17: suggestion: jargon 'osteopenia' is not in the "
        "glossary (tiered/plain finds it unexplained: 4 mentions on 2 pages)\n"
    )
    assert out.err == "1 suggestion\n"


def test_a_library_summary_carries_the_plain_counts(site: SiteFactory) -> None:
    result = site.build(_topic(FUNDAMENTALS), readability={"report_topics": 0}, plain={})
    report = result.html("about/reading-levels/index.html")
    assert (
        "<p>Each cell: FKGL / SMOG of the topic's page at that level, then the counts above "
        "zero of jargon, long sentences, passive, numbers; <strong>above</strong> links to a "
        "page that reads above its target.</p>\n"
        "<p>In all, on 3 tier pages:</p>\n"
        '<ul class="tiered-reading-totals"><li>jargon: 2 on 1 page</li><li>long sentences: 0 '
        "on 0 pages</li><li>passive: 0 on 0 pages</li><li>numbers: 1 on 1 page</li></ul>\n"
    ) in report
    assert "<small>jargon 2, numbers 1</small></td>" in report
    assert report.count("<small>") == 1  # the other pages have none


def test_without_tiered_plain_the_summary_is_unchanged(site: SiteFactory) -> None:
    result = site.build(_topic(FUNDAMENTALS), readability={"report_topics": 0})
    report = result.html("about/reading-levels/index.html")
    assert "<p>Each cell: FKGL / SMOG of the topic's page at that level; <strong>" in report
    assert "<small>" not in report
    assert "tiered-reading-totals" not in report
