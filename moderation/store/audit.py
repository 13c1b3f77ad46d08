"""The audit log: who did what to which object, append-only."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from moderation.store.models import AuditRow


def audit(session: Session, actor: str, action: str, target: str | None, **detail: Any) -> None:
    session.add(AuditRow(actor=actor, action=action, target=target, detail=detail))
