"""`moderation demo` really starts: embedded Redis, SQLite under var/, API, workers, seeded items."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_demo_starts_serves_and_scans_seeded_items(tmp_path: Path) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DATABASE_URL")}
    env["MODERATION_VAR_DIR"] = str(tmp_path / "var")
    log = tmp_path / "demo.log"
    with log.open("w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "moderation.cli", "demo", "--port", str(port), "--workers", "1"],
                                stdout=out, stderr=subprocess.STDOUT, env=env, cwd=tmp_path)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{base}/healthz", timeout=1).json() == {"status": "ok"}:
                    break
            except httpx.HTTPError:
                time.sleep(0.3)
        else:
            raise AssertionError(f"demo did not answer /healthz:\n{log.read_text()}")
        output = log.read_text()
        assert "reviewer" in output and "/review/" in output
        token = re.search(r"API token : (\S+)", output)
        assert token, output
        headers = {"Authorization": f"Bearer {token.group(1)}"}
        # The seeded items get scanned by the demo's worker.
        while time.monotonic() < deadline:
            status = httpx.get(f"{base}/v1/recommendations/demo-000", headers=headers, timeout=2).json()["status"]
            if status not in ("queued", "scanning"):
                break
            time.sleep(0.3)
        assert status in ("approved", "pending_review", "rejected")
        assert (tmp_path / "var" / "moderation.db").exists()
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
