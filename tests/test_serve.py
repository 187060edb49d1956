"""``mkdocs serve`` (what ``make serve`` runs) previews the site with live reload."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.conftest import REPO

PAGE = "topics/aromatase-inhibitors-and-bone/fundamentals/"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _fetch(url: str, deadline: float) -> str:
    while True:
        try:
            # No proxy: the preview server is on this machine's loopback address.
            opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
            with opener.open(url, timeout=5) as response:
                return str(response.read().decode("utf-8"))
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def test_serve_renders_tier_pages_with_live_reload() -> None:
    port = _free_port()
    mkdocs = Path(sys.executable).parent / "mkdocs"
    server = subprocess.Popen(
        [str(mkdocs), "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=REPO,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        html = _fetch(f"http://127.0.0.1:{port}/{PAGE}", time.monotonic() + 60)
    finally:
        server.terminate()
        _out, errors = server.communicate(timeout=30)
    assert 'aria-label="Reading level"' in html
    assert "livereload" in html
    assert "WARNING -" not in errors
