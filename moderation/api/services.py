"""What the HTTP layer needs, built once per process and injected (never imported globals)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from moderation.pipeline import Pipeline
from moderation.settings import Settings
from moderation.store.db import Database


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
