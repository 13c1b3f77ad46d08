"""All configuration in one place, read from the environment (prefix-free, 12-factor style).

Defaults are the embedded, single-machine setup a newcomer gets from `moderation demo`: SQLite and
an embedded Redis under `./var/`. Production sets `DATABASE_URL` and `REDIS_URL`.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="", extra="ignore", case_sensitive=False)

    var_dir: Path = Field(default=Path("var"), alias="MODERATION_VAR_DIR")
    database_url: str | None = Field(default=None, alias="DATABASE_URL")
    redis_url: str | None = Field(default=None, alias="REDIS_URL")

    # API limits
    max_body_bytes: int = Field(default=16 * 1024 * 1024, alias="MODERATION_MAX_BODY_BYTES")
    #: How long an API process trusts a bearer token it has verified (0: check the database on every
    #: request). A token revoked from another process keeps working here for at most this long.
    token_cache_seconds: float = Field(default=30.0, ge=0.0, alias="MODERATION_TOKEN_CACHE_SECONDS")

    # Queue
    queue_prefix: str = Field(default="moderation", alias="MODERATION_QUEUE_PREFIX")
    job_batch_size: int = Field(default=64, alias="MODERATION_JOB_BATCH")
    #: An accepted item not scanned within this many seconds is re-enqueued by the sweeper.
    sweep_after_seconds: int = Field(default=120, alias="MODERATION_SWEEP_AFTER")

    # Images
    #: Off by default: image URLs on loopback/private networks are refused (SSRF). Tests enable it.
    allow_private_image_hosts: bool = Field(default=False, alias="MODERATION_ALLOW_PRIVATE_IMAGE_HOSTS")
    image_max_bytes: int = Field(default=10 * 1024 * 1024, alias="MODERATION_IMAGE_MAX_BYTES")
    image_max_pixels: int = Field(default=40_000_000, alias="MODERATION_IMAGE_MAX_PIXELS")
    image_fetch_timeout: float = Field(default=5.0, alias="MODERATION_IMAGE_FETCH_TIMEOUT")

    # Webhooks
    #: HMAC key for `X-Moderation-Signature`; required for webhooks to be sent at all.
    webhook_secret: str | None = Field(default=None, alias="MODERATION_WEBHOOK_SECRET")
    #: Off by default: callbacks to loopback/private networks are refused (SSRF). Tests enable it.
    allow_private_callback_hosts: bool = Field(default=False, alias="MODERATION_ALLOW_PRIVATE_CALLBACK_HOSTS")

    # Review
    review_lease_seconds: int = Field(default=600, alias="MODERATION_REVIEW_LEASE")
    session_secret: str | None = Field(default=None, alias="MODERATION_SESSION_SECRET")
    session_max_age_seconds: int = Field(default=8 * 3600, alias="MODERATION_SESSION_MAX_AGE")
    #: Share of auto-approved items pulled into the queue for quality assurance.
    qa_sample_share: float = Field(default=0.02, ge=0, le=1, alias="MODERATION_QA_SHARE")
    #: Share of decisions that get an independent second review (agreement / Cohen's kappa).
    second_review_share: float = Field(default=0.05, ge=0, le=1, alias="MODERATION_SECOND_REVIEW_SHARE")

    # Model
    #: The learned classifier beside the lexicon detectors. On by default: on three independently
    #: written labelled sets it recovered the lexicon's recall misses at a cost of ≤ 2 false positives
    #: (bench/RESULTS_model.md); it costs ~1–1.5 ms per item at batch 1, far less batched in workers.
    use_text_model: bool = Field(default=True, alias="MODERATION_USE_TEXT_MODEL")

    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        self.var_dir.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{(self.var_dir / 'moderation.db').resolve()}"


@lru_cache
def get_settings() -> Settings:
    return Settings()
