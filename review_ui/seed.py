"""Create (or reset) a staff account from the command line or a demo script.

    python -m review_ui.seed alice 'long-password' moderator

Idempotent on purpose: a deploy step can run it on every start without failing or duplicating.
"""

from __future__ import annotations

import sys

import sqlalchemy as sa

from moderation.settings import get_settings
from moderation.store.auth import ROLES, _hasher, create_user
from moderation.store.db import Database
from moderation.store.models import UserRow


def ensure_user(db: Database, username: str, password: str, role: str) -> int:
    """The user's id; creates the user, or updates the password and role of an existing one."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}; valid: {ROLES}")
    with db.session() as s:
        user = s.scalars(sa.select(UserRow).where(UserRow.username == username)).first()
        if user is None:
            return create_user(s, username, password, role).id
        if len(password) < 8:
            raise ValueError("password must have at least 8 characters")
        user.password_hash = _hasher.hash(password)
        user.role = role
        user.active = True
        return user.id


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print("usage: python -m review_ui.seed USERNAME PASSWORD ROLE", file=sys.stderr)
        return 2
    db = Database(get_settings().resolved_database_url())
    try:
        user_id = ensure_user(db, *argv)
    finally:
        db.dispose()
    print(f"user {argv[0]} ({argv[2]}) id={user_id}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
