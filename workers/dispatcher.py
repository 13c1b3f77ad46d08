"""A background thread that runs the outbox relay and the stuck-item sweeper on a timer.

Every API process and every worker runs one: relays are safe to run concurrently (PostgreSQL rows
are locked with SKIP LOCKED; SQLite serialises writers), so there is no single point of failure.
"""

from __future__ import annotations

import logging
import threading

import redis

from moderation.store.db import Database
from moderation.store.outbox import relay_scans, sweep_stuck
from workers.queue import RqEnqueuer

log = logging.getLogger(__name__)


class Dispatcher:
    def __init__(self, db: Database, conn: redis.Redis, prefix: str, batch_size: int,
                 sweep_after: float, interval: float = 0.2):
        self.db = db
        self.enqueue = RqEnqueuer(conn, prefix)
        self.batch_size = batch_size
        self.sweep_after = sweep_after
        self.interval = interval
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="outbox-dispatcher", daemon=True)

    def start(self) -> Dispatcher:
        self._thread.start()
        return self

    def kick(self) -> None:
        """Relay now (called right after an accept commits, for low latency)."""
        self._wake.set()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout=5)

    def run_once(self) -> int:
        sent = relay_scans(self.db, self.enqueue, self.batch_size)
        swept = sweep_stuck(self.db, self.sweep_after)
        if swept:
            log.warning("sweeper re-issued %d stuck items", swept)
            sent += relay_scans(self.db, self.enqueue, self.batch_size)
        return sent

    def _run(self) -> None:
        ticks = 0
        while not self._stop.is_set():
            try:
                relay_scans(self.db, self.enqueue, self.batch_size)
                ticks += 1
                if ticks % 25 == 0:  # the sweep is a heavier query: every ~5 s
                    self.run_once()
            except Exception:
                log.exception("dispatcher pass failed; retrying")
            self._wake.wait(self.interval)
            self._wake.clear()
