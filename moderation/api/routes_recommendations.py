"""Publish-pipeline endpoints: submit, read state, report (口碑), list/delist."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from moderation.api.body import parse_json
from moderation.api.deps import get_services, require_scope
from moderation.api.errors import ApiError
from moderation.api.services import Services
from moderation.store import recommendations as recs
from moderation.store.audit import audit
from moderation.store.auth import TokenInfo
from moderation.types import Recommendation

router = APIRouter(prefix="/v1/recommendations", tags=["recommendations"])

RECOMMENDATION_BODY = {"requestBody": {"required": True, "content": {"application/json": {
    "schema": Recommendation.model_json_schema(ref_template="#/components/schemas/{model}")}}}}


@router.post("", status_code=202, openapi_extra=RECOMMENDATION_BODY,
             responses={200: {"description": "already accepted (same body)"}, 409: {"description": "id reused"}})
async def submit(request: Request, services: Services = Depends(get_services),
                 token: TokenInfo = Depends(require_scope("submit"))) -> JSONResponse:
    rec = await parse_json(request, Recommendation, services.settings.max_body_bytes)
    metrics = request.app.state.metrics
    try:
        with services.db.session() as s:
            accepted = recs.accept(s, rec)
            if accepted.created:
                audit(s, f"token:{token.name}", "recommendation.submit", f"recommendation:{rec.id}")
                body: dict[str, Any] = {"id": rec.id, "status": "queued"}
            else:
                body = recs.state(s, rec.id)
    except recs.IdConflict:
        metrics.submissions.labels("conflict").inc()
        raise ApiError(409, "id_conflict", f"recommendation {rec.id!r} exists with a different body") from None
    if accepted.created:
        metrics.submissions.labels("accepted").inc()
        services.kick()
        return JSONResponse(body, status_code=202)
    metrics.submissions.labels("duplicate").inc()
    return JSONResponse(body, status_code=200)


@router.get("/{rec_id}")
def get_state(rec_id: str, services: Services = Depends(get_services),
              _: TokenInfo = Depends(require_scope("read"))) -> dict[str, Any]:
    try:
        with services.db.session() as s:
            return recs.state(s, rec_id)
    except recs.NotFound:
        raise ApiError(404, "not_found", f"no recommendation {rec_id!r}") from None


class ReportIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    reason: str = Field(min_length=1, max_length=64)
    reporter: str | None = Field(default=None, max_length=128)
    note: str | None = Field(default=None, max_length=2000)


@router.post("/{rec_id}/reports", status_code=201)
async def report(rec_id: str, request: Request, services: Services = Depends(get_services),
                 _: TokenInfo = Depends(require_scope("submit"))) -> dict[str, Any]:
    body = await parse_json(request, ReportIn, 64 * 1024)
    try:
        with services.db.session() as s:
            return recs.add_report(s, rec_id, body.reporter, body.reason, body.note, services.pipeline.policy)
    except recs.NotFound:
        raise ApiError(404, "not_found", f"no recommendation {rec_id!r}") from None


@router.post("/{rec_id}/listing")
async def listing(rec_id: str, request: Request, services: Services = Depends(get_services),
                  token: TokenInfo = Depends(require_scope("submit"))) -> dict[str, Any]:
    """`{"listed": true}` once the publisher lists an approved item; `false` to delist."""

    class ListingIn(BaseModel):
        model_config = ConfigDict(extra="forbid")
        listed: bool

    body = await parse_json(request, ListingIn, 1024)
    try:
        with services.db.session() as s:
            row = recs.set_listing(s, rec_id, body.listed)
            audit(s, f"token:{token.name}", "recommendation.listing", f"recommendation:{rec_id}", listed=body.listed)
            return {"id": row.id, "status": row.status}
    except recs.NotFound:
        raise ApiError(404, "not_found", f"no recommendation {rec_id!r}") from None
    except ValueError as exc:
        raise ApiError(409, "invalid_transition", str(exc)) from None
