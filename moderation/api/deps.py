"""FastAPI dependencies: services and scoped bearer-token auth."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import Depends, Request

from moderation.api.errors import ApiError
from moderation.api.services import Services
from moderation.store.auth import TokenInfo, verify_token


def get_services(request: Request) -> Services:
    return request.app.state.services


def require_scope(scope: str) -> Callable[..., TokenInfo]:
    """Dependency: a valid bearer token carrying `scope` (or `admin`, which implies all)."""

    def dependency(request: Request, services: Services = Depends(get_services)) -> TokenInfo:
        header = request.headers.get("authorization", "")
        kind, _, token = header.partition(" ")
        if kind.lower() != "bearer" or not token.strip():
            raise ApiError(401, "unauthorized", "missing bearer token", headers={"WWW-Authenticate": "Bearer"})
        with services.db.session() as s:
            info = verify_token(s, token.strip())
        if info is None:
            raise ApiError(401, "unauthorized", "invalid or revoked token", headers={"WWW-Authenticate": "Bearer"})
        if scope not in info.scopes and "admin" not in info.scopes:
            raise ApiError(403, "forbidden", f"token lacks scope {scope!r}")
        return info

    return dependency
