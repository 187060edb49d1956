"""Formats entries for :mod:`tiered.citations.formatting`, in a process of its own.

Reads one JSON document from standard input, ``{"style": "ama", "entries": [[key,
csl], ...]}``, and writes one JSON line per entry, ``[key, html]``, as it goes. The
output is block-buffered, not flushed per entry: each write that reaches the build
wakes its reader thread, which then takes the GIL from the thread rendering pages.

    python -m tiered.citations.worker < job.json
"""

from __future__ import annotations

import json
import sys

from tiered.citations.styles import format_entry


def main() -> None:
    job = json.load(sys.stdin)
    style = job["style"]
    for key, csl in job["entries"]:
        sys.stdout.write(json.dumps([key, format_entry(csl, style)], ensure_ascii=False) + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
