"""Edit-to-served time of ``mkdocs serve`` on a generated library (issue 13, item 4).

For each size and mode (``--dirty``, what ``make serve`` runs, and a full rebuild, what
``make serve-full`` runs), starts a real ``mkdocs serve``, saves one tier page with a
new sentence, and polls until the page serves it and until the search index (written
last in a build) holds it. Prints one JSON line per measurement.

    .venv/bin/python -m benchmarks.serve_reload --topics 100,1000 --theme material
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from benchmarks.pdf_speed import write_site
from tests.serve_support import fetch, free_port, wait_for


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topics", default="100,1000")
    parser.add_argument("--theme", default="material", choices=("material", "mkdocs"))
    parser.add_argument("--modes", default="dirty,full")
    parser.add_argument("--edits", type=int, default=3)
    args = parser.parse_args()
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
