"""Shared fixtures: REAL databases (SQLite file and PostgreSQL schema per test) and REAL Redis.

PostgreSQL isolation: every test gets its own schema in the `test` database (search_path set in the
URL), migrated with Alembic and dropped afterwards, so tests never see each other's rows.
Redis isolation: every test gets its own queue-name prefix on the shared server.

Outside CI, a missing PostgreSQL/Redis skips the tests that need it; under CI (CI=true) it fails.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
import sqlalchemy as sa

from moderation.engine import build_pipeline
from moderation.settings import Settings
from moderation.store.db import Database, migrate

PG_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def _unavailable(what: str) -> None:
    if IN_CI:
        pytest.fail(f"{what} is required in CI but unreachable")
    pytest.skip(f"{what} unreachable")


@pytest.fixture(scope="session")
def pg_admin_engine() -> Iterator[sa.Engine]:
    engine = sa.create_engine(PG_URL, pool_pre_ping=True)
    try:
        with engine.connect() as c:
            c.execute(sa.text("SELECT 1"))
    except sa.exc.OperationalError:
        engine.dispose()
        _unavailable("PostgreSQL")
    yield engine
    engine.dispose()


def _pg_url_with_schema(schema: str) -> str:
    sep = "&" if "?" in PG_URL else "?"
    return f"{PG_URL}{sep}options=-csearch_path%3D{schema}"


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A freshly migrated database; the test runs once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'test.db'}"
        migrate(url)
        yield url
        return
    admin: sa.Engine = request.getfixturevalue("pg_admin_engine")
    schema = "t_" + uuid.uuid4().hex[:12]
    with admin.begin() as c:
        c.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    url = _pg_url_with_schema(schema)
    try:
        migrate(url)
        yield url
    finally:
        with admin.begin() as c:
            c.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'test.db'}"
    migrate(url)
    return url


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    database = Database(database_url)
    yield database
    database.dispose()


@pytest.fixture
def redis_conn() -> Iterator[redis.Redis]:
    conn = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
    try:
        conn.ping()
    except redis.exceptions.ConnectionError:
        _unavailable("Redis")
    yield conn
    conn.close()


@pytest.fixture
def queue_prefix(redis_conn: redis.Redis) -> Iterator[str]:
    prefix = "t" + uuid.uuid4().hex[:10]
    yield prefix
    for key in redis_conn.scan_iter(f"rq:queue:{prefix}-*"):
        redis_conn.delete(key)


@pytest.fixture(scope="session")
def pipeline():  # type: ignore[no-untyped-def]
    return build_pipeline()


@pytest.fixture
def settings(database_url: str, queue_prefix: str, tmp_path: Path) -> Settings:
    return Settings(
        DATABASE_URL=database_url,
        REDIS_URL=REDIS_URL,
        MODERATION_QUEUE_PREFIX=queue_prefix,
        MODERATION_VAR_DIR=tmp_path / "var",
        MODERATION_SESSION_SECRET="test-secret-" + uuid.uuid4().hex,
        MODERATION_SWEEP_AFTER=1,
    )


@pytest.fixture
def shared_data() -> Path:
    if not (SHARED_DATA / "text_dev.jsonl").exists():
        pytest.skip("../shared/data is not present (a user's clone)")
    return SHARED_DATA
