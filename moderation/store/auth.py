"""API tokens (scoped bearer tokens) and staff users (argon2id passwords).

Why two mechanisms? Tokens are for programs (the publish pipeline): long random secrets, checked
on every request, so we store a fast sha256 of them. Passwords are for people: low entropy, so
they get a slow, salted argon2id hash.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.orm import Session

from moderation.store.models import ApiTokenRow, UserRow, utcnow

SCOPES = frozenset({"submit", "score", "read", "policy", "admin"})
ROLES = ("moderator", "policy", "admin")
_hasher = PasswordHasher()


def _token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_token(session: Session, name: str, scopes: set[str] | frozenset[str]) -> str:
    """Create a token; the plaintext is returned once and never stored."""
    unknown = set(scopes) - SCOPES
    if unknown or not scopes:
        raise ValueError(f"unknown or empty scopes: {sorted(unknown)}; valid: {sorted(SCOPES)}")
    token = "mod_" + secrets.token_urlsafe(32)
    session.add(ApiTokenRow(name=name, token_hash=_token_digest(token), scopes=",".join(sorted(scopes))))
    return token


@dataclass(frozen=True)
class TokenInfo:
    id: int
    name: str
    scopes: frozenset[str]


def verify_token(session: Session, token: str) -> TokenInfo | None:
    row = session.scalars(
        sa.select(ApiTokenRow).where(ApiTokenRow.token_hash == _token_digest(token), ApiTokenRow.revoked_at.is_(None))
    ).first()
    if row is None:
        return None
    return TokenInfo(row.id, row.name, frozenset(row.scopes.split(",")))


def revoke_token(session: Session, token_id: int) -> None:
    row = session.get(ApiTokenRow, token_id)
    if row is not None:
        row.revoked_at = utcnow()


def create_user(session: Session, username: str, password: str, role: str) -> UserRow:
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}; valid: {ROLES}")
    if len(password) < 8:
        raise ValueError("password must have at least 8 characters")
    user = UserRow(username=username, password_hash=_hasher.hash(password), role=role)
    session.add(user)
    session.flush()
    return user


def authenticate(session: Session, username: str, password: str) -> UserRow | None:
    user = session.scalars(sa.select(UserRow).where(UserRow.username == username, UserRow.active.is_(True))).first()
    if user is None:
        _hasher.hash(password)  # same cost whether or not the user exists (no username oracle)
        return None
    try:
        _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        return None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    return user
