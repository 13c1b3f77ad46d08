"""Scan stored recommendations: the work a queue worker does, independent of any queue library.

Two short transactions around the (slow) pipeline run: claim the rows, scan without holding a
database transaction open, then record the verdicts. Items that were decided meanwhile are left
alone, so a job delivered twice does no harm.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from pydantic import ValidationError

from moderation.pipeline import Pipeline
from moderation.store import recommendations as recs
from moderation.store.db import Database
from moderation.store.models import RecommendationRow
from moderation.types import SCAN_FAMILY, Recommendation, Route, ScanError, Signal, Verdict

log = logging.getLogger(__name__)


def _unreadable(pipeline: Pipeline, reason: str) -> Verdict:
    signal = Signal(SCAN_FAMILY, "PAYLOAD_UNREADABLE", 1.0, ScanError(reason=reason[:300]), detector="scanner")
    return pipeline.decide([signal])


def scan_ids(db: Database, pipeline: Pipeline, ids: Sequence[str]) -> dict[str, str]:
    """Scan the given recommendation ids; returns id → new status for those scanned."""
    with db.session() as s:
        todo = [(r.id, r.payload) for r in recs.claim_for_scan(s, ids)]
    verdicts: list[tuple[str, Verdict]] = []
    for rec_id, payload in todo:
        try:
            verdict = pipeline.scan(Recommendation.model_validate(payload))
        except ValidationError as exc:  # stored before a schema change: never approve blindly
            verdict = _unreadable(pipeline, str(exc))
        verdicts.append((rec_id, verdict))
    statuses: dict[str, str] = {}
    with db.session() as s:
        for rec_id, verdict in verdicts:
            row = s.get(RecommendationRow, rec_id)
            if row is None or row.status != "scanning":
                continue
            recs.record_verdict(s, row, verdict, pipeline.policy)
            statuses[rec_id] = row.status
    for rec_id, verdict in verdicts:
        if verdict.route is not Route.APPROVE:
            log.debug("%s → %s %s", rec_id, verdict.route, verdict.reasons)
    return statuses
