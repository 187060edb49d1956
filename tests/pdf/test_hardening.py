"""Nothing outside the site folder, nothing left behind, no traceback: real builds and runs."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from tiered.cli import main
from tiered.pdf.export import Options, export
from tiered.pdf.render import Job, render

from tests.conftest import page
from tests.pdf.pdftools import pdftotext
from tests.pdf.sites import build
from tests.pdf.test_bad_input import _docs

# A file outside the site, with a word that shows whether a PDF embedded it.
SECRET = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40">'
    '<text x="5" y="30" font-family="DejaVu Sans" font-size="20">Secretword</text></svg>\n'
)


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("../out", "'../out' leads outside the site folder; give a path inside it such as 'pdf'"),
        ("a/../../out", "'a/../../out' leads outside the site folder; give a path inside it"),
        ("/tmp/out", "'/tmp/out' is absolute; give a path relative to the site folder"),
    ],
)
def test_output_dir_outside_the_site_is_a_config_error(
    tmp_path: Path, value: str, problem: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/index.md").write_text("# Home\n", encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        f"site_name: T\nplugins:\n  - tiered/pdf:\n      output_dir: '{value}'\n", encoding="utf-8"
    )
    message = f"Config value 'plugins': Plugin 'tiered/pdf' option 'output_dir': {problem}"
    if not message.endswith("'pdf'"):
        message += " such as 'pdf'"
    records: list[str] = []
    handler = logging.Handler(logging.ERROR)
    handler.emit = lambda record: records.append(record.getMessage())  # type: ignore[method-assign]
    logging.getLogger("mkdocs").addHandler(handler)
    try:
        with pytest.raises(Abort):
            load_config(config_file=str(config))
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
    assert records == [message]
    # `tiered pdf` reads the same config, through the same check.
    assert main(["pdf", "-f", str(config)]) == 2
    assert capsys.readouterr().err == f"{config}: error: {message}\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs", "mkdocs.yml"]


def test_export_refuses_an_output_folder_outside_the_site(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The last guard, for callers past the config check and for a symlink out of the site."""
    result = build(tmp_path, _docs(), pdf={"enabled": False})
    report = export(result.site, Options(site_name="T", output_dir="../out", workers=1))
    assert report.errors == [
        f"output folder '../out' leads outside the site folder {result.site}: "
        "give a folder inside it, such as 'pdf'"
    ]
    assert report.written == []
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (result.site / "pdf").symlink_to(elsewhere)
    assert main(["pdf", "-f", str(tmp_path / "mkdocs.yml"), "--workers", "1"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(
        f"error: output folder 'pdf' leads outside the site folder {result.site}: "
        "give a folder inside it, such as 'pdf'\n"
    )
    assert "Traceback" not in err
    assert list(elsewhere.iterdir()) == []
    assert not (tmp_path / "out").exists()


def _outside_docs(secret: Path) -> dict[str, str]:
    body = (
        "# Outside\n\nA figure drawn from a file that is not the site's:\n\n"
        '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40">'
        f'<image href="file://localhost{secret}" width="200" height="40"/></svg>\n\n'
        "![Linked figure](linked.svg)\n\nText stays.\n"
    )
    return {
        "index.md": "# Home\n",
        "glossary.yml": "terms:\n  - term: bone\n    short: Hard tissue.\n",
        "topics/x/index.md": page("title: X\n", "# X\n\nAbout.\n"),
        "topics/x/fundamentals.md": page("tier: fundamentals\n", body),
    }


def test_run_inside_the_site_embeds_nothing_from_outside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "secret.svg"
    secret.write_text(SECRET, encoding="utf-8")
    result = build(tmp_path, _outside_docs(secret), pdf={"enabled": False})
    # A symlink inside the site that leads out of it is outside too.
    (result.site / "topics/x/fundamentals/linked.svg").symlink_to(secret)
    # From inside the site: `file://localhost/...` must not be read against this folder.
    (result.site / "localhost" / secret.relative_to("/")).parent.mkdir(parents=True)
    monkeypatch.chdir(result.site)
    assert main(["pdf", "-f", "../mkdocs.yml", "--workers", "1", "--topic", "x"]) == 0
    err = capsys.readouterr().err
    page_path = "topics/x/fundamentals/index.html"
    assert [line for line in err.splitlines() if line.startswith("warning:")] == [
        f"warning: {page_path}: <image> source 'file://localhost{secret}' is outside the site "
        "folder; it is left out of the PDF",
        f"warning: {page_path}: image 'linked.svg' is outside the site folder; "
        "the PDF shows its description",
    ]
    text = pdftotext(result.site / "pdf/topics/x.pdf")
    assert "Text stays." in text
    assert "[Image: Linked figure]" in text
    assert "Secretword" not in text


def test_fetcher_resolves_file_urls_against_the_site_not_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Print HTML straight to the fetcher, run from inside the site folder."""
    site = tmp_path / "site"
    site.mkdir()
    secret = tmp_path / "secret.svg"
    secret.write_text(SECRET, encoding="utf-8")
    (site / "localhost" / secret.relative_to("/")).parent.mkdir(parents=True)
    (site / "inside.svg").write_text(SECRET.replace("Secretword", "Insideword"), "utf-8")
    (site / "linked.svg").symlink_to(secret)
    monkeypatch.chdir(site)
    urls = [f"file://localhost{secret}", (site / "linked.svg").as_uri(), "file://other/x.svg"]
    images = "".join(f'<img alt="" src="{url}">' for url in urls)
    html = (
        '<html lang="en"><head><title>T</title></head><body>'
        f'{images}<img alt="" src="file://localhost{site}/inside.svg"></body></html>'
    )
    result = render(Job("t.pdf", html, str(site), str(site / "t.pdf")))
    assert result.ok, result.error
    assert result.refused == urls
    text = pdftotext(site / "t.pdf")
    assert "Insideword" in text
    assert "Secretword" not in text


def test_stale_temporaries_are_removed_and_nothing_else(tmp_path: Path) -> None:
    result = build(tmp_path, _docs(), pdf={"enabled": False})
    pdf = result.site / "pdf"
    stale = [
        "topics/.pics.pdf.4242.tmp",
        ".library.pdf.4242.tmp",
        ".library.pdf.part2.tmp",
        ".library.pdf.numbers.tmp",
        "..library.pdf.part1.tmp.4242.tmp",
    ]
    kept = ["topics/.pics.pdf.tmp", ".notes.tmp", "notes.pdf.1.tmp", ".x.pdf.later.tmp", "a.pdf"]
    for name in stale + kept:
        (pdf / name).parent.mkdir(parents=True, exist_ok=True)
        (pdf / name).write_bytes(b"left over")
    assert main(["pdf", "-f", str(tmp_path / "mkdocs.yml"), "--workers", "1"]) == 0
    found = sorted(p.relative_to(pdf).as_posix() for p in pdf.rglob("*") if p.is_file())
    assert found == sorted([*kept, "library.pdf", "tiers/fundamentals.pdf", "topics/pics.pdf"])
    assert (pdf / "a.pdf").read_bytes() == b"left over"
    assert pdftotext(pdf / "topics/pics.pdf").count("Text stays.") == 1


def test_a_terminated_run_leaves_no_temporary_file(tmp_path: Path) -> None:
    result = build(tmp_path, _docs(), pdf={"enabled": False})
    tiered = Path(sys.executable).parent / "tiered"
    with subprocess.Popen(
        [str(tiered), "pdf", "--workers", "1"],
        cwd=tmp_path,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    ) as run:
        assert run.stderr is not None
        first = run.stderr.readline()  # the first of three documents is written
        run.send_signal(signal.SIGTERM)  # while the second is being rendered
        start = time.monotonic()
        rest = run.stderr.read()
        status = run.wait(timeout=60)
    assert first.startswith("[########----------------] 1/3 library.pdf ("), first
    assert status == 128 + signal.SIGTERM
    assert time.monotonic() - start < 30
    assert "Traceback" not in rest
    left = sorted(p.name for p in (result.site / "pdf").rglob("*") if p.is_file())
    assert left == ["library.pdf"]


def test_careless_pages_are_named_and_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Not UTF-8, unreadable, a link out of the site, odd file names: a warning each."""
    result = build(tmp_path, _docs(), pdf={"enabled": False})
    topics = result.site / "topics"
    good = (topics / "pics/fundamentals/index.html").read_bytes()
    latin = good.replace(b"Text stays.", "Café stays.".encode("latin-1"))
    (topics / "latin/fundamentals").mkdir(parents=True)
    (topics / "latin/fundamentals/index.html").write_bytes(latin)
    (topics / "folder/fundamentals.html").mkdir(parents=True)  # a folder, named as a page
    (tmp_path / "elsewhere.html").write_bytes(good)
    (topics / "linked").mkdir()
    (topics / "linked/fundamentals.html").symlink_to(tmp_path / "elsewhere.html")
    # Names as bytes: a folder name that is not UTF-8 has no str of its own.
    for name in [os.fsencode(topics) + b"/bad\xff", os.fsencode(topics / "new\nline\u202e")]:
        folder = Path(os.fsdecode(name + b"/fundamentals"))
        folder.mkdir(parents=True)
        (folder / "index.html").write_bytes(good)
    assert main(["pdf", "-f", str(tmp_path / "mkdocs.yml"), "--workers", "1"]) == 0
    err = capsys.readouterr().err
    assert "Traceback" not in err
    warnings = [line for line in err.splitlines() if line.startswith("warning:")]
    byte = latin.index("é".encode("latin-1"))
    odd = "the file name is not UTF-8 or has a control character: no PDF includes it; rename it"
    assert [w for w in warnings if "image" not in w] == [
        f"warning: topics/bad\\xff/fundamentals/index.html: {odd}",
        "warning: topics/folder/fundamentals.html: cannot be read (Is a directory): "
        "no PDF includes it",
        f"warning: topics/latin/fundamentals/index.html: not UTF-8 (byte {byte}); "
        "the PDF shows \ufffd for what cannot be read",
        "warning: topics/linked/fundamentals.html: a link to a file outside the site: "
        "no PDF includes it",
        f"warning: topics/new\\nline\\u202e/fundamentals/index.html: {odd}",
        "warning: topics/empty: topic 'empty' is empty: no PDF for it",
        "warning: tier 'intermediate' has no pages with content: no PDF for it",
    ]
    pdfs = sorted(p.relative_to(result.site / "pdf").as_posix() for p in result.site.rglob("*.pdf"))
    assert pdfs == ["library.pdf", "tiers/fundamentals.pdf", "topics/latin.pdf", "topics/pics.pdf"]
    assert "Caf\ufffd stays." in pdftotext(result.site / "pdf/topics/latin.pdf")


def test_no_site_or_no_tier_pages_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["pdf", "--site-dir", str(tmp_path / "nowhere")]) == 2
    assert capsys.readouterr().err == (
        f"{tmp_path / 'nowhere'}: error: no built site here (run `make site` first)\n"
    )
    (tmp_path / "plain").mkdir()
    (tmp_path / "plain/index.html").write_text("<html><body>Hi</body></html>", "utf-8")
    assert main(["pdf", "--site-dir", str(tmp_path / "plain")]) == 1
    assert capsys.readouterr().err == (
        f"error: no tier pages in {tmp_path / 'plain/topics'}: build the site with "
        "tiered/levels first, or set topics_dir to the folder of the topics\n"
        f"0 PDFs written to {tmp_path / 'plain/pdf'}\n"
    )
    assert sorted(p.name for p in (tmp_path / "plain").iterdir()) == ["index.html"]


def test_a_file_where_a_pdf_folder_goes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = build(tmp_path, _docs(), pdf={"enabled": False})
    config = str(tmp_path / "mkdocs.yml")
    (result.site / "pdf").write_bytes(b"not a folder")
    assert main(["pdf", "-f", config, "--workers", "1"]) == 1
    err = capsys.readouterr().err
    assert err == (
        f"error: output folder 'pdf' is a file in {result.site}: remove it\n"
        f"0 PDFs written to {result.site / 'pdf'}\n"
    )
    (result.site / "pdf").unlink()
    (result.site / "pdf").mkdir()
    (result.site / "pdf/topics").write_bytes(b"not a folder")
    assert main(["pdf", "-f", config, "--workers", "1"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert (
        "error: topics/pics.pdf: could not be written: FileExistsError: [Errno 17] File exists: "
        f"'{result.site / 'pdf/topics'}'\n"
    ) in err
    assert sorted(p.name for p in (result.site / "pdf").iterdir()) == [
        "library.pdf",
        "tiers",
        "topics",
    ]
