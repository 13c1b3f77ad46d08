"""Pages for the policy team and admins: reviewer statistics, QA sampling, the audit log."""

from __future__ import annotations

import sqlalchemy as sa
from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from moderation.store.models import AuditRow
from review_ui import qa, stats
from review_ui.deps import Staff, csrf_protect, get_ui, require_role
from review_ui.pages import render

router = APIRouter()
senior = require_role("policy", "admin")
admin_only = require_role("admin")


@router.get("/stats")
def stats_page(request: Request, days: int = 30, staff: Staff = Depends(senior)) -> Response:
    since = stats.default_since(max(1, min(days, 365)))
    with get_ui(request).services.db.session() as s:
        pairs = stats.review_pairs(s, since)
        ctx = dict(
            days=days,
            throughput=stats.throughput(s, since),
            handling=stats.handling_by_family(s, since),
            by_reviewer=stats.agreement_by_reviewer(pairs),
            by_family=stats.agreement_by_family(pairs),
            golden=stats.golden_accuracy(s, since),
            pair_count=len(pairs),
        )
    return render(request, "stats.html", staff, **ctx)


@router.post("/qa/sample", dependencies=[Depends(csrf_protect)])
def qa_sample(request: Request, staff: Staff = Depends(senior)) -> Response:
    ui = get_ui(request)
    with ui.services.db.session() as s:
        tasks = qa.sample_for_qa(s, ui.config.qa_share, ui.rng, since=stats.default_since(7))
    return RedirectResponse(f"/review/stats?sampled={len(tasks)}", status_code=303)


@router.get("/audit")
def audit_page(request: Request, before: int | None = None, staff: Staff = Depends(admin_only)) -> Response:
    q = sa.select(AuditRow).order_by(AuditRow.id.desc()).limit(100)
    if before is not None:
        q = q.where(AuditRow.id < before)
    with get_ui(request).services.db.session() as s:
        rows = list(s.scalars(q))
    return render(request, "audit.html", staff, rows=rows)
