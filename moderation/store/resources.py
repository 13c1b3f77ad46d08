"""Versioned, editable data resources: the brand registry, lexicons and policies.

Every edit creates a new immutable version row; exactly one version per kind is `live`. A policy
may also have one `shadow` version, evaluated beside the live one and recorded but never acted
on. Rolling back re-activates the previous live version. Workers notice changes through
`fingerprint()` and rebuild their pipeline (see `moderation.engine.PipelineCache`).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from moderation.store.audit import audit
from moderation.store.models import ResourceVersionRow, utcnow

KINDS = ("brands", "lexicon", "policy")
STATUSES = ("draft", "shadow", "live", "retired")


class UnknownVersion(LookupError):
    pass


def new_version(kind: str, body: dict[str, Any]) -> str:
    digest = hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:8]
    return f"{kind}-{utcnow():%Y%m%d%H%M%S%f}-{digest}"


def latest(session: Session, kind: str, status: str = "live") -> ResourceVersionRow | None:
    return session.scalars(
        sa.select(ResourceVersionRow)
        .where(ResourceVersionRow.kind == kind, ResourceVersionRow.status == status)
        .order_by(ResourceVersionRow.id.desc())
        .limit(1)
    ).first()


def get(session: Session, kind: str, version: str) -> ResourceVersionRow:
    row = session.scalars(
        sa.select(ResourceVersionRow).where(ResourceVersionRow.kind == kind, ResourceVersionRow.version == version)
    ).first()
    if row is None:
        raise UnknownVersion(f"{kind} {version}")
    return row


def history(session: Session, kind: str, limit: int = 50) -> list[ResourceVersionRow]:
    return list(session.scalars(
        sa.select(ResourceVersionRow).where(ResourceVersionRow.kind == kind)
        .order_by(ResourceVersionRow.id.desc()).limit(limit)
    ))


def create(session: Session, kind: str, body: dict[str, Any], actor: str, status: str = "live",
           version: str | None = None) -> ResourceVersionRow:
    """Store a new version of `kind`; with status `live` (or `shadow`) it replaces the current one."""
    if kind not in KINDS or status not in STATUSES:
        raise ValueError(f"bad kind/status {kind}/{status}")
    version = version or new_version(kind, body)
    body = {**body, "version": version}
    row = ResourceVersionRow(kind=kind, version=version, status="draft", body=body, created_by=actor)
    session.add(row)
    session.flush()
    if status != "draft":
        set_status(session, kind, version, status, actor)
    else:
        audit(session, actor, f"{kind}.create", f"{kind}:{version}", status="draft")
    return row


def set_status(session: Session, kind: str, version: str, status: str, actor: str) -> ResourceVersionRow:
    """Promote/demote a version. A new live version retires the old one; a new shadow demotes the
    old shadow to draft."""
    if status not in STATUSES:
        raise ValueError(f"unknown status {status!r}")
    row = get(session, kind, version)
    if status in ("live", "shadow"):
        previous_status = "retired" if status == "live" else "draft"
        for other in session.scalars(sa.select(ResourceVersionRow).where(
                ResourceVersionRow.kind == kind, ResourceVersionRow.status == status,
                ResourceVersionRow.id != row.id)):
            other.status = previous_status
    row.status = status
    audit(session, actor, f"{kind}.{status}", f"{kind}:{version}")
    return row


def rollback(session: Session, kind: str, actor: str) -> ResourceVersionRow:
    """Make the most recently retired version live again."""
    previous = latest(session, kind, "retired")
    if previous is None:
        raise UnknownVersion(f"no earlier {kind} version to roll back to")
    return set_status(session, kind, previous.version, "live", actor)


def fingerprint(session: Session) -> str:
    """Changes whenever any live/shadow resource changes: cheap to poll before every job."""
    rows = session.execute(
        sa.select(ResourceVersionRow.kind, ResourceVersionRow.status, ResourceVersionRow.version)
        .where(ResourceVersionRow.status.in_(("live", "shadow")))
        .order_by(ResourceVersionRow.kind, ResourceVersionRow.status)
    ).all()
    return "|".join(f"{k}:{s}:{v}" for k, s, v in rows)
