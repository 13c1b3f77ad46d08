"""`POST /v1/score`: synchronous scoring, nothing stored."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from starlette.concurrency import run_in_threadpool

from moderation.api.body import parse_json
from moderation.api.deps import get_services, require_scope
from moderation.api.routes_recommendations import RECOMMENDATION_BODY
from moderation.api.services import Services
from moderation.store.auth import TokenInfo
from moderation.types import Recommendation

router = APIRouter(tags=["scoring"])


@router.post("/v1/score", openapi_extra=RECOMMENDATION_BODY)
async def score(request: Request, services: Services = Depends(get_services),
                _: TokenInfo = Depends(require_scope("score"))) -> dict[str, Any]:
    rec = await parse_json(request, Recommendation, services.settings.max_body_bytes)
    # Text-only scans take a few milliseconds (the text model at batch 1 dominates): run inline,
    # a thread hop would cost about as much. Images mean network and decode work, which must not
    # block the event loop.
    verdict = services.pipeline.scan(rec) if not rec.images else await run_in_threadpool(services.pipeline.scan, rec)
    request.app.state.metrics.scores.labels(verdict.route.value).inc()
    return verdict.to_dict()
