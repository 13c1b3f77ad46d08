"""Review UI mount point (placeholder until the review UI lands)."""

from __future__ import annotations

from fastapi import FastAPI

from moderation.api.services import Services


def mount_review_ui(app: FastAPI, services: Services) -> None:
    return None
