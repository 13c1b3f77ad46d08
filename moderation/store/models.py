"""SQLAlchemy 2 table models. The database, not Redis, is the source of truth: a recommendation,
its verdicts, tasks and decisions all live here; the queue only carries ids (see `outbox.py`).

Types are chosen to work on both SQLite (embedded default) and PostgreSQL (production): JSON
columns are `sa.JSON`, timestamps are timezone-aware UTC.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    pass


class UTCDateTime(sa.types.TypeDecorator):
    """Timezone-aware UTC datetimes on both backends (SQLite stores naive values)."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("naive datetime")
        return value.astimezone(UTC) if value is not None else None

    def process_result_value(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value


class RecommendationRow(Base):
    __tablename__ = "recommendations"

    id: Mapped[str] = mapped_column(sa.String(128), primary_key=True)
    payload: Mapped[dict[str, Any]] = mapped_column(sa.JSON)
    content_hash: Mapped[str] = mapped_column(sa.String(64))
    status: Mapped[str] = mapped_column(sa.String(20), index=True)
    author_id: Mapped[str | None] = mapped_column(sa.String(128), index=True)
    author_followers: Mapped[int] = mapped_column(sa.Integer, default=0)
    merchant_id: Mapped[str | None] = mapped_column(sa.String(128), index=True)
    has_images: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    scan_attempts: Mapped[int] = mapped_column(sa.Integer, default=0)
    latest_verdict_id: Mapped[int | None] = mapped_column(sa.Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class VerdictRow(Base):
    __tablename__ = "verdicts"

    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    recommendation_id: Mapped[str] = mapped_column(sa.ForeignKey("recommendations.id"), index=True)
    route: Mapped[str] = mapped_column(sa.String(10))
    scores: Mapped[dict[str, Any]] = mapped_column(sa.JSON)
    signals: Mapped[list[Any]] = mapped_column(sa.JSON)
    versions: Mapped[dict[str, Any]] = mapped_column(sa.JSON)
    complete: Mapped[bool] = mapped_column(sa.Boolean, default=True)
    #: True for verdicts computed under a shadow policy: recorded for comparison, never acted on.
    shadow: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    policy_version: Mapped[str] = mapped_column(sa.String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ReviewTaskRow(Base):
    __tablename__ = "review_tasks"
    __table_args__ = (
        sa.Index("ix_review_tasks_queue", "state", "priority", "due_at"),
        # A reviewer's own claims ("next item" resumes them first); migration 0002.
        sa.Index("ix_review_tasks_claimed_by", "claimed_by"),
    )

    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    recommendation_id: Mapped[str] = mapped_column(sa.ForeignKey("recommendations.id"), index=True)
    verdict_id: Mapped[int | None] = mapped_column(sa.ForeignKey("verdicts.id"))
    #: why it is in the queue: scan | report | qa_sample | second_review | escalated
    reason: Mapped[str] = mapped_column(sa.String(20), default="scan")
    state: Mapped[str] = mapped_column(sa.String(12), default="open")  # open | done
    priority: Mapped[float] = mapped_column(sa.Float, default=0.0)
    families: Mapped[list[Any]] = mapped_column(sa.JSON, default=list)
    top_code: Mapped[str | None] = mapped_column(sa.String(64), index=True)
    max_score: Mapped[float] = mapped_column(sa.Float, default=0.0)
    merchant_tier: Mapped[str | None] = mapped_column(sa.String(8))
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    #: When the current holder first claimed it (renewals keep it): handling time starts here.
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    claimed_by: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    lease_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class DecisionRow(Base):
    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    recommendation_id: Mapped[str] = mapped_column(sa.ForeignKey("recommendations.id"), index=True)
    task_id: Mapped[int | None] = mapped_column(sa.ForeignKey("review_tasks.id"))
    reviewer_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"), index=True)
    action: Mapped[str] = mapped_column(sa.String(12))  # approve | reject | escalate
    reason_codes: Mapped[list[Any]] = mapped_column(sa.JSON, default=list)
    note: Mapped[str | None] = mapped_column(sa.Text)
    handling_seconds: Mapped[float | None] = mapped_column(sa.Float)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class AuditRow(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    actor: Mapped[str] = mapped_column(sa.String(128))
    action: Mapped[str] = mapped_column(sa.String(64), index=True)
    target: Mapped[str | None] = mapped_column(sa.String(256), index=True)
    detail: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class OutboxRow(Base):
    """A message to deliver after the transaction that wrote it commits (transactional outbox).

    topic `scan`: put the recommendation on the work queue; topic `webhook`: notify the publisher.
    """

    __tablename__ = "outbox"
    __table_args__ = (sa.Index("ix_outbox_pending", "topic", "dispatched_at"),)

    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    topic: Mapped[str] = mapped_column(sa.String(16))
    recommendation_id: Mapped[str] = mapped_column(sa.String(128), index=True)
    payload: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    attempts: Mapped[int] = mapped_column(sa.Integer, default=0)
    dispatched_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ApiTokenRow(Base):
    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(sa.String(128))
    #: sha256 of the token. Tokens are 256-bit random, so a fast hash is safe (unlike passwords).
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    scopes: Mapped[str] = mapped_column(sa.String(256))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class UserRow(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(sa.String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(sa.String(256))  # argon2id
    role: Mapped[str] = mapped_column(sa.String(16))  # moderator | policy | admin
    active: Mapped[bool] = mapped_column(sa.Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class BankHashRow(Base):
    __tablename__ = "bank_hashes"
    __table_args__ = (sa.UniqueConstraint("bank", "hash_hex", name="uq_bank_hash"),)

    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    bank: Mapped[str] = mapped_column(sa.String(64), index=True)
    hash_hex: Mapped[str] = mapped_column(sa.String(64))
    quality: Mapped[int] = mapped_column(sa.Integer, default=100)
    ref: Mapped[str] = mapped_column(sa.String(256))
    note: Mapped[str | None] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ResourceVersionRow(Base):
    """A version of an editable data resource: lexicon, brand registry or policy.

    status: draft | shadow | live | retired. Exactly one `live` row per kind is acted on; a
    `shadow` policy is evaluated beside it and recorded, never acted on.
    """

    __tablename__ = "resource_versions"
    __table_args__ = (sa.UniqueConstraint("kind", "version", name="uq_resource_version"),)

    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(sa.String(16), index=True)
    version: Mapped[str] = mapped_column(sa.String(64))
    status: Mapped[str] = mapped_column(sa.String(10), default="draft")
    body: Mapped[dict[str, Any]] = mapped_column(sa.JSON)
    created_by: Mapped[str | None] = mapped_column(sa.String(128))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class UserReportRow(Base):
    """口碑: a user report against a listed item."""

    __tablename__ = "user_reports"

    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    recommendation_id: Mapped[str] = mapped_column(sa.ForeignKey("recommendations.id"), index=True)
    reporter: Mapped[str | None] = mapped_column(sa.String(128))
    reason: Mapped[str] = mapped_column(sa.String(64))
    note: Mapped[str | None] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
