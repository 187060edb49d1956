"""Checks pages for tiered/plain, in a process of its own.

One JSON line a batch in, ``[setup, [job, ...]]``, one line out: each page's findings
(:class:`~tiered.plain.background.CheckTask`). The word lists load here, once.

    python -m tiered.plain.worker
"""

from __future__ import annotations

from tiered.common.background import serve
from tiered.plain.background import CheckTask


def main() -> None:
    serve(CheckTask())


if __name__ == "__main__":
    main()
