"""The live configuration: which policy, brand registry, lexicon and hash banks are in force.

The policy team edits these through the API (new versions in `resource_versions`, new rows in
`bank_hashes`); every process keeps a `PipelineCache` that polls a cheap fingerprint and rebuilds
its pipeline when a version changes — no restart, and every verdict records the versions that
produced it. Hash banks are topped up in place (rows are appended) instead of rebuilding.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from moderation.brands import BrandRegistry
from moderation.engine import build_pipeline, default_detectors
from moderation.images.hash_bank import HashBankSet
from moderation.pipeline import Pipeline
from moderation.policy import Policy, load_policy
from moderation.settings import Settings, get_settings
from moderation.store import banks as bank_store
from moderation.store import resources
from moderation.store.db import Database
from moderation.text.lexicon import Lexicon


@dataclass(frozen=True)
class LiveConfig:
    policy: Policy
    shadow_policy: Policy | None
    brands: BrandRegistry
    lexicon: Lexicon | None
    fingerprint: str


def load_live(db: Database) -> LiveConfig:
    """Live versions from the database, falling back to the data files shipped with the project."""
    with db.session() as s:
        policy_row = resources.latest(s, "policy", "live")
        shadow_row = resources.latest(s, "policy", "shadow")
        brands_row = resources.latest(s, "brands", "live")
        lexicon_row = resources.latest(s, "lexicon", "live")
        return LiveConfig(
            policy=Policy.from_dict(policy_row.body) if policy_row else load_policy(),
            shadow_policy=Policy.from_dict(shadow_row.body) if shadow_row else None,
            brands=BrandRegistry.from_dict(brands_row.body) if brands_row else BrandRegistry.load_default(),
            lexicon=Lexicon.from_dict(lexicon_row.body) if lexicon_row else None,
            fingerprint=resources.fingerprint(s),
        )


class LiveBanks:
    """An in-memory `HashBankSet` kept in step with the `bank_hashes` table."""

    def __init__(self, db: Database):
        self.db = db
        self._lock = threading.Lock()
        self.banks = HashBankSet()
        self._last_id = 0
        self._count = 0
        self.sync()

    def sync(self) -> bool:
        """Load rows added since the last sync; reload everything after a deletion."""
        with self._lock, self.db.session() as s:
            max_id, count = bank_store.state(s)
            if max_id == self._last_id and count == self._count:
                return False
            if count < self._count or max_id < self._last_id:
                self.banks, self._last_id, self._count = HashBankSet(), 0, 0  # deletions: start over
            rows = bank_store.rows_after(s, self._last_id)
        self.banks.extend(r[1:] for r in rows)
        self._last_id, self._count = max_id, count
        self.banks.pin_version(f"banks-{max_id}-{count}")
        return True


class PipelineCache:
    """The current pipeline for this process, rebuilt when the live configuration changes.

    The fingerprint query reads a few rows; it runs at most every `check_every` seconds.
    """

    def __init__(self, db: Database, settings: Settings | None = None, check_every: float = 2.0,
                 images: bool = True):
        self.db = db
        self.settings = settings or get_settings()
        self.check_every = check_every
        self.images = images
        self._lock = threading.Lock()
        self.live_banks = LiveBanks(db)
        self._config = load_live(db)
        self._pipeline = self._build(self._config)
        self._checked = time.monotonic()

    def _build(self, config: LiveConfig) -> Pipeline:
        detectors = default_detectors(brands=config.brands, banks=self.live_banks.banks, settings=self.settings,
                                      lexicon=config.lexicon, images=self.images)
        return build_pipeline(policy=config.policy, detectors=detectors)

    @property
    def config(self) -> LiveConfig:
        return self._config

    def get(self) -> Pipeline:
        if time.monotonic() - self._checked >= self.check_every:
            self.refresh()
        return self._pipeline

    @property
    def shadow(self) -> Pipeline | None:
        shadow = self._config.shadow_policy
        return self._pipeline.with_policy(shadow) if shadow else None

    def refresh(self, force: bool = False) -> bool:
        """Bring banks and configuration up to date; True when the pipeline was rebuilt."""
        with self._lock:
            self._checked = time.monotonic()
            banks_changed = self.live_banks.sync()
            with self.db.session() as s:
                fingerprint = resources.fingerprint(s)
            if not force and fingerprint == self._config.fingerprint:
                return banks_changed
            config = load_live(self.db)
            old = self._config
            if force or config.brands.version != old.brands.version or config.lexicon != old.lexicon:
                self._pipeline = self._build(config)
            else:  # only the policy changed: keep the (expensive) detectors
                self._pipeline = self._pipeline.with_policy(config.policy)
            self._config = config
            return True
