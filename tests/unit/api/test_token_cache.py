"""TokenCache: a pure unit (clock injected); the API path over a real database is in
tests/integration/test_api_flow.py."""

from __future__ import annotations

from moderation.api.services import TokenCache
from moderation.store.auth import TokenInfo

INFO = TokenInfo(1, "pipeline", frozenset({"score"}))


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_an_entry_lives_for_the_ttl_only() -> None:
    clock = Clock()
    cache = TokenCache(30.0, clock=clock)
    assert cache.get("mod_a") is None
    cache.put("mod_a", INFO)
    assert cache.get("mod_a") == INFO and cache.get("mod_b") is None
    clock.now += 29.9
    assert cache.get("mod_a") == INFO
    clock.now += 0.2
    assert cache.get("mod_a") is None


def test_ttl_zero_caches_nothing() -> None:
    cache = TokenCache(0.0)
    cache.put("mod_a", INFO)
    assert cache.get("mod_a") is None


def test_tokens_are_kept_by_digest_and_the_cache_is_bounded() -> None:
    cache = TokenCache(30.0, max_entries=3)
    for i in range(3):
        cache.put(f"mod_{i}", INFO)
    assert all("mod_" not in key for key in cache._entries)
    cache.put("mod_3", INFO)  # full: starts over rather than growing without bound
    assert len(cache._entries) == 1 and cache.get("mod_3") == INFO
