"""A real ``mkdocs serve`` for tests: start it, poll a page until it shows a text."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def free_port() -> int:
    """A TCP port nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str:
    """The page at ``url``, without a proxy (the preview server is on loopback)."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(url, timeout=5) as response:
        return str(response.read().decode("utf-8"))


def wait_for(url: str, text: str, seconds: float) -> str:
    """Poll ``url`` until its page holds ``text`` (no fixed sleep); fail after ``seconds``."""
    deadline = time.monotonic() + seconds
    page = ""
    while time.monotonic() < deadline:
        try:
            page = fetch(url)
        except OSError:
            page = ""
        if text in page:
            return page
        time.sleep(0.3)
    raise AssertionError(f"{text!r} did not appear at {url} within {seconds} s")


@contextmanager
def serving(project: Path, *options: str) -> Iterator[str]:
    """``mkdocs serve`` in ``project`` (its mkdocs.yml) for the block; yields the site URL.

    ``options`` go on its command line (``--dirty``: what ``make serve`` runs).
    """
    port = free_port()
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "mkdocs"),
            "serve",
            "-a",
            f"127.0.0.1:{port}",
            *options,
        ],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        server.wait(timeout=30)
