"""Login and logout of staff (argon2 passwords, see `moderation.store.auth`).

A successful login issues a NEW session with a new CSRF token (no session fixation); failures are
audited, and the message never says whether the username exists.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from moderation.store.audit import audit
from moderation.store.auth import authenticate
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


@router.post("/login", dependencies=[Depends(csrf_protect)])
def login(request: Request, username: str = Form(..., max_length=64),
          password: str = Form(..., max_length=256)) -> Response:
    ui = get_ui(request)
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
