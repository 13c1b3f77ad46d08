"""Review tasks: the queue, leases and decisions.

A reviewer *claims* a task for a lease (default 10 minutes). The claim is one conditional UPDATE,
so two reviewers can never hold the same task, and an abandoned lease simply expires — no cron
job needed to release it. A decision is accepted only from the lease holder.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from moderation.store.audit import audit
from moderation.store.models import DecisionRow, OutboxRow, RecommendationRow, ReviewTaskRow, UserRow, utcnow

ACTIONS = ("approve", "reject", "escalate")


class LeaseLost(Exception):
    """The task is not (or no longer) claimed by this reviewer."""


@dataclass(frozen=True)
class QueueFilter:
    family: str | None = None
    code: str | None = None
    merchant_tier: str | None = None


def open_tasks(flt: QueueFilter) -> sa.Select[tuple[ReviewTaskRow]]:
    """Open tasks matching `flt` in queue order: priority, then SLA due time."""
    q = sa.select(ReviewTaskRow).where(ReviewTaskRow.state == "open")
    if flt.code:
        q = q.where(ReviewTaskRow.top_code == flt.code)
    if flt.merchant_tier:
        q = q.where(ReviewTaskRow.merchant_tier == flt.merchant_tier)
    if flt.family:
        # JSON list contains: portable spelling via LIKE on the serialised list.
        q = q.where(sa.cast(ReviewTaskRow.families, sa.String).like(f'%"{flt.family}"%'))
    return q.order_by(ReviewTaskRow.priority.desc(), ReviewTaskRow.due_at, ReviewTaskRow.id)


def list_queue(
    session: Session, flt: QueueFilter = QueueFilter(), limit: int = 50, offset: int = 0
) -> list[ReviewTaskRow]:
    return list(session.scalars(open_tasks(flt).limit(limit).offset(offset)))


def _claimable(now: datetime, user_id: int) -> sa.ColumnElement[bool]:
    return sa.or_(
        ReviewTaskRow.claimed_by.is_(None),
        ReviewTaskRow.lease_expires_at < now,
        ReviewTaskRow.claimed_by == user_id,
    )


def claim(session: Session, task_id: int, user_id: int, lease_seconds: int) -> bool:
    """Claim (or renew) a task; False if someone else holds a live lease or it is closed."""
    now = utcnow()
    result = session.execute(
        sa.update(ReviewTaskRow)
        .where(ReviewTaskRow.id == task_id, ReviewTaskRow.state == "open", _claimable(now, user_id))
        .values(
            claimed_by=user_id,
            lease_expires_at=now + timedelta(seconds=lease_seconds),
            # A renewal by the live holder keeps the original claim time; a fresh claim restarts it.
            claimed_at=sa.case(
                (sa.and_(ReviewTaskRow.claimed_by == user_id, ReviewTaskRow.lease_expires_at >= now),
                 ReviewTaskRow.claimed_at),
                else_=now,
            ),
        )
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


def claim_next(
    session: Session, user_id: int, lease_seconds: int, flt: QueueFilter = QueueFilter()
) -> ReviewTaskRow | None:
    """Claim the highest-priority task nobody else holds; the reviewer's own live claim first."""
    now = utcnow()
    mine = session.scalars(
        open_tasks(flt).where(ReviewTaskRow.claimed_by == user_id, ReviewTaskRow.lease_expires_at >= now).limit(1)
    ).first()
    if mine is not None:
        return mine
    candidates = session.scalars(
        open_tasks(flt).where(_claimable(now, user_id)).limit(20).with_only_columns(ReviewTaskRow.id)
    )
    for task_id in list(candidates):
        if claim(session, task_id, user_id, lease_seconds):
            return session.get(ReviewTaskRow, task_id, populate_existing=True)
    return None


def release(session: Session, task_id: int, user_id: int) -> None:
    session.execute(
        sa.update(ReviewTaskRow)
        .where(ReviewTaskRow.id == task_id, ReviewTaskRow.claimed_by == user_id)
        .values(claimed_by=None, lease_expires_at=None)
        .execution_options(synchronize_session=False)
    )


def decide(
    session: Session,
    task_id: int,
    user: UserRow,
    action: str,
    reason_codes: list[str],
    note: str | None = None,
) -> DecisionRow:
    """Record a reviewer's decision; the reviewer must hold a live lease on the task."""
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}")
    if action == "reject" and not reason_codes:
        raise ValueError("a rejection needs at least one reason code")
    now = utcnow()
    task = session.get(ReviewTaskRow, task_id, with_for_update=True, populate_existing=True)
    if (
        task is None
        or task.state != "open"
        or task.claimed_by != user.id
        or task.lease_expires_at is None
        or task.lease_expires_at < now
    ):
        raise LeaseLost(task_id)
    rec = session.get(RecommendationRow, task.recommendation_id)
    assert rec is not None
    # Before this decision is added: compare with the earlier one.
    disagreement = action != "escalate" and task.reason == "second_review" and _disagrees(session, rec.id, action)
    started = task.claimed_at or task.created_at  # time in the queue is not handling time
    handling = (now - started).total_seconds() if started else None
    decision = DecisionRow(
        recommendation_id=rec.id,
        task_id=task.id,
        reviewer_id=user.id,
        action=action,
        reason_codes=list(reason_codes),
        note=note,
        handling_seconds=handling,
    )
    session.add(decision)
    task.state = "done"
    task.closed_at = now
    task.lease_expires_at = None
    if action == "escalate" or disagreement:
        # A senior (policy/admin) queue: same item, new task, top priority.
        session.add(ReviewTaskRow(
            recommendation_id=rec.id, verdict_id=task.verdict_id, reason="escalated", priority=task.priority + 10,
            families=task.families, top_code=task.top_code, max_score=task.max_score,
            merchant_tier=task.merchant_tier, due_at=now + timedelta(minutes=60),
        ))
    elif task.reason == "second_review":
        pass  # agreement: the first decision already set the final status
    else:
        rec.status = "approved" if action == "approve" else "rejected"
        if rec.payload.get("callback_url"):
            session.add(OutboxRow(topic="webhook", recommendation_id=rec.id, payload={"status": rec.status}))
        if action == "reject" and any(c.startswith("COUNTERFEIT") or c.startswith("counterfeit") for c in reason_codes):
            # Feedback: the images of a confirmed fake go into the hash bank (provenance: decision id).
            session.flush()
            session.add(OutboxRow(topic="bank_add", recommendation_id=rec.id,
                                  payload={"bank": "confirmed_counterfeit", "decision_id": decision.id}))
    session.flush()
    audit(session, user.username, f"decision.{action}", f"recommendation:{rec.id}",
          task_id=task.id, decision_id=decision.id, reason_codes=list(reason_codes), note=note,
          disagreement=disagreement)
    return decision


def _disagrees(session: Session, rec_id: str, action: str) -> bool:
    """Whether the latest earlier approve/reject on the item differs from `action`. A second
    reviewer who disagrees does not silently overturn the first: the item goes to a senior."""
    first = session.scalars(
        sa.select(DecisionRow.action)
        .where(DecisionRow.recommendation_id == rec_id, DecisionRow.action.in_(("approve", "reject")))
        .order_by(DecisionRow.id.desc()).limit(1)
    ).first()
    return first is not None and first != action


def task_view(session: Session, task: ReviewTaskRow) -> dict[str, Any]:
    rec = session.get(RecommendationRow, task.recommendation_id)
    return {
        "task_id": task.id,
        "recommendation_id": task.recommendation_id,
        "status": rec.status if rec else None,
        "priority": task.priority,
        "families": task.families,
        "top_code": task.top_code,
        "due_at": task.due_at.isoformat(),
        "claimed_by": task.claimed_by,
    }
