"""`moderation` command line: serve, worker, demo, tokens, users, eval, train, migrate.

An adapter like the API: it parses arguments and calls the core; heavy imports happen inside
commands so `moderation --help` stays fast.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from moderation.settings import Settings

app = typer.Typer(help="Showcase recommendation moderation.", no_args_is_help=True, add_completion=False)
tokens_app = typer.Typer(help="API tokens for programs (publish pipeline, policy tools).")
users_app = typer.Typer(help="Staff accounts for the review UI.")
app.add_typer(tokens_app, name="tokens")
app.add_typer(users_app, name="users")
console = Console(stderr=True)


def _settings() -> Settings:
    return Settings()


@app.command()
def migrate() -> None:
    """Create or upgrade the database schema (Alembic)."""
    from moderation.store.db import migrate as run

    url = _settings().resolved_database_url()
    run(url)
    console.print(f"[green]database at head[/green] ({url.split('@')[-1]})")


@tokens_app.command("create")
def tokens_create(
    name: Annotated[str, typer.Option(help="who uses it, e.g. publish-pipeline")],
    scopes: Annotated[str, typer.Option(help="comma-separated: submit,score,read,policy,admin")] = "submit,score,read",
) -> None:
    """Create a token and print it (only the token, so scripts can capture it)."""
    from moderation.store.auth import create_token
    from moderation.store.db import Database, migrate

    settings = _settings()
    migrate(settings.resolved_database_url())
    db = Database(settings.resolved_database_url())
    try:
        with db.session() as s:
            token = create_token(s, name, {x.strip() for x in scopes.split(",") if x.strip()})
    except ValueError as exc:
        console.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from None
    print(token)


@tokens_app.command("list")
def tokens_list() -> None:
    """List tokens (id, name, scopes, created, revoked); the tokens themselves are never stored."""
    import sqlalchemy as sa
    from rich.table import Table

    from moderation.store.db import Database
    from moderation.store.models import ApiTokenRow

    db = Database(_settings().resolved_database_url())
    table = Table("id", "name", "scopes", "created", "revoked")
    with db.session() as s:
        for row in s.scalars(sa.select(ApiTokenRow).order_by(ApiTokenRow.id)):
            table.add_row(str(row.id), row.name, row.scopes, f"{row.created_at:%Y-%m-%d %H:%M}",
                          f"{row.revoked_at:%Y-%m-%d %H:%M}" if row.revoked_at else "")
    console.print(table)


@tokens_app.command("revoke")
def tokens_revoke(token_id: int) -> None:
    """Revoke a token by id. Running API processes stop accepting it within
    MODERATION_TOKEN_CACHE_SECONDS (default 30 s)."""
    from moderation.store.auth import revoke_token
    from moderation.store.db import Database
    from moderation.store.models import ApiTokenRow

    db = Database(_settings().resolved_database_url())
    with db.session() as s:
        row = s.get(ApiTokenRow, token_id)
        if row is None:
            console.print(f"[red]no token with id {token_id}[/red]")
            raise typer.Exit(2)
        if row.revoked_at is not None:  # keep the first revocation time (audit)
            console.print(f"token {token_id} was already revoked at {row.revoked_at:%Y-%m-%d %H:%M}")
            return
        revoke_token(s, token_id)
    console.print(f"revoked token {token_id}")


@users_app.command("create")
def users_create(
    username: str,
    role: Annotated[str, typer.Option(help="moderator | policy | admin")] = "moderator",
    password: Annotated[str, typer.Option(prompt=True, hide_input=True, confirmation_prompt=True)] = "",
) -> None:
    """Create a review-UI account."""
    from moderation.store.auth import create_user
    from moderation.store.db import Database, migrate

    settings = _settings()
    migrate(settings.resolved_database_url())
    with Database(settings.resolved_database_url()).session() as s:
        create_user(s, username, password, role)
    console.print(f"[green]created {role} {username}[/green]")


@app.command()
def serve(
    host: str = "127.0.0.1",
    port: int = 8000,
    dispatcher: Annotated[bool, typer.Option(help="run the outbox relay in this process")] = True,
) -> None:
    """Run the API + review UI (stateless; run several behind a load balancer)."""
    import uvicorn

    from moderation.api.wiring import build_api

    settings = _settings()
    proc = build_api(settings, with_dispatcher=dispatcher)
    try:
        uvicorn.run(proc.app, host=host, port=port, log_level="warning")
    finally:
        proc.close()


@app.command()
def worker(
    queues: Annotated[str, typer.Option(help="queues in priority order")] = "text,images",
    burst: Annotated[bool, typer.Option(help="exit when the queues are empty")] = False,
    metrics_port: Annotated[int | None, typer.Option(help="serve Prometheus /metrics on 127.0.0.1:PORT")] = None,
) -> None:
    """Run a queue worker (detectors and models are loaded once, at start)."""
    from workers.main import run_worker

    logging.basicConfig(level=logging.WARNING)
    run_worker(_settings(), [q.strip() for q in queues.split(",") if q.strip()], burst=burst,
               metrics_port=metrics_port)


@app.command()
def demo(
    port: int = 8000,
    host: str = "127.0.0.1",
    workers: Annotated[int, typer.Option(help="worker processes")] = 2,
    seed: Annotated[bool, typer.Option(help="seed demo recommendations")] = True,
) -> None:
    """Everything in one command: migrate, seed demo data, start API + workers + review UI."""
    import uvicorn

    from moderation.api.wiring import build_api
    from moderation.demo import DEMO_PASSWORD, DEMO_USER, prepare_demo
    from workers.redis_conn import ensure_redis_url

    settings = _settings()
    redis_url, embedded = ensure_redis_url(settings.var_dir)
    settings = Settings(REDIS_URL=redis_url)
    token, seeded = prepare_demo(settings, seed=seed)
    env = {**os.environ, "REDIS_URL": redis_url}
    children = [
        subprocess.Popen([sys.executable, "-m", "moderation.cli", "worker"], env=env) for _ in range(max(workers, 0))
    ]
    proc = build_api(settings)
    base = f"http://{host}:{port}"
    console.print(f"\n[bold green]Showcase moderation demo[/bold green] — {seeded} demo recommendations queued")
    console.print(f"  review UI : {base}/review/   login [bold]{DEMO_USER}[/bold] / [bold]{DEMO_PASSWORD}[/bold]")
    console.print(f"  API docs  : {base}/docs")
    console.print(f"  API token : {token}")
    console.print(f"  database  : {settings.resolved_database_url()}\n  redis     : {redis_url}\n")
    try:
        uvicorn.run(proc.app, host=host, port=port, log_level="warning")
    finally:
        proc.close()
        for child in children:
            child.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + 10
        for child in children:
            try:
                child.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                child.kill()
        if embedded is not None:
            embedded.close()


@app.command("eval")
def evaluate(
    data: Annotated[Path, typer.Option(help="labelled jsonl (the dev-set schema)")],
    split: Annotated[str, typer.Option(help="report | tune | all (dev-set ids ending 0-6 are tune, 7-9 report)")
                     ] = "report",
    model: Annotated[bool, typer.Option("--model/--no-model",
                                        help="include the learned text model (on in the product)")] = True,
) -> None:
    """Precision/recall per family and evasion kind, beside a naive keyword filter."""
    from moderation.evaluation import main

    raise typer.Exit(main(str(data), split, with_model=model))


@app.command()
def train(
    data: Annotated[Path | None, typer.Option(help="training jsonl (default: the project's own)")] = None,
    out: Annotated[Path | None, typer.Option(help="artifact directory")] = None,
) -> None:
    """Train the transformers text classifier from the project's data and save it locally."""
    from models.train import main

    raise typer.Exit(main(str(data) if data else None, str(out) if out else None))


if __name__ == "__main__":
    app()
