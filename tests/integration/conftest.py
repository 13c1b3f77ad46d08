"""Fixtures for API integration tests: a real app over the real database of `database_url`."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from fastapi.testclient import TestClient

from moderation.api.wiring import ApiProcess, build_api
from moderation.settings import Settings
from moderation.store.auth import create_token


@pytest.fixture
def api(settings: Settings) -> Iterator[ApiProcess]:
    """The API without its background dispatcher: tests drive relays and workers explicitly."""
    proc = build_api(settings, with_dispatcher=False, with_review_ui=False)
    yield proc
    proc.close()


@pytest.fixture
def client(api: ApiProcess) -> Iterator[TestClient]:
    with TestClient(api.app) as c:
        yield c


@pytest.fixture
def auth(api: ApiProcess) -> Callable[[set[str]], dict[str, str]]:
    """`auth({"submit", "read"})` → headers with a fresh token carrying those scopes."""

    def make(scopes: set[str]) -> dict[str, str]:
        with api.services.db.session() as s:
            return {"Authorization": f"Bearer {create_token(s, 'test-client', scopes)}"}

    return make
