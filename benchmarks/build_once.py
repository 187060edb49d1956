"""Build one site in this process and print JSON: build seconds and peak memory.

Used by the benchmark scripts, which start it once per measurement so that every
build's peak memory is its own.
"""

from __future__ import annotations

import json
import logging
import resource
import sys
import time

from mkdocs.commands.build import build
from mkdocs.config import load_config


def main() -> None:
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    config = load_config(config_file=sys.argv[1])
    config.plugins.on_startup(command="build", dirty=False)
    start = time.perf_counter()
    cpu_start = time.process_time()
    build(config)
    seconds = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu_start  # this process's own: less load noise
    config.plugins.on_shutdown()
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
            }
        )
    )


if __name__ == "__main__":
    main()
