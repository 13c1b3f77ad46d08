"""Hash banks of known-bad images: create by adding images or hashes, list, delete.

Adding is all-or-nothing: if any image cannot be fetched, decoded or hashed with enough quality,
the request is refused with per-image reasons and nothing is stored.
"""

from __future__ import annotations

import re
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from moderation.api.body import parse_json
from moderation.api.deps import get_services, require_scope
from moderation.api.errors import ApiError
from moderation.api.services import Services
from moderation.images.hash_bank import hash_images_for_bank
from moderation.images.loader import ImageLoader
from moderation.images.pdq import hex_to_bytes
from moderation.store import banks as bank_store
from moderation.store.audit import audit
from moderation.store.auth import TokenInfo
from moderation.types import ImageRef

router = APIRouter(prefix="/v1/banks", tags=["hash banks"])
BANK_NAME = re.compile(r"^[a-z0-9][a-z0-9_\-]{0,63}$")


class BankImagesIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    images: list[ImageRef] = Field(min_length=1, max_length=50)
    note: str | None = Field(default=None, max_length=500)


class HashIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    hash: str = Field(pattern=r"^[0-9a-fA-F]{64}$")
    ref: str = Field(min_length=1, max_length=256)
    quality: int = Field(default=100, ge=0, le=100)


class BankHashesIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    hashes: list[HashIn] = Field(min_length=1, max_length=10_000)
    note: str | None = Field(default=None, max_length=500)


def _check_bank(bank: str) -> None:
    if not BANK_NAME.match(bank):
        raise ApiError(422, "invalid_bank", "bank names are 1-64 chars of a-z, 0-9, _ and -")


def _store(services: Services, bank: str, hashes: list[bank_store.NewHash], actor: str) -> dict[str, Any]:
    with services.db.session() as s:
        added = bank_store.add_hashes(s, bank, hashes)
        audit(s, actor, "bank.add", f"bank:{bank}", added=len(added), submitted=len(hashes))
        total = bank_store.bank_counts(s).get(bank, 0)
    services.reload()
    return {"bank": bank, "added": len(added), "duplicates": len(hashes) - len(added), "size": total,
            "hashes": [h.hash_hex for h in hashes]}


@router.post("/{bank}/images", status_code=201)
async def add_images(bank: str, request: Request, services: Services = Depends(get_services),
                     token: TokenInfo = Depends(require_scope("policy"))) -> dict[str, Any]:
    _check_bank(bank)
    body = await parse_json(request, BankImagesIn, services.settings.max_body_bytes)
    loader = ImageLoader.from_settings(services.settings)
    results = await run_in_threadpool(hash_images_for_bank, body.images, loader)
    failed = [{"image": r.index, "error": r.error} for r in results if not r.ok]
    if failed:
        raise ApiError(422, "unusable_images", "some images cannot be banked; nothing was stored", failed)
    ref_base = f"upload:{token.name}"
    hashes = [bank_store.NewHash(r.hash_hex or "", r.quality or 0, f"{ref_base}:{r.index}", body.note)
              for r in results]
    return _store(services, bank, hashes, f"token:{token.name}")


@router.post("/{bank}/hashes", status_code=201)
async def add_hashes(bank: str, request: Request, services: Services = Depends(get_services),
                     token: TokenInfo = Depends(require_scope("policy"))) -> dict[str, Any]:
    """Import PDQ hashes shared by another platform (hex, 256 bits)."""
    _check_bank(bank)
    body = await parse_json(request, BankHashesIn, services.settings.max_body_bytes)
    hashes = [bank_store.NewHash(hex_to_bytes(h.hash).tobytes().hex(), h.quality, h.ref, body.note)
              for h in body.hashes]
    return _store(services, bank, hashes, f"token:{token.name}")


@router.get("")
def list_banks(services: Services = Depends(get_services),
               _: TokenInfo = Depends(require_scope("read"))) -> dict[str, Any]:
    with services.db.session() as s:
        return {"banks": bank_store.bank_counts(s)}


@router.get("/{bank}")
def list_bank(bank: str, services: Services = Depends(get_services), _: TokenInfo = Depends(require_scope("read")),
              limit: int = Query(default=100, ge=1, le=1000), offset: int = Query(default=0, ge=0)) -> dict[str, Any]:
    with services.db.session() as s:
        size = bank_store.bank_counts(s).get(bank)
        if size is None:
            raise ApiError(404, "not_found", f"no bank {bank!r}")
        return {"bank": bank, "size": size, "hashes": bank_store.list_hashes(s, bank, limit, offset)}


@router.delete("/{bank}")
def delete_bank(bank: str, services: Services = Depends(get_services),
                token: TokenInfo = Depends(require_scope("policy")),
                hash: str | None = Query(default=None, pattern=r"^[0-9a-fA-F]{64}$")) -> dict[str, Any]:
    """Delete a whole bank, or one hash from it with `?hash=`."""
    with services.db.session() as s:
        removed = bank_store.delete(s, bank, hash)
        if not removed:
            raise ApiError(404, "not_found", f"nothing to delete in bank {bank!r}")
        audit(s, f"token:{token.name}", "bank.delete", f"bank:{bank}", removed=removed, hash=hash)
    services.reload()
    return {"bank": bank, "removed": removed}
