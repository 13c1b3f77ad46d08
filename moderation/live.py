"""The live configuration: which policy, brand registry and lexicon are in force right now.

The policy team edits these through the API (new versions in `resource_versions`); every process
keeps a `PipelineCache` that polls a cheap fingerprint and rebuilds its pipeline when a version
changes — no restart, and every verdict records the versions that produced it.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from moderation.brands import BrandRegistry
from moderation.engine import build_pipeline, default_detectors
from moderation.pipeline import Pipeline
from moderation.policy import Policy, load_policy
from moderation.store import resources
from moderation.store.db import Database


@dataclass(frozen=True)
class LiveConfig:
    policy: Policy
    shadow_policy: Policy | None
    brands: BrandRegistry
    fingerprint: str


def load_live(db: Database) -> LiveConfig:
    """Live versions from the database, falling back to the data files shipped with the project."""
    with db.session() as s:
        policy_row = resources.latest(s, "policy", "live")
        shadow_row = resources.latest(s, "policy", "shadow")
        brands_row = resources.latest(s, "brands", "live")
        fingerprint = resources.fingerprint(s)
        return LiveConfig(
            policy=Policy.from_dict(policy_row.body) if policy_row else load_policy(),
            shadow_policy=Policy.from_dict(shadow_row.body) if shadow_row else None,
            brands=BrandRegistry.from_dict(brands_row.body) if brands_row else BrandRegistry.load_default(),
            fingerprint=fingerprint,
        )


def build_live_pipeline(config: LiveConfig) -> Pipeline:
    return build_pipeline(policy=config.policy, detectors=default_detectors(brands=config.brands))


class PipelineCache:
    """The current pipeline for this process, rebuilt when the live configuration changes.

    The fingerprint query is a few rows; it runs at most every `check_every` seconds.
    """

    def __init__(self, db: Database, check_every: float = 2.0):
        self.db = db
        self.check_every = check_every
        self._lock = threading.Lock()
        self._config = load_live(db)
        self._pipeline = build_live_pipeline(self._config)
        self._checked = time.monotonic()

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
        """Rebuild if the live configuration changed; True when it did."""
        with self._lock:
            self._checked = time.monotonic()
            with self.db.session() as s:
                fingerprint = resources.fingerprint(s)
            if not force and fingerprint == self._config.fingerprint:
                return False
            config = load_live(self.db)
            if force or config.brands.version != self._config.brands.version:
                self._pipeline = build_live_pipeline(config)
            else:  # only the policy changed: keep the (expensive) detectors
                self._pipeline = self._pipeline.with_policy(config.policy)
            self._config = config
            return True
