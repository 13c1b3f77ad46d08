"""FastAPI dependencies: services and scoped bearer-token auth."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import Depends, Request
from starlette.concurrency import run_in_threadpool

from moderation.api.errors import ApiError
from moderation.api.services import Services
from moderation.store.auth import TokenInfo, verify_token


async def get_services(request: Request) -> Services:
    # async on purpose: FastAPI runs a plain `def` dependency on a worker thread, a hop that costs
    # more than this attribute lookup.
    return request.app.state.services


def require_scope(scope: str) -> Callable[..., TokenInfo]:
    """Dependency: a valid bearer token carrying `scope` (or `admin`, which implies all)."""

    async def dependency(request: Request, services: Services = Depends(get_services)) -> TokenInfo:
        header = request.headers.get("authorization", "")
        kind, _, token = header.partition(" ")
        token = token.strip()
        if kind.lower() != "bearer" or not token:
            raise ApiError(401, "unauthorized", "missing bearer token", headers={"WWW-Authenticate": "Bearer"})
        info = services.tokens.get(token)
        if info is None:
            info = await run_in_threadpool(_lookup, services, token)
            if info is not None:
                services.tokens.put(token, info)
        if info is None:
            raise ApiError(401, "unauthorized", "invalid or revoked token", headers={"WWW-Authenticate": "Bearer"})
        if scope not in info.scopes and "admin" not in info.scopes:
            raise ApiError(403, "forbidden", f"token lacks scope {scope!r}")
        return info

    return dependency


def _lookup(services: Services, token: str) -> TokenInfo | None:
    with services.db.session() as s:
        return verify_token(s, token)
