"""Quality assurance of the review process itself: QA samples, second reviews and golden items.

- `sample_for_qa`: a share of AUTO-approved items (no human ever looked) goes to the queue, which is
  how we learn the automatic approval's miss rate.
- `maybe_second_review`: a share of human decisions gets an independent second review; the pairs
  feed Cohen's kappa in `stats.py`. `queue.py` keeps the task away from the first reviewer.
- golden items: known-answer items planted in the queue. They look like any scan task to the
  reviewer (the UI shows reason "scan"); the known answer is stored as an audit row
  `qa.golden` on `task:<id>`, which is append-only and already indexed by target.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session

from moderation.policy import Policy
from moderation.store.audit import audit
from moderation.store.models import AuditRow, DecisionRow, RecommendationRow, ReviewTaskRow, VerdictRow, utcnow
from moderation.store.recommendations import accept, open_task
from moderation.types import Recommendation

QA_DUE = timedelta(hours=24)


def sample_for_qa(session: Session, share: float, rng: random.Random, since: datetime | None = None,
                  limit: int = 10_000) -> list[ReviewTaskRow]:
    """Open a `qa_sample` task for about `share` of the auto-approved items not sampled before.

    `since` bounds the scan to recent approvals (run it periodically); `rng` is injected so a test
    or a replay gets the same sample.
    """
    if not 0.0 <= share <= 1.0:
        raise ValueError("share must lie in [0, 1]")
    sampled_or_decided = sa.or_(
        sa.select(ReviewTaskRow.id).where(ReviewTaskRow.recommendation_id == RecommendationRow.id).exists(),
        sa.select(DecisionRow.id).where(DecisionRow.recommendation_id == RecommendationRow.id).exists(),
    )
    q = (
        sa.select(RecommendationRow, VerdictRow)
        .join(VerdictRow, VerdictRow.id == RecommendationRow.latest_verdict_id)
        .where(RecommendationRow.status == "approved", VerdictRow.route == "approve", ~sampled_or_decided)
        .order_by(RecommendationRow.created_at, RecommendationRow.id)
        .limit(limit)
    )
    if since is not None:
        q = q.where(RecommendationRow.created_at >= since)
    now = utcnow()
    tasks = []
    for rec, verdict in session.execute(q):
        if rng.random() < share:
            task = ReviewTaskRow(
                recommendation_id=rec.id, verdict_id=verdict.id, reason="qa_sample", priority=0.0,
                families=[], top_code=None, max_score=max(verdict.scores.values(), default=0.0),
                merchant_tier=(rec.payload.get("merchant") or {}).get("credit_tier"),
                due_at=now + QA_DUE, created_at=now,
            )
            session.add(task)
            tasks.append(task)
    session.flush()
    if tasks:
        audit(session, "system", "qa.sample", None, share=share, tasks=[t.id for t in tasks])
    return tasks


#: Reasons whose decisions are first opinions worth double-checking.
FIRST_OPINION_REASONS = ("scan", "report", "qa_sample")


def maybe_second_review(session: Session, task: ReviewTaskRow, action: str, share: float,
                        rng: random.Random) -> ReviewTaskRow | None:
    if task.reason not in FIRST_OPINION_REASONS or action not in ("approve", "reject") or rng.random() >= share:
        return None
    now = utcnow()
    second = ReviewTaskRow(
        recommendation_id=task.recommendation_id, verdict_id=task.verdict_id, reason="second_review",
        # Below live items: agreement statistics can wait, an unlisted item cannot.
        priority=min(task.priority, 0.0) - 1.0, families=list(task.families or []), top_code=task.top_code,
        max_score=task.max_score, merchant_tier=task.merchant_tier, due_at=now + QA_DUE, created_at=now,
    )
    session.add(second)
    session.flush()
    return second


@dataclass(frozen=True)
class GoldenAnswer:
    action: str
    reason_codes: tuple[str, ...]


def plant_golden(session: Session, rec: Recommendation, answer: GoldenAnswer, policy: Policy,
                 actor: str) -> ReviewTaskRow:
    """Store a known-answer item and queue it as an ordinary-looking task."""
    row = accept(session, rec).row
    row.status = "pending_review"  # never scanned: the worker skips non-scannable rows
    task = open_task(session, row, None, None, policy, reason="golden", now=utcnow())
    session.flush()
    audit(session, actor, "qa.golden", f"task:{task.id}", expected=answer.action,
          reason_codes=list(answer.reason_codes))
    return task


def golden_answers(session: Session, task_ids: list[int]) -> dict[int, GoldenAnswer]:
    if not task_ids:
        return {}
    rows = session.scalars(
        sa.select(AuditRow).where(AuditRow.action == "qa.golden",
                                  AuditRow.target.in_([f"task:{i}" for i in task_ids]))
    )
    return {
        int(r.target.split(":", 1)[1]): GoldenAnswer(r.detail["expected"], tuple(r.detail.get("reason_codes", [])))
        for r in rows if r.target
    }
