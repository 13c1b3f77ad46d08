"""The queue page and the claim actions (claim one, claim next, release)."""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from moderation.store import review
from review_ui import queue
from review_ui.deps import Staff, csrf_protect, current_staff, get_ui
from review_ui.errors import ReviewError
from review_ui.pages import render

router = APIRouter()

TIERS = ("A", "B", "C", "D")
FAMILIES = ("false_ad", "counterfeit", "mlm")


def reviewer(staff: Staff) -> queue.Reviewer:
    return queue.Reviewer(staff.id, staff.role)


def queue_filter(family: str | None, code: str | None, tier: str | None) -> review.QueueFilter:
    return review.QueueFilter(
        family=family if family in FAMILIES else None,
        code=(code or "").strip()[:64] or None,
        merchant_tier=tier if tier in TIERS else None,
    )


@router.get("/")
def queue_page(request: Request, family: str | None = None, code: str | None = None, tier: str | None = None,
               page: int = 1, msg: str | None = None, staff: Staff = Depends(current_staff)) -> Response:
    ui = get_ui(request)
    flt = queue_filter(family, code, tier)
    page = max(1, min(page, 10_000))
    size = ui.config.page_size
    with ui.services.db.session() as s:
        rows = queue.queue_page(s, reviewer(staff), flt, size, (page - 1) * size)
        total = queue.count_open(s, reviewer(staff), flt)
    filters = {k: v for k, v in (("family", flt.family), ("code", flt.code), ("tier", flt.merchant_tier)) if v}
    return render(request, "queue.html", staff, rows=rows, total=total, page=page, size=size, flt=flt,
                  filters=filters, filter_qs=urlencode(filters), count_cap=queue.COUNT_CAP, tiers=TIERS,
                  families=FAMILIES, codes=[c.code for c in ui.reasons.codes], msg=msg)


@router.post("/tasks/{task_id}/claim", dependencies=[Depends(csrf_protect)])
def claim(request: Request, task_id: int, staff: Staff = Depends(current_staff)) -> Response:
    ui = get_ui(request)
    with ui.services.db.session() as s:
        ok = queue.claim_task(s, reviewer(staff), task_id, ui.lease_seconds)
    if not ok:
        raise ReviewError(409, "Someone else holds this item, or it is closed. Pick another one.")
    return RedirectResponse(f"/review/tasks/{task_id}", status_code=303)


@router.post("/next", dependencies=[Depends(csrf_protect)])
def claim_next(request: Request, family: str | None = Form(None), code: str | None = Form(None),
               tier: str | None = Form(None), skip: int | None = Form(None),
               staff: Staff = Depends(current_staff)) -> Response:
    """"Next item": releases the item being skipped (others may take it) and claims the next one."""
    ui = get_ui(request)
    flt = queue_filter(family, code, tier)
    with ui.services.db.session() as s:
        if skip is not None:
            review.release(s, skip, staff.id)
        task = queue.claim_next(s, reviewer(staff), ui.lease_seconds, flt, skip=[skip] if skip else ())
    if task is None:
        qs = urlencode({**{k: v for k, v in (("family", flt.family), ("code", flt.code),
                                              ("tier", flt.merchant_tier)) if v}, "msg": "empty"})
        return RedirectResponse(f"/review/?{qs}", status_code=303)
    return RedirectResponse(f"/review/tasks/{task.id}", status_code=303)


@router.post("/tasks/{task_id}/release", dependencies=[Depends(csrf_protect)])
def release(request: Request, task_id: int, staff: Staff = Depends(current_staff)) -> Response:
    with get_ui(request).services.db.session() as s:
        review.release(s, task_id, staff.id)
    return RedirectResponse("/review/", status_code=303)
