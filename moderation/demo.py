"""Demo set-up for `moderation demo`: schema, accounts, a token and seeded recommendations.

Idempotent: running the demo twice re-uses the accounts and does not duplicate items (the
recommendation ids are fixed and acceptance is idempotent).
"""

from __future__ import annotations

from importlib import resources

import sqlalchemy as sa

from moderation.settings import Settings
from moderation.store import recommendations as recs
from moderation.store.auth import create_token, create_user
from moderation.store.db import Database, migrate
from moderation.store.models import UserRow
from moderation.types import Recommendation

DEMO_USER = "reviewer"
DEMO_PASSWORD = "reviewer-demo"
DEMO_ACCOUNTS = ((DEMO_USER, DEMO_PASSWORD, "moderator"), ("policy", "policy-demo", "policy"),
                 ("admin", "admin-demo", "admin"))


def demo_recommendations() -> list[Recommendation]:
    raw = resources.files("moderation.data").joinpath("demo/recommendations.jsonl").read_text(encoding="utf-8")
    return [Recommendation.model_validate_json(line) for line in raw.splitlines() if line.strip()]


def prepare_demo(settings: Settings, seed: bool = True) -> tuple[str, int]:
    """Migrate, create demo accounts and an all-scope token, seed items. Returns (token, seeded)."""
    url = settings.resolved_database_url()
    migrate(url)
    db = Database(url)
    try:
        with db.session() as s:
            for username, password, role in DEMO_ACCOUNTS:
                if s.scalar(sa.select(UserRow.id).where(UserRow.username == username)) is None:
                    create_user(s, username, password, role)
            token = create_token(s, "demo", {"submit", "score", "read", "policy", "admin"})
        seeded = 0
        if seed:
            with db.session() as s:
                for rec in demo_recommendations():
                    try:
                        seeded += recs.accept(s, rec).created
                    except recs.IdConflict:
                        continue
        return token, seeded
    finally:
        db.dispose()
