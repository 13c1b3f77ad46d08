"""Which open tasks a given reviewer may see and claim, on top of `moderation.store.review`.

The store knows leases; this module adds the review-workflow rules that depend on WHO asks:
- `escalated` tasks form the senior queue: only policy/admin see them;
- a `second_review` task is never offered to anyone who already decided that item, or the
  agreement statistics would compare a reviewer with themself.
Claims still go through `store.review.claim` (one conditional UPDATE), so exclusivity is the store's.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from moderation.store import review
from moderation.store.models import DecisionRow, RecommendationRow, ReviewTaskRow, UserRow, utcnow


@dataclass(frozen=True)
class Reviewer:
    id: int
    role: str


def visible_tasks(reviewer: Reviewer, flt: review.QueueFilter) -> sa.Select[tuple[ReviewTaskRow]]:
    """Open tasks in queue order (priority, then SLA due time) that `reviewer` may work on."""
    q = review.open_tasks(flt)
    if reviewer.role == "moderator":
        q = q.where(ReviewTaskRow.reason != "escalated")
    already_decided = (
        sa.select(DecisionRow.id)
        .where(DecisionRow.recommendation_id == ReviewTaskRow.recommendation_id,
               DecisionRow.reviewer_id == reviewer.id)
        .exists()
    )
    return q.where(sa.or_(ReviewTaskRow.reason != "second_review", ~already_decided))


@dataclass(frozen=True)
class QueueRow:
    task: ReviewTaskRow
    author_name: str | None
    followers: int
    claimed_by_name: str | None
    lease_live: bool


def queue_page(session: Session, reviewer: Reviewer, flt: review.QueueFilter, limit: int, offset: int
               ) -> list[QueueRow]:
    """One page of the queue with author and claimant names: three queries, whatever the page size."""
    tasks = list(session.scalars(visible_tasks(reviewer, flt).limit(limit).offset(offset)))
    rec_ids = {t.recommendation_id for t in tasks}
    user_ids = {t.claimed_by for t in tasks if t.claimed_by is not None}
    # The author's name is read inside the database: payloads can carry megabytes of inline images.
    authors: dict[str, tuple[str | None, int]] = {
        rid: (name, followers or 0)
        for rid, name, followers in session.execute(
            sa.select(RecommendationRow.id, RecommendationRow.payload["author"]["name"].as_string(),
                      RecommendationRow.author_followers).where(RecommendationRow.id.in_(rec_ids))
        )
    } if rec_ids else {}
    names = dict(session.execute(
        sa.select(UserRow.id, UserRow.username).where(UserRow.id.in_(user_ids))
    ).all()) if user_ids else {}
    now = utcnow()
    return [
        QueueRow(
            task=t,
            author_name=authors.get(t.recommendation_id, (None, 0))[0],
            followers=authors.get(t.recommendation_id, (None, 0))[1],
            claimed_by_name=names.get(t.claimed_by) if t.claimed_by is not None else None,
            lease_live=lease_live(t, now),
        )
        for t in tasks
    ]


#: The queue header counts up to this many items and then shows "1,000+": an exact count of a
#: 100k backlog costs a full scan on every page view, and nobody acts on the exact figure.
COUNT_CAP = 1_000


def count_open(session: Session, reviewer: Reviewer, flt: review.QueueFilter) -> int:
    """Open visible tasks, capped at COUNT_CAP + 1 (a bounded scan whatever the backlog)."""
    capped = visible_tasks(reviewer, flt).order_by(None).with_only_columns(ReviewTaskRow.id).limit(COUNT_CAP + 1)
    return int(session.scalar(sa.select(sa.func.count()).select_from(capped.subquery())) or 0)


def lease_live(task: ReviewTaskRow, now: datetime) -> bool:
    return task.claimed_by is not None and task.lease_expires_at is not None and task.lease_expires_at >= now


def may_work_on(session: Session, reviewer: Reviewer, task_id: int) -> bool:
    q = visible_tasks(reviewer, review.QueueFilter()).where(ReviewTaskRow.id == task_id).order_by(None)
    return session.scalar(q.with_only_columns(ReviewTaskRow.id)) is not None


def claim_task(session: Session, reviewer: Reviewer, task_id: int, lease_seconds: int) -> bool:
    """Claim or renew one task; False when it is closed, held by someone else, or not for this reviewer."""
    return may_work_on(session, reviewer, task_id) and review.claim(session, task_id, reviewer.id, lease_seconds)


def claim_next(session: Session, reviewer: Reviewer, lease_seconds: int, flt: review.QueueFilter,
               skip: Collection[int] = ()) -> ReviewTaskRow | None:
    """The reviewer's own live claim first (a reload must not hand out a second item), then the
    highest-priority task nobody holds. `skip` lets "next item" move past the current one."""
    now = utcnow()
    base = visible_tasks(reviewer, flt)
    if skip:
        base = base.where(ReviewTaskRow.id.not_in(list(skip)))
    mine = session.scalars(
        base.where(ReviewTaskRow.claimed_by == reviewer.id, ReviewTaskRow.lease_expires_at >= now).limit(1)
    ).first()
    if mine is not None:
        return mine
    free = sa.or_(ReviewTaskRow.claimed_by.is_(None), ReviewTaskRow.lease_expires_at < now)
    # A few candidates, not one: a competing reviewer may win the race for the first.
    for task_id in list(session.scalars(base.where(free).with_only_columns(ReviewTaskRow.id).limit(20))):
        if review.claim(session, task_id, reviewer.id, lease_seconds):
            return session.get(ReviewTaskRow, task_id, populate_existing=True)
    return None
