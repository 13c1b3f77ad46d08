"""The item page: the recommendation with its evidence in place, and the context to judge it."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from moderation.store.models import DecisionRow, RecommendationRow, ReviewTaskRow, UserRow, VerdictRow, utcnow
from review_ui import highlight, images, item_context
from review_ui.deps import Staff, current_staff, get_ui
from review_ui.errors import ReviewError
from review_ui.pages import render
from review_ui.queue import lease_live

router = APIRouter()


def check_may_view(session: Session, staff: Staff, task: ReviewTaskRow) -> None:
    if task.reason == "escalated" and not staff.is_senior:
        raise ReviewError(403, "Escalated items are for the policy team.")
    if task.reason == "second_review" and task.state == "open":
        decided = session.scalar(
            sa.select(DecisionRow.id).where(DecisionRow.recommendation_id == task.recommendation_id,
                                            DecisionRow.reviewer_id == staff.id).limit(1)
        )
        if decided is not None:
            raise ReviewError(403, "A second review must come from another reviewer.")


def prior_decisions(session: Session, task: ReviewTaskRow) -> list[dict[str, Any]]:
    """Earlier decisions on this item — withheld from a second reviewer, whose view must be independent."""
    if task.reason == "second_review" and task.state == "open":
        return []
    rows = session.execute(
        sa.select(DecisionRow, UserRow.username)
        .outerjoin(UserRow, UserRow.id == DecisionRow.reviewer_id)
        .where(DecisionRow.recommendation_id == task.recommendation_id)
        .order_by(DecisionRow.id)
    )
    return [{"action": d.action, "codes": d.reason_codes, "note": d.note, "by": name,
             "at": d.created_at.strftime("%Y-%m-%d %H:%M")} for d, name in rows]


@router.get("/tasks/{task_id}")
def item_page(request: Request, task_id: int, staff: Staff = Depends(current_staff)) -> Response:
    ui = get_ui(request)
    with ui.services.db.session() as s:
        task = s.get(ReviewTaskRow, task_id)
        if task is None:
            raise ReviewError(404, "No such task.")
        check_may_view(s, staff, task)
        rec = s.get(RecommendationRow, task.recommendation_id)
        assert rec is not None
        verdict_id = task.verdict_id or rec.latest_verdict_id
        verdict = s.get(VerdictRow, verdict_id) if verdict_id else None
        signals = [sig for sig in (verdict.signals if verdict else []) if isinstance(sig, dict)]
        payload: dict[str, Any] = rec.payload if isinstance(rec.payload, dict) else {}
        product = payload.get("product") or {}
        fields = {"text": str(payload.get("text", ""))}
        if product.get("title"):
            fields["product.title"] = str(product["title"])
        marks, unplaced = highlight.marks_from_signals(signals, fields)
        text_fields = {name: highlight.segments(value, [m for m in marks if m.field == name])
                       for name, value in fields.items()}
        holder = s.get(UserRow, task.claimed_by) if task.claimed_by else None
        now = utcnow()
        mine = lease_live(task, now) and task.claimed_by == staff.id and task.state == "open"
        ctx = dict(
            task=task, rec=rec, payload=payload, product=product, author=payload.get("author") or {},
            merchant=payload.get("merchant") or {}, verdict=verdict, signals=signals,
            text_fields=text_fields, unplaced=unplaced,
            shown_images=images.shown_images([i for i in payload.get("images") or [] if isinstance(i, dict)],
                                             signals),
            price_checks=item_context.price_checks(signals),
            author_history=item_context.history(s, RecommendationRow.author_id, rec.author_id, rec.id),
            merchant_history=item_context.history(s, RecommendationRow.merchant_id, rec.merchant_id, rec.id),
            cluster=item_context.cluster(s, item_context.cluster_keys(signals), rec.id),
            decisions=prior_decisions(s, task),
            reason_codes=ui.reasons.for_families(task.families or [], [str(x.get("code")) for x in signals])[:9],
            all_codes=ui.reasons.codes,
            holder=holder.username if holder and lease_live(task, now) else None,
            mine=mine,
            lease_expires=task.lease_expires_at.isoformat() if mine and task.lease_expires_at else "",
            # Golden items must look like any other scan task, or reviewers would treat them specially.
            shown_reason="scan" if task.reason == "golden" else task.reason,
        )
    return render(request, "item.html", staff, **ctx)
