"""Transactional outbox: the relay that moves accepted work onto the queue, and the sweeper that
re-sends anything that did not get scanned in time.

Why an outbox? RQ keeps jobs in Redis, and Redis can be down, flushed or restarted; a worker can
die mid-job. The database row written in the same transaction as the recommendation is the
promise that the item will be scanned. The relay only marks a row dispatched after the enqueue
call returned; the sweeper re-issues rows whose items are still unscanned long after. Duplicate
deliveries are harmless: workers skip items that are no longer queued/scanning.

This module knows nothing about RQ: the relay is handed an `enqueue(queue, ids)` callable.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import timedelta

import sqlalchemy as sa

from moderation.policy import Policy, load_policy
from moderation.store.db import Database
from moderation.store.models import OutboxRow, RecommendationRow, utcnow
from moderation.store.recommendations import give_up_scan

log = logging.getLogger(__name__)

Enqueue = Callable[[str, Sequence[str]], None]


def relay_scans(db: Database, enqueue: Enqueue, batch_size: int = 64, limit: int = 2000,
                image_batch_size: int = 4) -> int:
    """Enqueue pending scan messages in batches of `batch_size` ids per job (`image_batch_size`
    on the image queue: an image item costs ~0.1–1 s, so small jobs keep latency even); returns
    ids sent.

    If `enqueue` raises (Redis unreachable), the rows stay pending and the error is recorded;
    the next relay pass retries them.
    """
    with db.session() as s:
        q = (
            sa.select(OutboxRow)
            .where(OutboxRow.topic == "scan", OutboxRow.dispatched_at.is_(None))
            .order_by(OutboxRow.id)
            .limit(limit)
        )
        if s.bind is not None and s.bind.dialect.name == "postgresql":
            q = q.with_for_update(skip_locked=True)  # several relays may run (one per worker)
        rows = list(s.scalars(q))
        by_queue: dict[str, list[OutboxRow]] = defaultdict(list)
        for row in rows:
            by_queue[row.payload.get("queue", "text")].append(row)
        sent = 0
        now = utcnow()
        for queue, queue_rows in by_queue.items():
            size = image_batch_size if queue == "images" else batch_size
            for start in range(0, len(queue_rows), size):
                chunk = queue_rows[start : start + size]
                try:
                    enqueue(queue, [r.recommendation_id for r in chunk])
                except Exception as exc:  # leave pending; retried on the next pass
                    log.warning("enqueue to %s failed: %s", queue, exc)
                    for r in chunk:
                        r.attempts += 1
                        r.last_error = str(exc)[:500]
                    return sent
                for r in chunk:
                    r.dispatched_at = now
                    r.attempts += 1
                sent += len(chunk)
        return sent


#: Scans started this many times without finishing (the job keeps timing out or killing its worker)
#: are given up: the item goes to human review instead of looping through the queue forever.
MAX_SCAN_ATTEMPTS = 3


def sweep_stuck(db: Database, older_than_seconds: float, policy: Policy | None = None) -> int:
    """Re-issue a scan message for items still queued/scanning long after their last update
    (lost job, flushed Redis, killed worker); items that already failed MAX_SCAN_ATTEMPTS scans
    go to review (fail closed). Returns the number of items handled."""
    cutoff = utcnow() - timedelta(seconds=older_than_seconds)
    with db.session() as s:
        pending_ids = sa.select(OutboxRow.recommendation_id).where(
            OutboxRow.topic == "scan", OutboxRow.dispatched_at.is_(None)
        )
        stuck = list(
            s.scalars(
                sa.select(RecommendationRow)
                .where(
                    RecommendationRow.status.in_(("queued", "scanning")),
                    RecommendationRow.updated_at < cutoff,
                    RecommendationRow.id.not_in(pending_ids),
                )
                .limit(5000)
            )
        )
        for row in stuck:
            if row.scan_attempts >= MAX_SCAN_ATTEMPTS:
                give_up_scan(s, row, policy or load_policy(),
                             f"not scanned after {row.scan_attempts} attempts (timeouts or crashed workers)")
                continue
            row.status = "queued"
            row.updated_at = utcnow()
            s.add(OutboxRow(topic="scan", recommendation_id=row.id,
                            payload={"queue": "images" if row.has_images else "text", "sweep": True}))
        return len(stuck)


def pending_count(db: Database) -> int:
    with db.session() as s:
        return s.scalar(
            sa.select(sa.func.count()).select_from(OutboxRow).where(
                OutboxRow.topic == "scan", OutboxRow.dispatched_at.is_(None)
            )
        ) or 0
