"""The RQ side of the outbox: turn `enqueue(queue, ids)` into RQ jobs.

Why batches of ids per job? rq's own bookkeeping costs ~5 ms per job (SimpleWorker) — more than a
text scan takes — so one job carries up to `job_batch_size` items (see bench/RESULTS.md).
Jobs carry only ids: the database holds the payload, so a lost job loses nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

import redis
from rq import Queue

QUEUE_NAMES = ("text", "images")
JOB_FUNC = "workers.jobs.scan_batch"


def queue_name(prefix: str, name: str) -> str:
    return f"{prefix}-{name}"


def rq_queues(conn: redis.Redis, prefix: str, names: Sequence[str] = QUEUE_NAMES) -> list[Queue]:
    return [Queue(queue_name(prefix, n), connection=conn) for n in names]


class RqEnqueuer:
    """Callable `(queue, ids) -> None` for `moderation.store.outbox.relay_scans`."""

    def __init__(self, conn: redis.Redis, prefix: str):
        self._queues = {n: q for n, q in zip(QUEUE_NAMES, rq_queues(conn, prefix), strict=True)}

    def __call__(self, queue: str, ids: Sequence[str]) -> None:
        self._queues[queue].enqueue(
            JOB_FUNC, list(ids), job_timeout=600, result_ttl=0, failure_ttl=7 * 86400
        )
