"""Policy-team endpoints: brand registry, policies (draft → shadow → live, rollback), backtests.

Every write creates a new version of the resource (see `moderation.store.resources`) and tells the
process to rebuild its pipeline; workers notice the new version on their next job.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, ConfigDict, Field

from moderation.api.body import parse_json
from moderation.api.deps import get_services, require_scope
from moderation.api.errors import ApiError
from moderation.api.services import Services
from moderation.backtest import backtest
from moderation.brands import Brand, BrandRegistry, decode_logo
from moderation.policy import Policy
from moderation.store import resources
from moderation.store.auth import TokenInfo

brands_router = APIRouter(prefix="/v1/brands", tags=["brands"])
policies_router = APIRouter(prefix="/v1/policies", tags=["policies"])

MAX_ADMIN_BODY = 8 * 1024 * 1024


class LogoIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    data: str = Field(min_length=1, max_length=4_000_000)


class BrandIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    brand: str = Field(min_length=1, max_length=128)
    aliases: list[str] = Field(default_factory=list, max_length=100)
    category: str | None = Field(default=None, max_length=64)
    price_floor_cny: float | None = Field(default=None, ge=0, allow_inf_nan=False)
    authorized_merchants: list[str] = Field(default_factory=list, max_length=1000)
    logos: list[LogoIn] = Field(default_factory=list, max_length=10)


def current_brands(services: Services) -> BrandRegistry:
    with services.db.session() as s:
        row = resources.latest(s, "brands")
        return BrandRegistry.from_dict(row.body) if row else BrandRegistry.load_default()


def _validated_logo(data: str) -> bytes:
    """A reference logo must be a real, decodable image; otherwise the matcher would fail later."""
    from moderation.images.decode import decode_image
    from moderation.images.errors import ImageError

    try:
        raw = decode_logo(data)
        decode_image(raw, max_pixels=4_000_000)
    except (ValueError, ImageError) as exc:
        raise ApiError(422, "invalid_logo", f"logo is not a usable image: {exc}") from None
    return raw


@brands_router.post("", status_code=201)
async def put_brand(request: Request, services: Services = Depends(get_services),
                    token: TokenInfo = Depends(require_scope("policy"))) -> dict[str, Any]:
    body = await parse_json(request, BrandIn, MAX_ADMIN_BODY)
    logos = [_validated_logo(logo.data) for logo in body.logos]
    try:
        brand = Brand.from_dict(body.model_dump(exclude={"logos"}), logos=logos)
    except ValueError as exc:
        raise ApiError(422, "invalid_request", str(exc)) from None
    registry = current_brands(services).with_brand(brand, version="pending")
    with services.db.session() as s:
        row = resources.create(s, "brands", registry.to_dict(), actor=f"token:{token.name}")
        version = row.version
    services.reload()
    return {"brand": brand.brand, "version": version}


@brands_router.get("")
def list_brands(services: Services = Depends(get_services),
                _: TokenInfo = Depends(require_scope("read"))) -> dict[str, Any]:
    registry = current_brands(services)
    return {"version": registry.version, "brands": [b.to_dict() for b in registry]}


@brands_router.get("/{name}")
def get_brand(name: str, services: Services = Depends(get_services),
              _: TokenInfo = Depends(require_scope("read"))) -> dict[str, Any]:
    brand = current_brands(services).lookup(name)
    if brand is None:
        raise ApiError(404, "not_found", f"no brand {name!r}")
    return brand.to_dict()


@brands_router.delete("/{name}")
def delete_brand(name: str, services: Services = Depends(get_services),
                 token: TokenInfo = Depends(require_scope("policy"))) -> dict[str, Any]:
    try:
        registry = current_brands(services).without_brand(name, version="pending")
    except KeyError:
        raise ApiError(404, "not_found", f"no brand {name!r}") from None
    with services.db.session() as s:
        row = resources.create(s, "brands", registry.to_dict(), actor=f"token:{token.name}")
        version = row.version
    services.reload()
    return {"deleted": name, "version": version}


# ---------------------------------------------------------------------------------------------
# Policies
# ---------------------------------------------------------------------------------------------


class ThresholdsIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    review: float = Field(ge=0, le=1)
    reject: float | None = Field(default=None, ge=0, le=1)


class PolicyIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(default="default", max_length=64)
    description: str = Field(default="", max_length=2000)
    families: dict[str, ThresholdsIn]
    incomplete_route: str = "review"
    review_sla_minutes: dict[str, int] | None = None
    status: str = Field(default="draft", pattern="^(draft|shadow|live)$")


def _policy_from(body: PolicyIn) -> Policy:
    data = body.model_dump(exclude={"status"}, exclude_none=True)
    data["version"] = "pending"
    try:
        return Policy.from_dict(data)
    except (ValueError, TypeError) as exc:
        raise ApiError(422, "invalid_policy", str(exc)) from None


@policies_router.get("")
def list_policies(services: Services = Depends(get_services),
                  _: TokenInfo = Depends(require_scope("read"))) -> dict[str, Any]:
    with services.db.session() as s:
        rows = resources.history(s, "policy")
        items = [{"version": r.version, "status": r.status, "created_by": r.created_by,
                  "created_at": r.created_at.isoformat(), "policy": r.body} for r in rows]
    return {"live": services.pipeline.policy.to_dict(), "versions": items}


@policies_router.post("", status_code=201)
async def create_policy(request: Request, services: Services = Depends(get_services),
                        token: TokenInfo = Depends(require_scope("policy"))) -> dict[str, Any]:
    body = await parse_json(request, PolicyIn, 64 * 1024)
    policy = _policy_from(body)
    with services.db.session() as s:
        row = resources.create(s, "policy", policy.to_dict(), actor=f"token:{token.name}", status=body.status)
        result = {"version": row.version, "status": row.status}
    services.reload()
    return result


class StatusIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    status: str = Field(pattern="^(draft|shadow|live|retired)$")


@policies_router.post("/{version}/status")
async def set_policy_status(version: str, request: Request, services: Services = Depends(get_services),
                            token: TokenInfo = Depends(require_scope("policy"))) -> dict[str, Any]:
    body = await parse_json(request, StatusIn, 1024)
    try:
        with services.db.session() as s:
            row = resources.set_status(s, "policy", version, body.status, actor=f"token:{token.name}")
            result = {"version": row.version, "status": row.status}
    except resources.UnknownVersion:
        raise ApiError(404, "not_found", f"no policy version {version!r}") from None
    services.reload()
    return result


@policies_router.post("/rollback")
def rollback_policy(services: Services = Depends(get_services),
                    token: TokenInfo = Depends(require_scope("policy"))) -> dict[str, Any]:
    try:
        with services.db.session() as s:
            row = resources.rollback(s, "policy", actor=f"token:{token.name}")
            result = {"version": row.version, "status": row.status}
    except resources.UnknownVersion as exc:
        raise ApiError(409, "nothing_to_roll_back", str(exc)) from None
    services.reload()
    return result


class BacktestIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    version: str | None = None
    policy: PolicyIn | None = None
    limit: int = Field(default=50_000, ge=1, le=1_000_000)


@policies_router.post("/backtest")
async def backtest_policy(request: Request, services: Services = Depends(get_services),
                          _: TokenInfo = Depends(require_scope("policy"))) -> dict[str, Any]:
    """Replay stored verdicts under a candidate policy and compare with the live one and with
    reviewers' decisions; estimates the review workload in reviewer-hours."""
    body = await parse_json(request, BacktestIn, 64 * 1024)
    if (body.version is None) == (body.policy is None):
        raise ApiError(422, "invalid_request", "give exactly one of 'version' or 'policy'")
    if body.policy is not None:
        candidate = _policy_from(body.policy)
    else:
        try:
            with services.db.session() as s:
                candidate = Policy.from_dict(resources.get(s, "policy", body.version or "").body)
        except resources.UnknownVersion:
            raise ApiError(404, "not_found", f"no policy version {body.version!r}") from None
    with services.db.session() as s:
        return backtest(s, services.pipeline.policy, candidate, limit=body.limit).to_dict()


def routers() -> list[APIRouter]:
    from moderation.api import routes_banks, routes_lexicons

    return [brands_router, policies_router, routes_banks.router, routes_lexicons.router]
