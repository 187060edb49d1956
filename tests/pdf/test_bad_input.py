"""Bad input: missing and remote images, empty topics and tiers, a document that fails."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest
from tiered.cli import main
from tiered.pdf.render import Job, render

from tests.conftest import page
from tests.pdf.pdftools import pdftotext
from tests.pdf.sites import build

PICTURES = """# Pictures

![A missing chart](missing.png)

![A remote photo](https://example.com/photo.png)

<img alt="Another remote one" src="http://127.0.0.1:9/x.png">

Text stays.
"""


def _docs() -> dict[str, str]:
    return {
        "index.md": "# Home\n",
        "glossary.yml": "terms:\n  - term: bone\n    short: Hard tissue.\n",
        "topics/pics/index.md": page("title: Pics\n", "# Pictures\n\nAbout.\n"),
        "topics/pics/fundamentals.md": page("tier: fundamentals\n", PICTURES),
        "topics/empty/index.md": page("title: Empty\n", "# Empty\n\nAbout.\n"),
        "topics/empty/fundamentals.md": page("tier: fundamentals\n", "# Nothing yet\n"),
        "topics/empty/intermediate.md": page("tier: intermediate\n", "# Nothing yet\n"),
    }


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Record (and refuse) every attempt to open a network connection.

    The fixture sites render in this process (one worker), so this sees every fetch."""
    attempts: list[Any] = []

    def refuse(self: socket.socket, address: Any) -> None:
        attempts.append(address)
        raise OSError("network use in a test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)

    def resolve(*args: Any, **kwargs: Any) -> list[Any]:
        attempts.append(args)
        raise OSError("name lookup in a test")

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    return attempts


def test_bad_pages_warn_and_the_rest_is_written(tmp_path: Path, no_network: list[Any]) -> None:
    result = build(tmp_path, _docs())
    pdf = [w.removeprefix("tiered: ") for w in result.warnings if "PDF" in w or "image" in w]
    assert pdf == [
        "topics/pics/fundamentals/index.html: image 'missing.png' not found in the site; "
        "the PDF shows its description",
        "topics/pics/fundamentals/index.html: remote image 'https://example.com/photo.png' is "
        "not embedded (the PDF export fetches nothing); the PDF shows its description",
        "topics/pics/fundamentals/index.html: remote image 'http://127.0.0.1:9/x.png' is not "
        "embedded (the PDF export fetches nothing); the PDF shows its description",
        "topics/empty: topic 'empty' is empty: no PDF for it",
        "tier 'intermediate' has no pages with content: no PDF for it",
    ]
    written = sorted(
        p.relative_to(result.site / "pdf").as_posix() for p in result.site.rglob("*.pdf")
    )
    assert written == ["library.pdf", "tiers/fundamentals.pdf", "topics/pics.pdf"]
    text = pdftotext(result.site / "pdf/topics/pics.pdf")
    assert "[Image: A missing chart]" in text
    assert "[Image: A remote photo]" in text
    assert "Text stays." in text
    assert no_network == []


def test_fetcher_refuses_the_network_and_files_outside_the_site(
    tmp_path: Path, no_network: list[Any]
) -> None:
    """Straight print HTML, past the page cleaning: the fetcher is the last guard."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "ok.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>', encoding="utf-8"
    )
    (tmp_path / "secret.svg").write_text("<svg/>", encoding="utf-8")
    html = (
        '<html lang="en"><head><title>T</title>'
        '<link rel="stylesheet" href="https://example.com/x.css">'
        "<style>p { background: url(http://127.0.0.1:9/bg.png) }</style></head><body>"
        '<p>Text</p><img alt="a" src="https://example.com/a.png">'
        f'<img alt="b" src="{(tmp_path / "secret.svg").as_uri()}">'
        '<img alt="c" src="ok.svg"><img alt="d" src="data:image/svg+xml,%3Csvg/%3E">'
        "</body></html>"
    )
    result = render(Job("t.pdf", html, str(site), str(site / "pdf/t.pdf")))
    assert result.ok, result.error
    assert sorted(result.refused) == sorted(
        [
            "https://example.com/x.css",
            "http://127.0.0.1:9/bg.png",
            "https://example.com/a.png",
            (tmp_path / "secret.svg").as_uri(),
        ]
    )
    assert no_network == []
    assert (site / "pdf/t.pdf").is_file()


def test_a_failing_document_is_named_and_the_others_are_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = build(tmp_path, _docs(), pdf={"enabled": False})
    # A folder where the topic's PDF should go: that one document cannot be written.
    (result.site / "pdf/topics/pics.pdf").mkdir(parents=True)
    status = main(["pdf", "-f", str(tmp_path / "mkdocs.yml"), "--workers", "1"])
    err = capsys.readouterr().err
    assert status == 1
    assert "error: topics/pics.pdf: could not be written: IsADirectoryError" in err
    assert "] 3/3 " in err  # the progress line of the last document
    assert "2 PDFs written to" in err
    assert (result.site / "pdf/library.pdf").is_file()
    assert (result.site / "pdf/tiers/fundamentals.pdf").is_file()
    assert not list((result.site / "pdf").rglob("*.tmp"))


def test_command_writes_one_topic_or_one_tier(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = build(tmp_path, _docs(), pdf={"enabled": False})
    assert not (result.site / "pdf").exists()
    config = str(tmp_path / "mkdocs.yml")
    assert main(["pdf", "-f", config, "--topic", "pics"]) == 0
    assert sorted(p.name for p in result.site.rglob("*.pdf")) == ["pics.pdf"]
    assert main(["pdf", "-f", config, "--tier", "fundamentals", "--workers", "1"]) == 0
    assert (result.site / "pdf/tiers/fundamentals.pdf").is_file()
    assert main(["pdf", "-f", config, "--topic", "nope"]) == 1
    assert "error: no topic 'nope'" in capsys.readouterr().err
    assert main(["pdf", "-f", str(tmp_path / "none.yml")]) == 2
    assert main(["pdf", "--site-dir", str(tmp_path / "nowhere")]) == 2


def test_parallel_workers_write_the_same_documents(tmp_path: Path) -> None:
    result = build(tmp_path, _docs(), pdf={"workers": 2})
    assert sorted(p.name for p in result.site.rglob("*.pdf")) == [
        "fundamentals.pdf",
        "library.pdf",
        "pics.pdf",
    ]
