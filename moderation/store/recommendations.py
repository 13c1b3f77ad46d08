"""Recommendation lifecycle in the store: accept (with idempotency), record verdicts, report state.

Status machine: queued → scanning → approved | pending_review | rejected; pending_review →
approved | rejected (a reviewer decides); approved → listed (the publisher lists it) → delisted.
User reports (口碑) can send approved/listed items back to pending_review.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from moderation.policy import Policy
from moderation.store.models import (
    DecisionRow,
    OutboxRow,
    RecommendationRow,
    ReviewTaskRow,
    UserReportRow,
    VerdictRow,
    utcnow,
)
from moderation.types import FAMILIES, SCAN_FAMILY, Recommendation, Route, ScanError, Signal, Verdict

STATUSES = ("queued", "scanning", "pending_review", "approved", "rejected", "listed", "delisted")
SCANNABLE = ("queued", "scanning")
#: Reports from distinct reporters that send a listed item back to review.
REPORTS_TO_REVIEW = 3


class IdConflict(Exception):
    """The id exists with a different body: the publisher must use a new id (409)."""


class NotFound(Exception):
    pass


def queue_for(rec: Recommendation) -> str:
    """Text-only items go to the fast queue, so they never wait behind image-heavy ones."""
    return "images" if rec.images else "text"


@dataclass(frozen=True)
class Accepted:
    row: RecommendationRow
    created: bool


def accept(session: Session, rec: Recommendation) -> Accepted:
    """Store a recommendation and its scan outbox message in the caller's transaction.

    Same id + same body → the existing row (`created=False`); same id + other body → IdConflict.
    """
    digest = rec.content_hash()
    existing = session.get(RecommendationRow, rec.id)
    if existing is not None:
        if existing.content_hash != digest:
            raise IdConflict(rec.id)
        return Accepted(existing, created=False)
    row = RecommendationRow(
        id=rec.id,
        payload=rec.model_dump(mode="json"),
        content_hash=digest,
        status="queued",
        author_id=rec.author.id if rec.author else None,
        author_followers=rec.author.followers if rec.author else 0,
        merchant_id=rec.merchant.id if rec.merchant else None,
        has_images=bool(rec.images),
    )
    session.add(row)
    session.add(OutboxRow(topic="scan", recommendation_id=rec.id, payload={"queue": queue_for(rec)}))
    session.flush()
    return Accepted(row, created=True)


def load(session: Session, rec_id: str) -> RecommendationRow:
    row = session.get(RecommendationRow, rec_id)
    if row is None:
        raise NotFound(rec_id)
    return row


def state(session: Session, rec_id: str) -> dict[str, Any]:
    """The contract's `GET /v1/recommendations/{id}` body."""
    row = load(session, rec_id)
    verdict = session.get(VerdictRow, row.latest_verdict_id) if row.latest_verdict_id else None
    decision = session.scalars(
        sa.select(DecisionRow).where(DecisionRow.recommendation_id == rec_id).order_by(DecisionRow.id.desc()).limit(1)
    ).first()
    return {
        "id": row.id,
        "status": row.status,
        "verdict": verdict_dict(verdict) if verdict else None,
        "decision": decision_dict(decision) if decision else None,
    }


def verdict_dict(v: VerdictRow) -> dict[str, Any]:
    return {
        "route": v.route,
        "scores": v.scores,
        "signals": v.signals,
        "versions": v.versions,
        "complete": v.complete,
        "created_at": v.created_at.isoformat(),
    }


def decision_dict(d: DecisionRow) -> dict[str, Any]:
    return {
        "action": d.action,
        "reason_codes": d.reason_codes,
        "note": d.note,
        "created_at": d.created_at.isoformat(),
    }


def claim_for_scan(session: Session, ids: Sequence[str]) -> list[RecommendationRow]:
    """Rows among `ids` that still need a scan, marked `scanning`. Already-decided rows are skipped,
    which makes a duplicate delivery of the same job harmless."""
    rows = list(session.scalars(sa.select(RecommendationRow).where(RecommendationRow.id.in_(list(ids)))))
    todo = [r for r in rows if r.status in SCANNABLE]
    for r in todo:
        r.status = "scanning"
        r.scan_attempts += 1
    session.flush()
    return todo


def review_priority(followers: int, verdict: Verdict, tier_bonus: float = 0.0) -> float:
    """Higher first. Reach (log followers) and severity (the highest family score) dominate;
    an incomplete scan is lifted so unreadable images are not left at the bottom; a low merchant
    credit tier (the policy's risk prior) adds a little."""
    reach = math.log10(max(followers, 0) + 1) / 8  # 100M followers → 1.0
    severity = max(verdict.scores.values(), default=0.0)
    return round(severity + reach + tier_bonus + (0.3 if not verdict.complete else 0.0), 4)


def sla_due(policy: Policy, priority: float, now: datetime) -> datetime:
    band = "high" if priority >= 1.4 else "normal" if priority >= 0.8 else "low"
    return now + timedelta(minutes=policy.review_sla_minutes.get(band, 240))


def _verdict_row(rec_id: str, verdict: Verdict, policy: Policy, shadow: bool) -> VerdictRow:
    return VerdictRow(
        recommendation_id=rec_id,
        route=verdict.route.value,
        scores=verdict.to_dict()["scores"],
        signals=[s.to_dict() for s in verdict.signals],
        versions=verdict.versions,
        complete=verdict.complete,
        policy_version=policy.version,
        shadow=shadow,
        created_at=utcnow(),
    )


def record_shadow_verdict(session: Session, rec_id: str, verdict: Verdict, policy: Policy) -> None:
    """A verdict under the shadow policy: stored for comparison, never acted on."""
    session.add(_verdict_row(rec_id, verdict, policy, shadow=True))


def record_verdict(session: Session, row: RecommendationRow, verdict: Verdict, policy: Policy) -> VerdictRow:
    """Persist a verdict and move the recommendation on: approved, pending_review (+task) or rejected."""
    return record_verdicts(session, [(row, verdict)], policy)[0]


def record_verdicts(
    session: Session, items: Sequence[tuple[RecommendationRow, Verdict]], policy: Policy
) -> list[VerdictRow]:
    """`record_verdict` for a batch: one multi-row INSERT for the verdicts (a worker job carries
    dozens of items; a round trip per item would dominate the job on PostgreSQL)."""
    now = utcnow()
    vrows = [_verdict_row(row.id, verdict, policy, shadow=False) for row, verdict in items]
    session.add_all(vrows)
    session.flush()
    for (row, verdict), vrow in zip(items, vrows, strict=True):
        row.latest_verdict_id = vrow.id
        if verdict.route is Route.APPROVE:
            row.status = "approved"
        elif verdict.route is Route.REJECT:
            row.status = "rejected"
        else:
            row.status = "pending_review"
            open_task(session, row, vrow, verdict, policy, reason="scan", now=now)
        if row.payload.get("callback_url") and row.status != "pending_review":
            session.add(OutboxRow(topic="webhook", recommendation_id=row.id, payload={"status": row.status}))
    return vrows


def give_up_scan(session: Session, row: RecommendationRow, policy: Policy, reason: str) -> VerdictRow:
    """Fail closed for an item that cannot be scanned at all: an incomplete verdict and a review task."""
    signal = Signal(SCAN_FAMILY, "SCAN_FAILED", 1.0, ScanError(reason=reason[:300]), detector="sweeper")
    scores = dict.fromkeys(FAMILIES, 0.0)
    route, reasons = policy.route(scores, complete=False)
    verdict = Verdict(route, scores, (signal,), {"policy": policy.version}, complete=False, reasons=reasons)
    return record_verdicts(session, [(row, verdict)], policy)[0]


def open_task(
    session: Session,
    row: RecommendationRow,
    vrow: VerdictRow | None,
    verdict: Verdict | None,
    policy: Policy,
    reason: str,
    now: datetime,
) -> ReviewTaskRow:
    tier = (row.payload.get("merchant") or {}).get("credit_tier")
    bonus = policy.merchant_tier_priority.get(tier or "", 0.0)
    priority = review_priority(row.author_followers, verdict, bonus) if verdict else 1.0 + bonus
    signals = verdict.signals if verdict else ()
    task = ReviewTaskRow(
        recommendation_id=row.id,
        verdict_id=vrow.id if vrow else None,
        reason=reason,
        priority=priority,
        families=[f for f in FAMILIES if verdict and verdict.scores.get(f, 0) >= 0.5],
        top_code=signals[0].code if signals else None,
        max_score=max(verdict.scores.values(), default=0.0) if verdict else 0.0,
        merchant_tier=tier,
        due_at=sla_due(policy, priority, now),
        created_at=now,
    )
    session.add(task)
    return task


def add_report(session: Session, rec_id: str, reporter: str | None, reason: str, note: str | None,
               policy: Policy) -> dict[str, Any]:
    """Record a user report; enough distinct reporters send a listed/approved item back to review."""
    row = load(session, rec_id)
    session.add(UserReportRow(recommendation_id=rec_id, reporter=reporter, reason=reason, note=note))
    session.flush()
    # Anonymous reports each count once; a named reporter counts once however often they report.
    reporter_key = sa.func.coalesce(UserReportRow.reporter, sa.cast(UserReportRow.id, sa.String))
    reporters = session.scalar(
        sa.select(sa.func.count(sa.distinct(reporter_key))).where(UserReportRow.recommendation_id == rec_id)
    ) or 0
    sent_back = False
    if reporters >= REPORTS_TO_REVIEW and row.status in ("approved", "listed"):
        row.status = "pending_review"
        open_task(session, row, None, None, policy, reason="report", now=utcnow())
        sent_back = True
    return {"id": rec_id, "reports": reporters, "status": row.status, "sent_to_review": sent_back}


def set_listing(session: Session, rec_id: str, listed: bool) -> RecommendationRow:
    """The publisher lists an approved item (or delists a listed one)."""
    row = load(session, rec_id)
    allowed = ("approved",) if listed else ("listed", "approved")
    if row.status not in allowed:
        raise ValueError(f"cannot {'list' if listed else 'delist'} an item in status {row.status}")
    row.status = "listed" if listed else "delisted"
    return row
