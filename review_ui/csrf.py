"""CSRF protection: every state-changing request must echo the session's secret token.

A per-session token (synchroniser pattern) rather than a double-submit cookie: the token lives
inside the signed session cookie, so an attacker who can plant cookies on a sibling subdomain still
cannot forge a matching pair. Forms send it as the `csrf` field, scripts as `X-CSRF-Token`.
SameSite=Lax on the cookie is the second layer, not the only one.
"""

from __future__ import annotations

import hmac

from fastapi import HTTPException, Request

from review_ui.session import SessionData

FORM_FIELD = "csrf"
HEADER = "X-CSRF-Token"


async def submitted_token(request: Request) -> str:
    header = request.headers.get(HEADER)
    if header:
        return header
    content_type = request.headers.get("content-type", "")
    if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        form = await request.form()
        value = form.get(FORM_FIELD)
        return value if isinstance(value, str) else ""
    return ""


async def check_csrf(request: Request, session: SessionData | None) -> None:
    """Raise 403 unless the request carries the session's token (constant-time comparison)."""
    token = await submitted_token(request)
    if session is None or not token or not hmac.compare_digest(token, session.csrf):
        raise HTTPException(status_code=403, detail="CSRF token missing or invalid")
