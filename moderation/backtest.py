"""Backtest a candidate policy against past verdicts and human decisions.

Why replay scores rather than re-scan? Verdicts store every family score, so a threshold change can
be evaluated over a million past items in seconds; a lexicon or detector change needs a re-scan
(`moderation eval` on labelled data) instead.
"""

from __future__ import annotations

import statistics
from dataclasses import asdict, dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from moderation.policy import Policy, compare
from moderation.store.models import DecisionRow, RecommendationRow, VerdictRow
from moderation.types import Route


@dataclass(frozen=True)
class BacktestReport:
    live_version: str
    candidate_version: str
    items: int
    changed: int
    transitions: dict[str, int]
    routes_live: dict[str, int]
    routes_candidate: dict[str, int]
    #: items humans rejected that the candidate would auto-approve (misses)
    rejected_but_approved: int
    #: items humans approved that the candidate would still send to review/reject (extra work)
    approved_but_flagged: int
    median_handling_seconds: float | None
    review_hours_live: float | None
    review_hours_candidate: float | None
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def backtest(session: Session, live: Policy, candidate: Policy, limit: int = 50_000) -> BacktestReport:
    rows = session.execute(
        sa.select(VerdictRow.recommendation_id, VerdictRow.scores, VerdictRow.complete)
        .join(RecommendationRow, RecommendationRow.latest_verdict_id == VerdictRow.id)
        .order_by(VerdictRow.id.desc())
        .limit(limit)
    ).all()
    human = dict(session.execute(
        sa.select(DecisionRow.recommendation_id, DecisionRow.action).where(DecisionRow.action != "escalate")
    ).all())
    handling = [h for (h,) in session.execute(
        sa.select(DecisionRow.handling_seconds).where(DecisionRow.handling_seconds.is_not(None)).limit(10_000))]
    routes_live: dict[str, int] = {r.value: 0 for r in Route}
    routes_cand: dict[str, int] = {r.value: 0 for r in Route}
    missed = extra = 0
    for rec_id, scores, complete in rows:
        a, _ = live.route(scores, complete)
        b, _ = candidate.route(scores, complete)
        routes_live[a.value] += 1
        routes_cand[b.value] += 1
        if human.get(rec_id) == "reject" and b is Route.APPROVE:
            missed += 1
        if human.get(rec_id) == "approve" and b is not Route.APPROVE:
            extra += 1
    comparison = compare(live, candidate, ((s, c) for _, s, c in rows))
    median = statistics.median(handling) if handling else None
    notes = [] if handling else ["no decisions with handling time yet: reviewer-hours unknown"]
    return BacktestReport(
        live_version=live.version,
        candidate_version=candidate.version,
        items=len(rows),
        changed=comparison.changed,
        transitions=comparison.transitions,
        routes_live=routes_live,
        routes_candidate=routes_cand,
        rejected_but_approved=missed,
        approved_but_flagged=extra,
        median_handling_seconds=median,
        review_hours_live=routes_live["review"] * median / 3600 if median else None,
        review_hours_candidate=routes_cand["review"] * median / 3600 if median else None,
        notes=notes,
    )
