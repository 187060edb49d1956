"""``mkdocs serve`` rebuilds when the glossary file changes, even outside docs/."""

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


def test_editing_the_glossary_rebuilds_the_preview(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/index.md").write_text("# Home\n\nEstrogen matters.\n", encoding="utf-8")
    glossary = tmp_path / "terms.yml"
    glossary.write_text("terms:\n  - term: estrogen\n    short: Old wording.\n", encoding="utf-8")
    settings = {"site_name": "T", "plugins": [{"tiered/glossary": {"file": "terms.yml"}}]}
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
        _wait_for(url, 'title="Old wording."', 60)
        glossary.write_text("terms:\n  - term: estrogen\n    short: New wording.\n", "utf-8")
        _wait_for(url, 'title="New wording."', 60)
    finally:
        server.terminate()
        server.wait(timeout=30)
