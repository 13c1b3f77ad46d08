"""The FastAPI application: a thin adapter that validates, authenticates and calls the core."""

from __future__ import annotations

import time

from fastapi import FastAPI, Request

from moderation.api import routes_health, routes_recommendations, routes_score
from moderation.api.errors import install_error_handlers
from moderation.api.metrics import ApiMetrics
from moderation.api.services import Services


def create_app(services: Services, with_review_ui: bool = True) -> FastAPI:
    app = FastAPI(
        title="Showcase moderation",
        version="0.1.0",
        description="Scores showcase (橱窗) recommendations for false advertising, counterfeits and "
        "微商/MLM diversion, and routes risky ones to human review.",
    )
    app.state.services = services
    app.state.metrics = ApiMetrics.create()
    install_error_handlers(app)

    @app.middleware("http")
    async def _measure(request: Request, call_next):  # type: ignore[no-untyped-def]
        t0 = time.perf_counter()
        response = await call_next(request)
        route = request.scope.get("route")
        name = getattr(route, "path", "unmatched")
        app.state.metrics.requests.labels(name, str(response.status_code)).inc()
        app.state.metrics.latency.labels(name).observe(time.perf_counter() - t0)
        return response

    app.include_router(routes_health.router)
    app.include_router(routes_score.router)
    app.include_router(routes_recommendations.router)
    for router in _optional_routers():
        app.include_router(router)
    if with_review_ui:
        from review_ui.app import mount_review_ui

        mount_review_ui(app, services)
    return app


def _optional_routers() -> list:  # type: ignore[type-arg]
    """Admin routers (brands, banks, lexicons, policies) live in their own modules."""
    from moderation.api import routes_admin

    return routes_admin.routers()
