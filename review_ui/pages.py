"""Rendering a page: every template gets the staff member, the CSRF token and the reason catalogue."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import Response

from moderation.store.models import utcnow
from review_ui.deps import Staff, get_ui


def render(request: Request, template: str, staff: Staff | None, status_code: int = 200, **context: Any) -> Response:
    ui = get_ui(request)
    ctx = {"staff": staff, "csrf": staff.session.csrf if staff else "", "lease_seconds": ui.lease_seconds,
           "now": utcnow(), **context}
    response = ui.templates.TemplateResponse(request, template, ctx, status_code=status_code)
    # Staff pages show user content and personal data: never cache them, never frame them.
    response.headers["Cache-Control"] = "no-store"
    return response
