"""Measures pages for tiered/readability, in a process of its own.

One JSON line a batch in, ``[setup, [html, ...]]``, one line out: each page's
measures (:class:`~tiered.readability.background.MeasureTask`).

    python -m tiered.readability.worker
"""

from __future__ import annotations

from tiered.common.background import serve
from tiered.readability.background import MeasureTask


def main() -> None:
    serve(MeasureTask())


if __name__ == "__main__":
    main()
