"""Lexicon editing for the policy team: list terms, add or replace one, disable/enable, delete.

Each edit publishes a new lexicon version (content-addressed: the same content is the same version)
and every process picks it up; verdicts record the lexicon version that produced them.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, ConfigDict, Field

from moderation.api.body import parse_json
from moderation.api.deps import get_services, require_scope
from moderation.api.errors import ApiError
from moderation.api.services import Services
from moderation.store import resources
from moderation.store.auth import TokenInfo
from moderation.text.lexicon import Lexicon, LexiconEntry
from moderation.types import FAMILIES

router = APIRouter(prefix="/v1/lexicons", tags=["lexicons"])


def current_lexicon(services: Services) -> Lexicon:
    with services.db.session() as s:
        row = resources.latest(s, "lexicon")
        return Lexicon.from_dict(row.body) if row else Lexicon.load_default()


def publish(services: Services, lexicon: Lexicon, actor: str) -> str:
    with services.db.session() as s:
        try:
            resources.get(s, "lexicon", lexicon.version)
            resources.set_status(s, "lexicon", lexicon.version, "live", actor)  # back to a known state
        except resources.UnknownVersion:
            resources.create(s, "lexicon", lexicon.to_dict(), actor, status="live", version=lexicon.version)
    services.reload()
    return lexicon.version


@router.get("")
def list_terms(
    services: Services = Depends(get_services),
    _: TokenInfo = Depends(require_scope("read")),
    family: str | None = Query(default=None),
    code: str | None = Query(default=None),
    limit: int = Query(default=200, ge=1, le=5000),
    offset: int = Query(default=0, ge=0),
) -> dict[str, Any]:
    lex = current_lexicon(services)
    entries = [e for e in lex.entries if (family is None or e.family == family) and (code is None or e.code == code)]
    counts: dict[str, int] = {}
    for e in lex.active():
        counts[e.family] = counts.get(e.family, 0) + 1
    return {"version": lex.version, "active_terms": counts, "total": len(entries),
            "terms": [e.to_dict() for e in entries[offset: offset + limit]]}


class TermIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    term: str = Field(min_length=1, max_length=200)
    family: str
    code: str = Field(min_length=1, max_length=64, pattern=r"^[A-Z0-9_]+$")
    score: float = Field(ge=0, le=1)
    law: str | None = Field(default=None, max_length=200)
    kind: str = Field(default="term", pattern="^(term|regex)$")
    element: str | None = Field(default=None, max_length=64)
    allow: list[str] = Field(default_factory=list, max_length=100)
    anchors: list[str] = Field(default_factory=list, max_length=50)
    scope: str | None = Field(default=None, max_length=64)
    fuzzy: bool = True
    note: str | None = Field(default=None, max_length=500)


@router.post("/terms", status_code=201)
async def add_term(request: Request, services: Services = Depends(get_services),
                   token: TokenInfo = Depends(require_scope("policy"))) -> dict[str, Any]:
    body = await parse_json(request, TermIn, 64 * 1024)
    if body.family not in FAMILIES:
        raise ApiError(422, "invalid_request", f"family must be one of {FAMILIES}")
    try:
        entry = LexiconEntry.from_dict(body.model_dump(exclude_none=True))
        lex = current_lexicon(services).with_term(entry)
    except (ValueError, TypeError) as exc:
        raise ApiError(422, "invalid_term", str(exc)) from None
    return {"term": entry.term, "key": entry.key, "version": publish(services, lex, f"token:{token.name}")}


class TermRef(BaseModel):
    model_config = ConfigDict(extra="forbid")
    term: str = Field(min_length=1, max_length=200)
    family: str | None = None
    code: str | None = None


async def _toggle(request: Request, services: Services, token: TokenInfo, enabled: bool) -> dict[str, Any]:
    body = await parse_json(request, TermRef, 4096)
    try:
        lex = current_lexicon(services).with_term_enabled(body.term, enabled, body.family, body.code)
    except KeyError:
        raise ApiError(404, "not_found", f"no lexicon term {body.term!r}") from None
    return {"term": body.term, "enabled": enabled, "version": publish(services, lex, f"token:{token.name}")}


@router.post("/terms/disable")
async def disable_term(request: Request, services: Services = Depends(get_services),
                       token: TokenInfo = Depends(require_scope("policy"))) -> dict[str, Any]:
    return await _toggle(request, services, token, enabled=False)


@router.post("/terms/enable")
async def enable_term(request: Request, services: Services = Depends(get_services),
                      token: TokenInfo = Depends(require_scope("policy"))) -> dict[str, Any]:
    return await _toggle(request, services, token, enabled=True)
