"""Fixtures of the review-UI tests: a real uvicorn server in a thread, real headless Chromium, and
seeding through the real store path (`review_ui.examples.seed_item`).

Browser tests run on SQLite only (the UI code is the same over both backends; the store-level
behaviours — claims, leases — are tested on SQLite AND PostgreSQL in `test_review_workflow.py`).
"""

from __future__ import annotations

import re
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import Browser, Page, sync_playwright

from moderation.api.wiring import ApiProcess, build_api
from moderation.settings import Settings
from review_ui.seed import ensure_user

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PASSWORD = "correct-horse-battery"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class LiveApp:
    base: str
    api: ApiProcess
    users: dict[str, int]


class _ThreadServer(uvicorn.Server):
    def install_signal_handlers(self) -> None:  # the main thread belongs to pytest
        return None


def start_server(api: ApiProcess) -> tuple[str, Callable[[], None]]:
    port = free_port()
    server = _ThreadServer(uvicorn.Config(api.app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)

    def stop() -> None:
        server.should_exit = True
        thread.join(timeout=10)

    return f"http://127.0.0.1:{port}", stop


def sqlite_settings(sqlite_url: str, tmp_path: Path, **overrides: object) -> Settings:
    return Settings(DATABASE_URL=sqlite_url, MODERATION_VAR_DIR=tmp_path / "var",
                    MODERATION_SESSION_SECRET="ui-test-" + uuid.uuid4().hex, **overrides)  # type: ignore[arg-type]


def seed_staff(api: ApiProcess) -> dict[str, int]:
    return {name: ensure_user(api.services.db, name, PASSWORD, role)
            for name, role in (("mod1", "moderator"), ("mod2", "moderator"), ("pol1", "policy"),
                               ("adm1", "admin"))}


@pytest.fixture
def live_app_factory(sqlite_url: str, tmp_path: Path) -> Iterator[Callable[..., LiveApp]]:
    """Start a server; keyword arguments override Settings (e.g. MODERATION_REVIEW_LEASE=1)."""
    stops: list[Callable[[], None]] = []
    apis: list[ApiProcess] = []

    def make(**overrides: object) -> LiveApp:
        api = build_api(sqlite_settings(sqlite_url, tmp_path, **overrides), with_dispatcher=False)
        apis.append(api)
        base, stop = start_server(api)
        stops.append(stop)
        return LiveApp(base, api, seed_staff(api))

    yield make
    for stop in stops:
        stop()
    for api in apis:
        api.close()


@pytest.fixture
def live_app(live_app_factory: Callable[..., LiveApp]) -> LiveApp:
    return live_app_factory()


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def new_page(chromium: Browser) -> Iterator[Callable[[], Page]]:
    """Each call opens a fresh browser context (its own cookies): one per reviewer."""
    contexts = []

    def make() -> Page:
        ctx = chromium.new_context(viewport={"width": 1400, "height": 900}, locale="zh-CN")
        contexts.append(ctx)
        return ctx.new_page()

    yield make
    for ctx in contexts:
        ctx.close()


def login(page: Page, base: str, username: str, password: str = PASSWORD) -> None:
    page.goto(f"{base}/review/login")
    page.fill("#username", username)
    page.fill("#password", password)
    page.click("#login-submit")
    page.wait_for_load_state()


CSRF_RE = re.compile(r'name="csrf" value="([^"]+)"')


def csrf_of(html: str) -> str:
    match = CSRF_RE.search(html)
    assert match, "page has no CSRF field"
    return match.group(1)
