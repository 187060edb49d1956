"""Build one site in this process and print JSON: build seconds and peak memory.

Used by the benchmark scripts, which start it once per measurement so that every
build's peak memory is its own.
"""

from __future__ import annotations

import json
import logging
import os
import resource
import sys
import threading
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
_SAMPLE = 0.05  # seconds between samples of the process tree's memory


def _descendants(pid: int) -> list[int]:
    """The processes ``pid`` started, and theirs (Linux: /proc/<pid>/task/*/children)."""
    found: list[int] = []
    for children in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            for child in children.read_text().split():
                found += [int(child), *_descendants(int(child))]
        except OSError:
            continue  # it has just exited
    return found


def _rss(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * _PAGE
    except (OSError, IndexError, ValueError):
        return 0


class TreePeak:
    """The largest memory the build's processes held at once: this one and its workers.

    ``ru_maxrss`` gives each process's own peak; the workers' peaks may or may not fall
    when this process's does, so their sum would overstate the build. Sampled every
    50 ms from /proc (nothing on a system without it): the peak of the sum.
    """

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> TreePeak:
        if Path("/proc/self/statm").exists():
            self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    def _sample(self) -> None:
        me = os.getpid()
        while not self._stop.wait(_SAMPLE):
            total = _rss(me) + sum(_rss(pid) for pid in _descendants(me))
            self.peak = max(self.peak, total)


def main() -> None:
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    config = load_config(config_file=sys.argv[1])
    config.plugins.on_startup(command="build", dirty=False)
    start = time.perf_counter()
    cpu_start = time.process_time()
    with TreePeak() as tree:
        build(config)
        seconds = time.perf_counter() - start
        cpu_seconds = time.process_time() - cpu_start  # this process's own: less load noise
        # The workers' CPU time too (they have exited once the plugins shut down).
        config.plugins.on_shutdown()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Worker processes a plugin started (the citations formatter), the largest one.
    children_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(
        json.dumps(
            {
                "seconds": seconds,
                "cpu_seconds": cpu_seconds,
                "peak_mib": peak_kib / 1024,
                "children_mib": children_kib / 1024,
                # The build and its workers together, at the moment they held most.
                "tree_peak_mib": max(tree.peak / 2**20, peak_kib / 1024),
                "children_cpu_seconds": children.ru_utime + children.ru_stime,
            }
        )
    )


if __name__ == "__main__":
    main()
