"""Signed webhooks: tell the publisher when an item's status is final.

Delivered from the outbox (topic `webhook`) with retries and exponential back-off. The body is
signed with HMAC-SHA256 over `timestamp.body` (header `X-Moderation-Signature: t=…,v1=…`), so
the receiver can check origin and reject replays. The callback host is vetted like image URLs
(no private networks unless explicitly allowed): a callback URL is attacker-supplied input.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
from datetime import timedelta

import sqlalchemy as sa

from moderation.images.fetch import PRIVATE_NETWORKS, AddressPolicy, ImageFetcher, check_url
from moderation.store.db import Database
from moderation.store.models import OutboxRow, RecommendationRow, VerdictRow, utcnow

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 8


def sign(secret: str, timestamp: int, body: bytes) -> str:
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={mac}"


def verify(secret: str, header: str, body: bytes, tolerance_s: int = 300) -> bool:
    """Receiver-side check (documented for publishers, used by the tests)."""
    try:
        parts = dict(p.split("=", 1) for p in header.split(","))
        ts = int(parts["t"])
    except (KeyError, ValueError):
        return False
    if abs(time.time() - ts) > tolerance_s:
        return False
    return hmac.compare_digest(sign(secret, ts, body), header)


class WebhookSender:
    def __init__(self, db: Database, secret: str, allow_private: bool = False, timeout: float = 5.0):
        self.db = db
        self.secret = secret
        policy = AddressPolicy(allowed=PRIVATE_NETWORKS if allow_private else ())
        self._http = ImageFetcher(max_bytes=64 * 1024, timeout=timeout, policy=policy)

    def _due(self, row: OutboxRow) -> bool:
        return row.attempts == 0 or utcnow() - row.created_at >= timedelta(seconds=2 ** row.attempts)

    def deliver_pending(self, limit: int = 100) -> int:
        """Try every due webhook once; returns how many were delivered."""
        with self.db.session() as s:
            rows = [r for r in s.scalars(sa.select(OutboxRow).where(
                OutboxRow.topic == "webhook", OutboxRow.dispatched_at.is_(None),
                OutboxRow.attempts < MAX_ATTEMPTS).order_by(OutboxRow.id).limit(limit)) if self._due(r)]
            jobs = []
            for r in rows:
                rec = s.get(RecommendationRow, r.recommendation_id)
                verdict = s.get(VerdictRow, rec.latest_verdict_id) if rec and rec.latest_verdict_id else None
                if rec is None or not rec.payload.get("callback_url"):
                    continue
                body = {"id": rec.id, "status": r.payload.get("status", rec.status),
                        "route": verdict.route if verdict else None, "scores": verdict.scores if verdict else None}
                jobs.append((r.id, rec.payload["callback_url"], json.dumps(body, ensure_ascii=False).encode()))
        delivered = 0
        for row_id, url, body in jobs:
            error = self._post(url, body)
            with self.db.session() as s:
                row = s.get(OutboxRow, row_id)
                if row is None:
                    continue
                row.attempts += 1
                if error is None:
                    row.dispatched_at = utcnow()
                    delivered += 1
                else:
                    row.last_error = error[:500]
        return delivered

    def _post(self, url: str, body: bytes) -> str | None:
        ts = int(time.time())
        headers = [(b"Content-Type", b"application/json"),
                   (b"X-Moderation-Signature", sign(self.secret, ts, body).encode())]
        try:
            check_url(url)
            resp = self._http.pool.request("POST", url, headers=headers, content=body,
                                           extensions={"timeout": {k: self._http.timeout for k in
                                                                   ("connect", "read", "write", "pool")}})
        except Exception as exc:  # refused host, timeout, connection error: retried later
            return f"{type(exc).__name__}: {exc}"
        return None if 200 <= resp.status < 300 else f"HTTP {resp.status}"

    def close(self) -> None:
        self._http.close()
