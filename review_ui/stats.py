"""Reviewer statistics: throughput, handling time, agreement (Cohen's kappa) and golden accuracy.

Kappa, not raw agreement: most items are approved, so two reviewers who both approve everything
agree 90% of the time while knowing nothing; kappa discounts the agreement expected by chance.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session

from moderation.store.models import DecisionRow, ReviewTaskRow, UserRow, utcnow
from review_ui.qa import golden_answers


def cohens_kappa(pairs: Sequence[tuple[str, str]]) -> float | None:
    """Cohen's kappa of two raters over `pairs` of labels; None when undefined (no pairs).

    When chance agreement is already 1 (both raters used one and the same label throughout), the
    raters agree perfectly and trivially: we report 1.0 rather than dividing by zero.
    """
    n = len(pairs)
    if n == 0:
        return None
    observed = sum(a == b for a, b in pairs) / n
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(first[label] * second[label] for label in first.keys() | second.keys()) / (n * n)
    if expected >= 1.0:
        return 1.0
    return (observed - expected) / (1.0 - expected)


@dataclass(frozen=True)
class Agreement:
    key: str
    pairs: int
    kappa: float | None
    raw: float


def _agreement(key: str, pairs: list[tuple[str, str]]) -> Agreement:
    raw = sum(a == b for a, b in pairs) / len(pairs) if pairs else 0.0
    return Agreement(key, len(pairs), cohens_kappa(pairs), raw)


@dataclass(frozen=True)
class ReviewPair:
    """A first decision and the independent second review of the same item."""

    first_reviewer: str
    second_reviewer: str
    families: tuple[str, ...]
    first: str
    second: str


def review_pairs(session: Session, since: datetime) -> list[ReviewPair]:
    seconds = session.execute(
        sa.select(DecisionRow, ReviewTaskRow.families, UserRow.username)
        .join(ReviewTaskRow, ReviewTaskRow.id == DecisionRow.task_id)
        .join(UserRow, UserRow.id == DecisionRow.reviewer_id)
        .where(ReviewTaskRow.reason == "second_review", DecisionRow.created_at >= since,
               DecisionRow.action.in_(("approve", "reject")))
    ).all()
    rec_ids = {d.recommendation_id for d, _, _ in seconds}
    firsts: dict[str, list[tuple[DecisionRow, str]]] = defaultdict(list)
    if rec_ids:
        for d, name in session.execute(
            sa.select(DecisionRow, UserRow.username)
            .join(ReviewTaskRow, ReviewTaskRow.id == DecisionRow.task_id)
            .join(UserRow, UserRow.id == DecisionRow.reviewer_id)
            .where(DecisionRow.recommendation_id.in_(rec_ids), ReviewTaskRow.reason != "second_review",
                   DecisionRow.action.in_(("approve", "reject")))
            .order_by(DecisionRow.id)
        ):
            firsts[d.recommendation_id].append((d, name))
    pairs = []
    for d2, families, name2 in seconds:
        earlier = [(d, n) for d, n in firsts[d2.recommendation_id] if d.id < d2.id and d.reviewer_id != d2.reviewer_id]
        if earlier:
            d1, name1 = earlier[-1]
            pairs.append(ReviewPair(name1, name2, tuple(families or ()) or ("none",), d1.action, d2.action))
    return pairs


def agreement_by_reviewer(pairs: Iterable[ReviewPair]) -> list[Agreement]:
    groups: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for p in pairs:
        groups[p.first_reviewer].append((p.first, p.second))
        groups[p.second_reviewer].append((p.first, p.second))
    return [_agreement(k, v) for k, v in sorted(groups.items())]


def agreement_by_family(pairs: Iterable[ReviewPair]) -> list[Agreement]:
    groups: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for p in pairs:
        for fam in p.families:
            groups[fam].append((p.first, p.second))
    return [_agreement(k, v) for k, v in sorted(groups.items())]


@dataclass(frozen=True)
class Throughput:
    reviewer: str
    decisions: int
    active_hours: int
    per_hour: float


def throughput(session: Session, since: datetime) -> list[Throughput]:
    """Items per ACTIVE hour (clock hours with at least one decision), so a shift's breaks and the
    night do not dilute the figure."""
    rows = session.execute(
        sa.select(UserRow.username, DecisionRow.created_at)
        .join(UserRow, UserRow.id == DecisionRow.reviewer_id)
        .where(DecisionRow.created_at >= since)
    )
    hours: dict[str, set[str]] = defaultdict(set)
    counts: Counter[str] = Counter()
    for name, at in rows:
        hours[name].add(at.strftime("%Y%m%d%H"))
        counts[name] += 1
    return [Throughput(n, c, len(hours[n]), c / max(len(hours[n]), 1)) for n, c in sorted(counts.items())]


@dataclass(frozen=True)
class Handling:
    family: str
    decisions: int
    median_seconds: float


def handling_by_family(session: Session, since: datetime) -> list[Handling]:
    rows = session.execute(
        sa.select(ReviewTaskRow.families, DecisionRow.handling_seconds)
        .join(ReviewTaskRow, ReviewTaskRow.id == DecisionRow.task_id)
        .where(DecisionRow.created_at >= since, DecisionRow.handling_seconds.is_not(None))
    )
    groups: dict[str, list[float]] = defaultdict(list)
    for families, seconds in rows:
        for fam in families or ["none"]:
            groups[fam].append(float(seconds))
    return [Handling(f, len(v), statistics.median(v)) for f, v in sorted(groups.items())]


@dataclass(frozen=True)
class GoldenScore:
    reviewer: str
    answered: int
    correct: int

    @property
    def accuracy(self) -> float:
        return self.correct / self.answered if self.answered else 0.0


def golden_accuracy(session: Session, since: datetime) -> list[GoldenScore]:
    """A golden answer is correct when the action matches and, for a rejection, the reviewer cited
    at least one of the expected reason codes."""
    rows = session.execute(
        sa.select(DecisionRow, UserRow.username)
        .join(ReviewTaskRow, ReviewTaskRow.id == DecisionRow.task_id)
        .join(UserRow, UserRow.id == DecisionRow.reviewer_id)
        .where(ReviewTaskRow.reason == "golden", DecisionRow.created_at >= since)
    ).all()
    answers = golden_answers(session, [d.task_id for d, _ in rows if d.task_id is not None])
    answered: Counter[str] = Counter()
    correct: Counter[str] = Counter()
    for d, name in rows:
        expected = answers.get(d.task_id or -1)
        if expected is None:
            continue
        answered[name] += 1
        codes_ok = expected.action != "reject" or bool(set(expected.reason_codes) & set(d.reason_codes or []))
        correct[name] += int(d.action == expected.action and codes_ok)
    return [GoldenScore(n, answered[n], correct[n]) for n in sorted(answered)]


def default_since(days: int = 30) -> datetime:
    return utcnow() - timedelta(days=days)
