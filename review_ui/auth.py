"""Login and logout of staff (argon2 passwords, see `moderation.store.auth`).

A successful login issues a NEW session with a new CSRF token (no session fixation); failures are
audited, and the message never says whether the username exists.
"""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa
from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from moderation.store.audit import audit
from moderation.store.auth import authenticate
from moderation.store.models import AuditRow, utcnow
from review_ui.deps import ReviewUI, csrf_protect, get_ui, session_of
from review_ui.session import COOKIE_NAME, SessionData

router = APIRouter()


def set_session_cookie(ui: ReviewUI, request: Request, response: Response, data: SessionData) -> None:
    response.set_cookie(
        COOKIE_NAME,
        ui.codec.encode(data),
        max_age=ui.codec.max_age_seconds,
        path="/review",
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
    )


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, error: str | None = None) -> Response:
    ui = get_ui(request)
    session = session_of(request) or SessionData.fresh(None)
    response = ui.templates.TemplateResponse(
        request, "login.html", {"csrf": session.csrf, "error": error, "staff": None}
    )
    set_session_cookie(ui, request, response, session)
    return response


#: Failed logins for one username within the window before further attempts are refused.
MAX_FAILURES = 5
FAILURE_WINDOW = timedelta(minutes=15)


def recent_failures(session: Session, username: str) -> int:
    """Failed logins for `username` in the window, read from the audit log (shared by every API
    process, so the limit holds behind a load balancer too)."""
    return session.scalar(
        sa.select(sa.func.count()).select_from(AuditRow).where(
            AuditRow.action == "login.failed", AuditRow.actor == username[:64],
            AuditRow.created_at >= utcnow() - FAILURE_WINDOW)
    ) or 0


@router.post("/login", dependencies=[Depends(csrf_protect)])
def login(request: Request, username: str = Form(..., max_length=64),
          password: str = Form(..., max_length=256)) -> Response:
    ui = get_ui(request)
    with ui.services.db.session() as s:
        if recent_failures(s, username) >= MAX_FAILURES:
            audit(s, username[:64], "login.throttled", None)
            throttled = True
        else:
            throttled = False
    if throttled:
        response = login_form(request, error="Too many failed attempts. Try again in 15 minutes.")
        response.status_code = 429
        return response
    with ui.services.db.session() as s:
        user = authenticate(s, username, password)
        if user is None:
            audit(s, username[:64], "login.failed", None)
        else:
            audit(s, user.username, "login", f"user:{user.id}")
            user_id = user.id
    if user is None:
        return login_form(request, error="Wrong username or password.")
    response = RedirectResponse("/review/", status_code=303)
    set_session_cookie(ui, request, response, SessionData.fresh(user_id))
    return response


@router.post("/logout", dependencies=[Depends(csrf_protect)])
def logout(request: Request) -> Response:
    response = RedirectResponse("/review/login", status_code=303)
    response.delete_cookie(COOKIE_NAME, path="/review")
    return response
