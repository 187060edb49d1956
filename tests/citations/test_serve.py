"""``mkdocs serve`` rebuilds when a .bib file changes, though bib/ is outside docs/."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import yaml


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _fetch(url: str) -> str:
    # No proxy: the preview server is on this machine's loopback address.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(url, timeout=5) as response:
        return str(response.read().decode("utf-8"))


def _wait_for(url: str, text: str, seconds: float) -> str:
    deadline = time.monotonic() + seconds
    page = ""
    while time.monotonic() < deadline:
        try:
            page = _fetch(url)
        except OSError:
            page = ""
        if text in page:
            return page
        time.sleep(0.3)
    raise AssertionError(f"{text!r} did not appear at {url} within {seconds} s")


def test_editing_a_bib_file_rebuilds_the_preview(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "bib").mkdir()
    (tmp_path / "docs/index.md").write_text("# Home\n\nBones [@k].\n", encoding="utf-8")
    entry = "@article{{k, author={{Perez, Ana}}, title={{{}}}, journal={{J}}, year={{2020}}}}\n"
    bib = tmp_path / "bib/refs.bib"
    bib.write_text(entry.format("Old title"), encoding="utf-8")
    settings = {"site_name": "T", "plugins": ["tiered/citations"]}
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(settings), encoding="utf-8")
    port = _free_port()
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "mkdocs"), "serve", "-a", f"127.0.0.1:{port}"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        url = f"http://127.0.0.1:{port}/"
        _wait_for(url, "Perez A. Old title.", 60)
        bib.write_text(entry.format("New title"), encoding="utf-8")
        _wait_for(url, "Perez A. New title.", 60)
    finally:
        server.terminate()
        server.wait(timeout=30)
