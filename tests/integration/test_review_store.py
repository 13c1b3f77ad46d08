"""Review-store rules on both databases: handling time starts at the claim, a second reviewer who
disagrees escalates instead of overturning, and the models match the migrations."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from moderation.engine import build_pipeline, default_detectors
from moderation.scanning import scan_ids
from moderation.store import recommendations as recs
from moderation.store import review
from moderation.store.auth import create_user
from moderation.store.db import Database
from moderation.store.models import Base, DecisionRow, RecommendationRow, ReviewTaskRow, utcnow
from moderation.types import Recommendation


def _pending(db: Database, rec_id: str) -> ReviewTaskRow:
    pipeline = build_pipeline(detectors=default_detectors(images=False))
    with db.session() as s:
        recs.accept(s, Recommendation(id=rec_id, text="加我微信 abc12345 领券", product={"url": "https://x.cn/1"}))
    assert scan_ids(db, pipeline, [rec_id]) == {rec_id: "pending_review"}
    with db.session() as s:
        return s.query(ReviewTaskRow).filter_by(recommendation_id=rec_id, state="open").one()


def test_handling_time_starts_at_claim_and_survives_renewal(db: Database) -> None:
    task = _pending(db, "h1")
    with db.session() as s:
        s.get(ReviewTaskRow, task.id).created_at = utcnow() - timedelta(hours=3)  # waited 3 h in the queue
        user = create_user(s, "mod", "password-1", "moderator")
    with db.session() as s:
        assert review.claim(s, task.id, user.id, 600)
    with db.session() as s:
        first_claim = s.get(ReviewTaskRow, task.id).claimed_at
        assert review.claim(s, task.id, user.id, 600)  # renewal
    with db.session() as s:
        assert s.get(ReviewTaskRow, task.id).claimed_at == first_claim
        decision = review.decide(s, task.id, s.merge(user), "approve", [])
        assert decision.handling_seconds is not None and decision.handling_seconds < 60


def _second_review(db: Database, rec_id: str, first_action: str, second_action: str) -> None:
    """A first reviewer decides, then a second reviewer decides the item's second-review task."""
    task = _pending(db, rec_id)
    with db.session() as s:
        first = create_user(s, "first", "password-1", "moderator")
        second = create_user(s, "second", "password-2", "moderator")
    codes = {"reject": ["DIVERSION_CONTACT"], "approve": []}
    with db.session() as s:
        review.claim(s, task.id, first.id, 600)
        review.decide(s, task.id, s.merge(first), first_action, codes[first_action])
        again = ReviewTaskRow(recommendation_id=rec_id, reason="second_review", due_at=utcnow())
        s.add(again)
    with db.session() as s:
        assert review.claim(s, again.id, second.id, 600)
        review.decide(s, again.id, s.merge(second), second_action, codes[second_action])


def test_second_review_disagreement_escalates_and_keeps_status(db: Database) -> None:
    _second_review(db, "s1", "reject", "approve")
    with db.session() as s:
        assert s.get(RecommendationRow, "s1").status == "rejected"  # not silently overturned
        escalated = s.query(ReviewTaskRow).filter_by(recommendation_id="s1", reason="escalated", state="open").all()
        assert len(escalated) == 1
        assert s.query(DecisionRow).filter_by(recommendation_id="s1").count() == 2


def test_second_review_agreement_closes_without_escalation(db: Database) -> None:
    _second_review(db, "s2", "reject", "reject")
    with db.session() as s:
        assert s.get(RecommendationRow, "s2").status == "rejected"
        assert s.query(ReviewTaskRow).filter_by(recommendation_id="s2", state="open").count() == 0


def test_models_match_migrations(db: Database) -> None:
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == [], diff
    with db.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar() == "0003"
