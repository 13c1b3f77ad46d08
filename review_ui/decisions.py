"""Deciding a task: approve / reject with reason codes / escalate, via the audited store function.

After a decision the reviewer lands on the next item directly (keyboard flow), unless they asked
for the queue. A possible second review is opened in the same transaction as the decision.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from moderation.store import review
from moderation.store.models import ReviewTaskRow, UserRow
from review_ui import qa, queue
from review_ui.deps import Staff, csrf_protect, current_staff, get_ui
from review_ui.errors import ReviewError

router = APIRouter()


@router.post("/tasks/{task_id}/decide", dependencies=[Depends(csrf_protect)])
def decide(request: Request, task_id: int, action: str = Form(...), codes: list[str] = Form(default=[]),
           note: str = Form("", max_length=2000), then: str = Form("next"),
           staff: Staff = Depends(current_staff)) -> Response:
    ui = get_ui(request)
    if action not in review.ACTIONS:
        raise ReviewError(400, "Unknown action.")
    unknown = [c for c in codes if not ui.reasons.known(c)]
    if unknown:
        raise ReviewError(400, "Unknown reason code.")
    if action == "reject" and not codes:
        raise ReviewError(400, "A rejection needs at least one reason code (keys 1-9).")
    with ui.services.db.session() as s:
        user = s.get(UserRow, staff.id)
        assert user is not None
        try:
            review.decide(s, task_id, user, action, list(dict.fromkeys(codes)), note.strip() or None)
        except review.LeaseLost:
            raise ReviewError(409, "Your lease on this item expired or was never taken; it went back to "
                                   "the queue. Claim it again to decide.") from None
        task = s.get(ReviewTaskRow, task_id)
        assert task is not None
        qa.maybe_second_review(s, task, action, ui.config.second_review_share, ui.rng)
    if then != "next":
        return RedirectResponse("/review/", status_code=303)
    with ui.services.db.session() as s:
        nxt = queue.claim_next(s, queue.Reviewer(staff.id, staff.role), ui.lease_seconds, review.QueueFilter())
    return RedirectResponse(f"/review/tasks/{nxt.id}" if nxt else "/review/?msg=empty", status_code=303)
