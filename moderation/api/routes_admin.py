"""Policy-team endpoints (brands, hash banks, lexicons, policies). Filled in per resource."""

from __future__ import annotations

from fastapi import APIRouter


def routers() -> list[APIRouter]:
    return []
