"""`moderation tokens create | list | revoke` against a real SQLite database, through the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from moderation.cli import app
from moderation.store.auth import verify_token
from moderation.store.db import Database


@pytest.fixture
def db_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path}/tokens.db"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("MODERATION_VAR_DIR", str(tmp_path))
    return url


def test_create_list_and_revoke_a_token(db_url: str) -> None:
    runner = CliRunner()
    created = runner.invoke(app, ["tokens", "create", "--name", "publish-pipeline", "--scopes", "score"])
    assert created.exit_code == 0, created.output
    token = created.output.strip().splitlines()[-1]
    db = Database(db_url)
    with db.session() as s:
        info = verify_token(s, token)
    assert info is not None and info.scopes == frozenset({"score"})

    listed = runner.invoke(app, ["tokens", "list"])
    assert listed.exit_code == 0 and "publish-pipeline" in listed.output and token not in listed.output

    assert runner.invoke(app, ["tokens", "revoke", str(info.id)]).exit_code == 0
    with db.session() as s:
        assert verify_token(s, token) is None
    again = runner.invoke(app, ["tokens", "revoke", str(info.id)])
    assert again.exit_code == 0 and "already revoked" in again.output
    missing = runner.invoke(app, ["tokens", "revoke", "999"])
    assert missing.exit_code == 2 and "no token" in missing.output
    db.dispose()
