"""Persistence of the hash banks (known-bad image PDQ hashes).

The table is the source of truth; each process holds an in-memory `HashBankSet` (faiss index)
loaded from it and topped up incrementally: rows only ever get appended, except deletions, which
bump the fingerprint so processes reload the whole set.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from moderation.store.models import BankHashRow


@dataclass(frozen=True)
class NewHash:
    hash_hex: str
    quality: int
    ref: str
    note: str | None = None


def add_hashes(session: Session, bank: str, hashes: Iterable[NewHash]) -> list[BankHashRow]:
    """Insert hashes not yet in `bank`; returns the rows actually added."""
    hashes = list(hashes)
    existing = set(session.scalars(sa.select(BankHashRow.hash_hex).where(
        BankHashRow.bank == bank, BankHashRow.hash_hex.in_([h.hash_hex for h in hashes]))))
    added = []
    for h in hashes:
        if h.hash_hex in existing:
            continue
        existing.add(h.hash_hex)
        row = BankHashRow(bank=bank, hash_hex=h.hash_hex, quality=h.quality, ref=h.ref, note=h.note)
        session.add(row)
        added.append(row)
    session.flush()
    return added


def bank_counts(session: Session) -> dict[str, int]:
    rows = session.execute(sa.select(BankHashRow.bank, sa.func.count()).group_by(BankHashRow.bank)).all()
    return {bank: count for bank, count in rows}


def list_hashes(session: Session, bank: str, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
    rows = session.scalars(sa.select(BankHashRow).where(BankHashRow.bank == bank)
                           .order_by(BankHashRow.id).limit(limit).offset(offset))
    return [{"hash": r.hash_hex, "quality": r.quality, "ref": r.ref, "note": r.note,
             "created_at": r.created_at.isoformat()} for r in rows]


def delete(session: Session, bank: str, hash_hex: str | None = None) -> int:
    q = sa.delete(BankHashRow).where(BankHashRow.bank == bank)
    if hash_hex is not None:
        q = q.where(BankHashRow.hash_hex == hash_hex.lower())
    return session.execute(q).rowcount or 0


def rows_after(session: Session, after_id: int) -> list[tuple[int, str, str, int, str, str]]:
    """(id, bank, hash, quality, ref, note) of rows added after `after_id`, in id order."""
    rows = session.execute(sa.select(BankHashRow.id, BankHashRow.bank, BankHashRow.hash_hex, BankHashRow.quality,
                                     BankHashRow.ref, BankHashRow.note)
                           .where(BankHashRow.id > after_id).order_by(BankHashRow.id)).all()
    return [(i, b, h, q, r, n or "") for i, b, h, q, r, n in rows]


def state(session: Session) -> tuple[int, int]:
    """(max id, row count): a new row raises the first, a deletion lowers the second."""
    max_id, count = session.execute(sa.select(sa.func.coalesce(sa.func.max(BankHashRow.id), 0),
                                              sa.func.count(BankHashRow.id))).one()
    return int(max_id), int(count)
