"""RQ job functions. The worker process preloads the runtime (database + pipeline with every
detector, lexicon and model) once via `init_runtime`; jobs then only look ids up and scan."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

from moderation.live import PipelineCache
from moderation.scanning import scan_ids
from moderation.store.db import Database
from workers import metrics


@dataclass
class Runtime:
    db: Database
    pipelines: PipelineCache


_runtime: Runtime | None = None


def init_runtime(runtime: Runtime) -> None:
    global _runtime
    _runtime = runtime


def get_runtime() -> Runtime:
    if _runtime is None:
        # A job run outside `moderation worker` (e.g. rq's own CLI): build the default runtime.
        from moderation.settings import get_settings

        db = Database(get_settings().resolved_database_url())
        init_runtime(Runtime(db, PipelineCache(db)))
    assert _runtime is not None
    return _runtime


def scan_batch(ids: Sequence[str]) -> int:
    rt = get_runtime()
    pipeline = rt.pipelines.get()  # picks up policy/brand edits made through the API
    t0 = time.perf_counter()
    try:
        statuses = scan_ids(rt.db, pipeline, ids, shadow=rt.pipelines.shadow)
    except Exception:
        metrics.JOBS.labels("error").inc()
        raise  # RQ records the failure; the sweeper re-issues the items later
    metrics.record_job(statuses, time.perf_counter() - t0)
    return len(statuses)
