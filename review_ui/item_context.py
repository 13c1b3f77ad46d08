"""Everything a reviewer needs beside the item itself: history of its author and merchant, and the
cluster of other recommendations sharing a contact (WeChat/QQ/phone) or a known-bad image.

Why a bounded window for the cluster? Contacts and hash refs live inside verdict JSON, which has no
portable index; a LIKE over the most recent `CLUSTER_WINDOW` verdicts (a primary-key range, cheap on
both backends) finds the campaigns that matter — 微商 rings post in bursts — within the page budget.
Every hit is re-checked in Python on the parsed JSON, so LIKE only has to be a superset.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from moderation.store.models import DecisionRow, RecommendationRow, UserRow, VerdictRow

CLUSTER_WINDOW = 20_000
HISTORY_LIMIT = 10
CLUSTER_LIMIT = 20


@dataclass(frozen=True)
class PastDecision:
    recommendation_id: str
    action: str
    reason_codes: list[str]
    reviewer: str | None
    created_at: str


def history(session: Session, column: sa.ColumnElement[Any], value: str | None, exclude: str
            ) -> list[PastDecision]:
    """Decisions on OTHER items by the same author (or merchant): one indexed join."""
    if not value:
        return []
    rows = session.execute(
        sa.select(DecisionRow.recommendation_id, DecisionRow.action, DecisionRow.reason_codes,
                  UserRow.username, DecisionRow.created_at)
        .join(RecommendationRow, RecommendationRow.id == DecisionRow.recommendation_id)
        .outerjoin(UserRow, UserRow.id == DecisionRow.reviewer_id)
        .where(column == value, DecisionRow.recommendation_id != exclude)
        .order_by(DecisionRow.id.desc())
        .limit(HISTORY_LIMIT)
    )
    return [PastDecision(r, a, list(c or []), u, t.strftime("%Y-%m-%d %H:%M")) for r, a, c, u, t in rows]


@dataclass(frozen=True)
class ClusterKey:
    kind: str  # contact type (wechat, qq, phone …) or "image_hash"
    value: str


@dataclass(frozen=True)
class ClusterHit:
    key: ClusterKey
    recommendation_id: str
    status: str


def cluster_keys(signals: Iterable[Mapping[str, Any]]) -> list[ClusterKey]:
    keys: list[ClusterKey] = []
    for sig in signals:
        ev = sig.get("evidence") or {}
        if ev.get("kind") == "contact" and ev.get("value"):
            keys.append(ClusterKey(str(ev.get("contact_type") or "contact"), str(ev["value"])))
        elif ev.get("kind") == "hash_match" and ev.get("ref"):
            keys.append(ClusterKey("image_hash", str(ev["ref"])))
    return list(dict.fromkeys(keys))


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _keys_in(signals: Any) -> set[ClusterKey]:
    return set(cluster_keys(s for s in signals if isinstance(s, Mapping))) if isinstance(signals, list) else set()


def cluster(session: Session, keys: list[ClusterKey], exclude: str) -> list[ClusterHit]:
    if not keys:
        return []
    newest = session.scalar(sa.select(sa.func.max(VerdictRow.id))) or 0
    as_text = sa.cast(VerdictRow.signals, sa.String)
    matches = sa.or_(*(as_text.like(f"%{_like_escape(k.value)}%", escape="\\") for k in keys))
    rows = session.execute(
        sa.select(VerdictRow.recommendation_id, VerdictRow.signals, RecommendationRow.status)
        .join(RecommendationRow, RecommendationRow.id == VerdictRow.recommendation_id)
        .where(VerdictRow.id > newest - CLUSTER_WINDOW, VerdictRow.recommendation_id != exclude, matches)
        .order_by(VerdictRow.id.desc())
        .limit(CLUSTER_LIMIT * 5)
    )
    wanted, seen, hits = set(keys), set(), []
    for rec_id, signals, status in rows:
        for key in _keys_in(signals) & wanted:
            if (key, rec_id) not in seen:
                seen.add((key, rec_id))
                hits.append(ClusterHit(key, rec_id, status))
    return hits[:CLUSTER_LIMIT]


@dataclass(frozen=True)
class PriceCheck:
    brand: str
    price: float
    floor: float
    merchant_authorized: bool | None

    @property
    def ratio(self) -> float:
        return self.price / self.floor if self.floor else 0.0


def price_checks(signals: Iterable[Mapping[str, Any]]) -> list[PriceCheck]:
    out = []
    for sig in signals:
        ev = sig.get("evidence") or {}
        if ev.get("kind") == "price_floor":
            try:
                out.append(PriceCheck(str(ev.get("brand", "")), float(ev["price"]), float(ev["floor"]),
                                      ev.get("merchant_authorized")))
            except (KeyError, TypeError, ValueError):
                continue
    return out
