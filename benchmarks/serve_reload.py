"""Edit-to-served time of ``mkdocs serve`` on a generated library (issue 13, item 4).

For each size and mode (``--dirty``, what ``make serve`` runs, and a full rebuild, what
``make serve-full`` runs), starts a real ``mkdocs serve``, saves one tier page with a
new sentence, and polls until the page serves it and until the search index (written
last in a build) holds it. Prints one JSON line per measurement.

    .venv/bin/python -m benchmarks.serve_reload --topics 100,1000 --theme material

``--library N`` serves the issue's library of N topics instead
(:func:`benchmarks.library.write_library`, as ``benchmarks.library`` measures it) with
``--dirty``, saves ``--saves`` tier pages one after the other and prints each save's
seconds, the median and the fastest. With ``--baseline REF`` it serves a copy of the
same library a second time, with the plugins of git revision ``REF`` (``git archive``,
first on that server's ``PYTHONPATH``: the rest of the environment is shared), and
alternates the saves between the two servers (ABBA), the other one paused (SIGSTOP)
while one is measured, so that both see the same machine; it prints the median of the
paired ratios too.

    .venv/bin/python -m benchmarks.serve_reload --library 1000 --saves 8 --baseline main
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

import yaml

from benchmarks.library import _append_sentence, _wait_for, write_library
from benchmarks.pdf_speed import write_site
from tests.serve_support import fetch, free_port, wait_for

TIERS = ("fundamentals", "intermediate", "academic")


def _site(root: Path, topics: int, theme: str) -> Path:
    config = write_site(root, topics)
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    settings["theme"]["name"] = theme
    settings["plugins"][-1:-1] = ["tiered/readability", "tiered/preview"]
    config.write_text(yaml.safe_dump(settings), encoding="utf-8")
    return config


def _measure(root: Path, *, dirty: bool, edits: int) -> dict[str, object]:
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    command = [str(Path(sys.executable).parent / "mkdocs"), "serve", "-a", f"127.0.0.1:{port}"]
    start = time.monotonic()
    server = subprocess.Popen(
        [*command, *(["--dirty"] if dirty else [])],
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        wait_for(url, "synthetic library", 900)
        first = time.monotonic() - start
        page = root / "docs" / "topics" / "topic-005" / "fundamentals.md"
        served, built = [], []
        for n in range(edits):
            marker = f"Servedmarker{n}x{time.time_ns()}"
            with page.open("a", encoding="utf-8") as out:
                out.write(f"\n{marker} is a new sentence.\n")
            saved = time.monotonic()
            wait_for(f"{url}topics/topic-005/fundamentals/", marker, 900)
            served.append(time.monotonic() - saved)
            wait_for(f"{url}search/search_index.json", marker, 900)
            built.append(time.monotonic() - saved)
        fetch(url)  # still serving
    finally:
        server.terminate()
        server.wait(timeout=60)
    return {
        "first_build_s": round(first, 1),
        "served_s": round(statistics.median(served), 2),
        "built_s": round(statistics.median(built), 2),
        "served_all": [round(s, 2) for s in served],
    }


# --- the library, against a baseline --------------------------------------------


class _Server:
    """One ``mkdocs serve --dirty`` of a library, with the plugins of ``plugins`` (or ours)."""

    def __init__(self, label: str, root: Path, plugins: Path | None) -> None:
        self.label = label
        self.root = root
        self.url = f"http://127.0.0.1:{free_port()}/"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        if plugins is not None:
            env["PYTHONPATH"] = os.pathsep.join(
                [str(plugins), *filter(None, [os.environ.get("PYTHONPATH")])]
            )
        address = self.url.removeprefix("http://").rstrip("/")
        command = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", address]
        with (root / "serve.log").open("w") as log:
            self.process = subprocess.Popen(
                command, cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT
            )
        self.started = time.monotonic()
        self.first_build: float | None = None
        self.saves: list[float | None] = []

    def wait_started(self, limit: float) -> None:
        if _wait_for(self.url, "livereload", limit) is None:
            raise SystemExit(f"{self.label}: mkdocs serve did not start; see {self.root}/serve.log")
        self.first_build = time.monotonic() - self.started

    def pause(self, paused: bool) -> None:
        self.process.send_signal(signal.SIGSTOP if paused else signal.SIGCONT)

    def save(self, topic: str, tier: str, limit: float) -> float | None:
        """Append a sentence to a tier page; seconds until the server serves it."""
        page = self.root / "docs" / "topics" / topic / f"{tier}.md"
        marker = f"Edited{time.time_ns()}"
        page.write_text(_append_sentence(page.read_text(encoding="utf-8"), marker), "utf-8")
        shown = _wait_for(f"{self.url}topics/{topic}/{tier}/", marker, limit)
        self.saves.append(shown)
        return shown

    def stop(self) -> None:
        self.pause(False)
        self.process.terminate()
        self.process.wait(timeout=60)


def baseline_plugins(revision: str, folder: Path) -> Path:
    """The ``plugins`` folder of git ``revision`` of this repo, written under ``folder``."""
    archive = subprocess.run(
        ["git", "archive", "--format=tar", revision, "plugins"],
        check=True,
        capture_output=True,
        cwd=Path(__file__).resolve().parent.parent,
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    return folder / "plugins"


def library_saves(topics: int, saves: int, baseline: str | None, limit: float) -> None:
    """Serve the issue's library (and its baseline copy); save, measure, print."""
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        library = write_library(tmp / "current", topics)
        if baseline is not None:
            shutil.copytree(library.root, tmp / "baseline")
            plugins = baseline_plugins(baseline, tmp / "baseline-src")
        servers = [_Server("current", library.root, None)]
        if baseline is not None:
            servers.append(_Server(f"baseline {baseline}", tmp / "baseline", plugins))
        try:
            for server in servers:  # both first builds run side by side
                server.wait_started(limit * 4)
            pages = [(library.topics[n * 7 % topics], TIERS[n % len(TIERS)]) for n in range(saves)]
            for n, (topic, tier) in enumerate(pages):
                # ABBA: neither server always goes first after the other's rebuild.
                order = servers if n % 2 == 0 else servers[::-1]
                for server in order:
                    for other in servers:
                        if other is not server:
                            other.pause(True)
                    server.save(topic, tier, limit)
                    for other in servers:
                        if other is not server:
                            other.pause(False)
                print(".", end="", flush=True)
        finally:
            for server in servers:
                server.stop()
    print()
    _report(servers, topics)


def _report(servers: list[_Server], topics: int) -> None:
    for server in servers:
        shown = [s for s in server.saves if s is not None]
        each = ", ".join("not shown" if s is None else f"{s:.2f}" for s in server.saves)
        median = statistics.median(shown) if len(shown) == len(server.saves) else None
        print(
            f"{server.label}: {topics} topics, first build {server.first_build or 0:.0f} s; "
            f"edit to served over {len(server.saves)} saves: median "
            f"{'not shown' if median is None else f'{median:.2f} s'}, fastest "
            f"{min(shown):.2f} s; each: {each}"
        )
    if len(servers) == 2:
        pairs = [
            a / b
            for a, b in zip(servers[0].saves, servers[1].saves, strict=True)
            if a is not None and b is not None
        ]
        print(
            f"paired ratio, {servers[0].label} / {servers[1].label}: median "
            f"{statistics.median(pairs):.2f} ({len(pairs)} pairs)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topics", default="100,1000")
    parser.add_argument("--theme", default="material", choices=("material", "mkdocs"))
    parser.add_argument("--modes", default="dirty,full")
    parser.add_argument("--edits", type=int, default=3)
    parser.add_argument("--library", type=int, help="serve the issue's library of N topics")
    parser.add_argument("--saves", type=int, default=6, help="with --library: saves measured")
    parser.add_argument("--baseline", help="with --library: also serve git revision REF's plugins")
    parser.add_argument("--limit", type=float, default=300.0, help="with --library: s per save")
    args = parser.parse_args()
    if args.library:
        library_saves(args.library, args.saves, args.baseline, args.limit)
        return
    for topics in (int(n) for n in args.topics.split(",")):
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            _site(root, topics, args.theme)
            for mode in args.modes.split(","):
                edits = args.edits if mode == "dirty" else 1
                result = _measure(root, dirty=mode == "dirty", edits=edits)
                print(json.dumps({"topics": topics, "theme": args.theme, "mode": mode, **result}))
                sys.stdout.flush()


if __name__ == "__main__":
    main()
