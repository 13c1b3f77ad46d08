"""Liveness, readiness and metrics."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request, Response
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from moderation.api.deps import get_services
from moderation.api.services import Services

router = APIRouter(tags=["health"])


@router.get("/healthz")
def healthz() -> dict[str, str]:
    """The process is up (no dependency checks: a restart would not fix a database outage)."""
    return {"status": "ok"}


@router.get("/readyz")
def readyz(services: Services = Depends(get_services)) -> JSONResponse:
    checks = {"database": services.db.ping()}
    if services.queue_ready is not None:
        checks["queue"] = services.queue_ready()
    ok = all(checks.values())
    return JSONResponse({"status": "ready" if ok else "not_ready", "checks": checks}, status_code=200 if ok else 503)


@router.get("/metrics")
def metrics(request: Request) -> Response:
    return Response(generate_latest(request.app.state.metrics.registry), media_type=CONTENT_TYPE_LATEST)
