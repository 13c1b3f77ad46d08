"""`moderation worker`: an RQ SimpleWorker with the moderation runtime preloaded.

Why SimpleWorker (no fork per job)? Forking would throw away the preloaded detectors, lexicon
automata and models after every job and costs ~17 ms/job here (vs ~5 ms); our jobs are pure
functions of database rows, so running them in the long-lived process is safe.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Sequence

from rq import SimpleWorker

from moderation.live import PipelineCache
from moderation.settings import Settings
from moderation.store.db import Database
from workers import metrics
from workers.dispatcher import Dispatcher
from workers.jobs import Runtime, init_runtime
from workers.queue import QUEUE_NAMES, rq_queues
from workers.redis_conn import connect

log = logging.getLogger(__name__)


def run_worker(settings: Settings, queues: Sequence[str] = QUEUE_NAMES, burst: bool = False,
               with_dispatcher: bool = True, metrics_port: int | None = None) -> bool:
    """Run until stopped (or, with `burst`, until the queues are empty)."""
    if metrics_port:
        metrics.serve(metrics_port)
    if not settings.redis_url:
        raise RuntimeError("REDIS_URL is not set (moderation demo sets it for its workers)")
    db = Database(settings.resolved_database_url())
    init_runtime(Runtime(db=db, pipelines=PipelineCache(db, settings)))
    conn = connect(settings.redis_url)
    dispatcher = None
    if with_dispatcher:
        dispatcher = Dispatcher(db, conn, settings.queue_prefix, settings.job_batch_size,
                                settings.sweep_after_seconds, settings=settings).start()
    worker = SimpleWorker(
        rq_queues(conn, settings.queue_prefix, queues),
        connection=conn,
        name=f"moderation-{socket.gethostname()}-{os.getpid()}",
    )
    try:
        return worker.work(burst=burst, logging_level="WARNING", with_scheduler=False)
    finally:
        if dispatcher:
            dispatcher.stop()
