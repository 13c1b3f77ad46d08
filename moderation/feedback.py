"""Reviewer decisions feed back into detection.

When a reviewer rejects an item as counterfeit, `store.review.decide` writes a `bank_add` outbox
message; `bank_confirmed_images` turns it into PDQ hashes of the item's images in the bank, with
the decision id as provenance, so the same photo re-posted by another account is caught by the
hash bank even if its text is clean.
"""

from __future__ import annotations

import logging

import sqlalchemy as sa

from moderation.images.hash_bank import hash_images_for_bank
from moderation.images.loader import ImageLoader
from moderation.store import banks as bank_store
from moderation.store.audit import audit
from moderation.store.db import Database
from moderation.store.models import OutboxRow, RecommendationRow, utcnow
from moderation.types import ImageRef

log = logging.getLogger(__name__)


def bank_confirmed_images(db: Database, loader: ImageLoader, limit: int = 50) -> int:
    """Process pending `bank_add` messages; returns the number of hashes added."""
    with db.session() as s:
        messages = [(m.id, m.recommendation_id, dict(m.payload)) for m in s.scalars(
            sa.select(OutboxRow).where(OutboxRow.topic == "bank_add", OutboxRow.dispatched_at.is_(None))
            .order_by(OutboxRow.id).limit(limit))]
        payloads = {rid: s.get(RecommendationRow, rid).payload for _, rid, _ in messages}  # type: ignore[union-attr]
    added = 0
    for msg_id, rec_id, payload in messages:
        images = [ImageRef(**img) for img in payloads[rec_id].get("images", [])]
        results = hash_images_for_bank(images, loader)  # network/decode outside any transaction
        bank = payload.get("bank", "confirmed_counterfeit")
        provenance = f"decision:{payload.get('decision_id')}:{rec_id}"
        hashes = [bank_store.NewHash(r.hash_hex or "", r.quality or 0, f"{provenance}:{r.index}",
                                     "confirmed by reviewer decision") for r in results if r.ok]
        with db.session() as s:
            rows = bank_store.add_hashes(s, bank, hashes) if hashes else []
            msg = s.get(OutboxRow, msg_id)
            if msg is not None:
                msg.dispatched_at = utcnow()
                msg.attempts += 1
                msg.last_error = "; ".join(r.error or "" for r in results if not r.ok)[:500] or None
            audit(s, "system", "bank.feedback", f"recommendation:{rec_id}", bank=bank, added=len(rows),
                  decision_id=payload.get("decision_id"))
        added += len(rows)
    return added
