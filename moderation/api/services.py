"""What the HTTP layer needs, built once per process and injected (never imported globals)."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from moderation.pipeline import Pipeline
from moderation.settings import Settings
from moderation.store.auth import TokenInfo
from moderation.store.db import Database


class TokenCache:
    """Bearer tokens this process verified recently, by digest.

    Why: every API call carries a token, and checking it costs a database round trip (and, from a
    synchronous dependency, a thread hop) — on the 2-core reference machine about as much as the
    text scan of `/v1/score` itself. Only successful lookups are kept, for `ttl` seconds, so a new
    token works at once and a revoked one stops working within `ttl` (immediately with `ttl` 0).
    """

    def __init__(self, ttl: float, max_entries: int = 10_000, clock: Callable[[], float] = time.monotonic):
        self.ttl = ttl
        self.max_entries = max_entries
        self._clock = clock
        self._entries: dict[str, tuple[float, TokenInfo]] = {}

    @staticmethod
    def _key(token: str) -> str:
        return hashlib.sha256(token.encode("utf-8")).hexdigest()

    def get(self, token: str) -> TokenInfo | None:
        if self.ttl <= 0:
            return None
        entry = self._entries.get(self._key(token))
        if entry is None or entry[0] <= self._clock():
            return None
        return entry[1]

    def put(self, token: str, info: TokenInfo) -> None:
        if self.ttl <= 0:
            return
        if len(self._entries) >= self.max_entries:  # a burst of distinct tokens: start over
            self._entries.clear()
        self._entries[self._key(token)] = (self._clock() + self.ttl, info)

    def clear(self) -> None:
        self._entries.clear()


@dataclass
class Services:
    settings: Settings
    db: Database
    pipeline: Pipeline
    #: Called after a submission commits, to relay it to the queue without waiting for the timer.
    kick: Callable[[], None] = field(default=lambda: None)
    #: Rebuild `pipeline` after a policy/brand/lexicon change (set by the wiring).
    reload: Callable[[], None] = field(default=lambda: None)
    #: Readiness probe of the queue (Redis ping); None when this process has no queue.
    queue_ready: Callable[[], bool] | None = None
    #: Verified bearer tokens, kept for `settings.token_cache_seconds` (derived, not a parameter).
    tokens: TokenCache = field(init=False)

    def __post_init__(self) -> None:
        self.tokens = TokenCache(self.settings.token_cache_seconds)
