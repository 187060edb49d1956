"""The worker process of every plugin's page tasks (:mod:`tiered.common.background`).

One JSON line a batch in, ``[task, setup, [job, ...]]``, one line out: the task's
result for each job. A task's class is imported on its first batch, so its word lists
load here, once.

    python -m tiered.common.pageworker
"""

from __future__ import annotations

from tiered.common.background import serve

if __name__ == "__main__":
    serve()
