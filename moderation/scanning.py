"""Scan stored recommendations: the work a queue worker does, independent of any queue library.

Two short transactions around the (slow) pipeline run: claim the rows, scan without holding a
database transaction open, then record the verdicts. Items that were decided meanwhile are left
alone, so a job delivered twice does no harm.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

import sqlalchemy as sa
from pydantic import ValidationError

from moderation.pipeline import Pipeline
from moderation.store import recommendations as recs
from moderation.store.db import Database
from moderation.store.models import RecommendationRow
from moderation.types import SCAN_FAMILY, Recommendation, ScanError, Signal, Verdict

log = logging.getLogger(__name__)


def _unreadable(pipeline: Pipeline, reason: str) -> Verdict:
    signal = Signal(SCAN_FAMILY, "PAYLOAD_UNREADABLE", 1.0, ScanError(reason=reason[:300]), detector="scanner")
    return pipeline.decide([signal])


def scan_ids(db: Database, pipeline: Pipeline, ids: Sequence[str], shadow: Pipeline | None = None) -> dict[str, str]:
    """Scan the given recommendation ids; returns id → new status for those scanned.

    With a `shadow` pipeline (same detectors, the shadow policy), its verdict is recorded beside
    the live one for comparison — from the same signals, so shadow mode costs no extra scanning.
    """
    with db.session() as s:
        todo = [(r.id, r.payload) for r in recs.claim_for_scan(s, ids)]
    verdicts: list[tuple[str, Verdict, Verdict | None]] = []
    parsed: list[tuple[str, Recommendation]] = []
    for rec_id, payload in todo:
        try:
            parsed.append((rec_id, Recommendation.model_validate(payload)))
        except ValidationError as exc:  # stored before a schema change: never approve blindly
            verdicts.append((rec_id, _unreadable(pipeline, str(exc)), None))
    # One batch through the detectors: a model detector scores the whole job in one forward pass.
    for (rec_id, _), signals in zip(parsed, pipeline.collect_many([r for _, r in parsed]), strict=True):
        verdicts.append((rec_id, pipeline.decide(signals), shadow.decide(signals) if shadow else None))
    with db.session() as s:
        rows = {r.id: r for r in s.scalars(sa.select(RecommendationRow).where(
            RecommendationRow.id.in_([rec_id for rec_id, _, _ in verdicts])))}
        # Items decided meanwhile (e.g. a duplicate delivery finished first) are left alone.
        live = [(rows[i], v, sv) for i, v, sv in verdicts if i in rows and rows[i].status == "scanning"]
        recs.record_verdicts(s, [(row, v) for row, v, _ in live], pipeline.policy)
        for row, _, shadow_verdict in live:
            if shadow_verdict is not None and shadow is not None:
                recs.record_shadow_verdict(s, row.id, shadow_verdict, shadow.policy)
        return {row.id: row.status for row, _, _ in live}
