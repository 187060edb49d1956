"""Formats entries for :mod:`tiered.citations.formatting`, in a process of its own.

Reads requests from standard input, one JSON line each, ``{"style": "ama", "entries":
[[key, csl], ...]}``, and answers each with one JSON line, ``[[key, html], ...]``
(:class:`~tiered.common.worker.LineWorker`'s protocol). One line a request, not an
entry: each line that reaches the build wakes its reader thread, which then takes the
GIL from the thread rendering pages.

    python -m tiered.citations.worker < requests.jsonl
"""

from __future__ import annotations

import json
import sys

from tiered.citations.styles import format_entry


def main() -> None:
    for line in sys.stdin:
        job = json.loads(line)
        style = job["style"]
        answer = [[key, format_entry(csl, style)] for key, csl in job["entries"]]
        sys.stdout.write(json.dumps(answer, ensure_ascii=False) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
