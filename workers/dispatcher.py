"""A background thread that runs the outbox relay and the stuck-item sweeper on a timer.

Every API process and every worker runs one: relays are safe to run concurrently (PostgreSQL rows
are locked with SKIP LOCKED; SQLite serialises writers), so there is no single point of failure.
"""

from __future__ import annotations

import logging
import threading

import redis

from moderation.feedback import bank_confirmed_images
from moderation.images.loader import ImageLoader
from moderation.settings import Settings
from moderation.store.db import Database
from moderation.store.outbox import relay_scans, sweep_stuck
from workers.queue import RqEnqueuer
from workers.webhooks import WebhookSender

log = logging.getLogger(__name__)


class Dispatcher:
    """Relays scans (every tick); every ~1 s also sends webhooks and banks reviewer-confirmed fakes;
    every ~5 s sweeps stuck items."""

    def __init__(self, db: Database, conn: redis.Redis, prefix: str, batch_size: int,
                 sweep_after: float, interval: float = 0.2, settings: Settings | None = None):
        self.db = db
        self.webhooks: WebhookSender | None = None
        self.image_loader: ImageLoader | None = None
        if settings is not None:
            if settings.webhook_secret:
                self.webhooks = WebhookSender(db, settings.webhook_secret, settings.allow_private_callback_hosts)
            self.image_loader = ImageLoader.from_settings(settings)
        self.enqueue = RqEnqueuer(conn, prefix)
        self.batch_size = batch_size
        self.sweep_after = sweep_after
        self.interval = interval
        self._pass = threading.Lock()
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
        if self.webhooks is not None:
            self.webhooks.close()

    def side_effects(self) -> None:
        """Outbox messages that are not scans: webhooks and hash-bank feedback."""
        if self.webhooks is not None:
            self.webhooks.deliver_pending()
        if self.image_loader is not None:
            bank_confirmed_images(self.db, self.image_loader)

    def run_once(self) -> int:
        with self._pass:
            return self._run_once()

    def _run_once(self) -> int:
        self.side_effects()
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
                with self._pass:  # one pass at a time per process (a manual run_once may overlap)
                    relay_scans(self.db, self.enqueue, self.batch_size)
                    ticks += 1
                    if ticks % 25 == 0:  # the sweep is a heavier query: every ~5 s
                        self._run_once()
                    elif ticks % 5 == 0:
                        self.side_effects()
            except Exception:
                log.exception("dispatcher pass failed; retrying")
            self._wake.wait(self.interval)
            self._wake.clear()
