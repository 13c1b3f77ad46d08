"""Nothing accepted is lost: Redis outages and dead workers are healed by the outbox relay and the
sweeper. These tests start their OWN redis-server on a free port so they can stop it."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
from fastapi.testclient import TestClient

from moderation.api.wiring import build_api
from moderation.settings import Settings
from moderation.store import recommendations as recs
from moderation.store.auth import create_token
from moderation.store.models import OutboxRow, RecommendationRow
from moderation.store.outbox import relay_scans, sweep_stuck
from workers.main import run_worker
from workers.queue import RqEnqueuer


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RedisServer:
    def __init__(self, port: int, workdir: Path):
        self.port, self.workdir = port, workdir
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            pytest.skip("redis-server binary not installed")
        self.proc = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", str(self.workdir)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        conn = redis.Redis(port=self.port)
        for _ in range(100):
            try:
                if conn.ping():
                    return
            except redis.exceptions.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(timeout=10)
            self.proc = None


@pytest.fixture
def own_redis(tmp_path: Path) -> Iterator[RedisServer]:
    server = RedisServer(free_port(), tmp_path)
    yield server
    server.stop()


def test_submissions_survive_a_redis_outage(database_url: str, own_redis: RedisServer, tmp_path: Path,
                                            queue_prefix: str) -> None:
    settings = Settings(DATABASE_URL=database_url, REDIS_URL=f"redis://127.0.0.1:{own_redis.port}/0",
                        MODERATION_QUEUE_PREFIX=queue_prefix, MODERATION_VAR_DIR=tmp_path)
    proc = build_api(settings, with_dispatcher=True, with_review_ui=False)
    try:
        with proc.services.db.session() as s:
            h = {"Authorization": f"Bearer {create_token(s, 't', {'submit', 'read'})}"}
        with TestClient(proc.app) as client:
            # Redis is down: submissions are still accepted and kept in the outbox.
            for i in range(5):
                body = {"id": f"r{i}", "text": "冬天用的保温杯", "product": {"url": "https://x.example.cn/1"}}
                assert client.post("/v1/recommendations", json=body, headers=h).status_code == 202
            assert client.get("/readyz").status_code == 503
            assert proc.dispatcher.run_once() == 0  # type: ignore[attr-defined]
            with proc.services.db.session() as s:
                pending = s.query(OutboxRow).filter(OutboxRow.dispatched_at.is_(None)).all()
                assert len(pending) == 5 and all(r.last_error for r in pending)
            # Redis comes back: the relay delivers, a worker scans, every item reaches a final state.
            own_redis.start()
            assert proc.dispatcher.run_once() == 5  # type: ignore[attr-defined]
            run_worker(settings, burst=True, with_dispatcher=False)
            for i in range(5):
                state = client.get(f"/v1/recommendations/r{i}", headers=h).json()
                assert state["status"] == "pending_review", state
    finally:
        proc.close()


def test_sweeper_rescans_items_lost_with_their_job(db, redis_conn, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    from moderation.types import Recommendation

    with db.session() as s:
        recs.accept(s, Recommendation(id="lost", text="普通的杯子"))
    enqueue = RqEnqueuer(redis_conn, settings.queue_prefix)
    assert relay_scans(db, enqueue) == 1
    # The job vanishes (Redis flushed / worker killed mid-job after marking the item scanning).
    for key in redis_conn.scan_iter(f"rq:queue:{settings.queue_prefix}-*"):
        redis_conn.delete(key)
    with db.session() as s:
        recs.claim_for_scan(s, ["lost"])
    assert sweep_stuck(db, older_than_seconds=3600) == 0  # not yet overdue
    time.sleep(1.1)
    assert sweep_stuck(db, older_than_seconds=1) == 1
    assert relay_scans(db, enqueue) == 1
    run_worker(settings, burst=True, with_dispatcher=False)
    with db.session() as s:
        row = s.get(RecommendationRow, "lost")
        assert row.status == "approved" and row.scan_attempts == 2


def test_duplicate_job_delivery_scans_once(db, pipeline) -> None:  # type: ignore[no-untyped-def]
    from moderation.scanning import scan_ids
    from moderation.store.models import VerdictRow
    from moderation.types import Recommendation

    with db.session() as s:
        recs.accept(s, Recommendation(id="dup", text="普通的杯子"))
    assert scan_ids(db, pipeline, ["dup"]) == {"dup": "approved"}
    assert scan_ids(db, pipeline, ["dup"]) == {}
    with db.session() as s:
        assert s.query(VerdictRow).filter_by(recommendation_id="dup").count() == 1


def test_relay_batches_text_and_image_items_on_separate_queues(db, redis_conn, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    from rq import Queue

    from moderation.types import Recommendation
    from workers.queue import queue_name

    with db.session() as s:
        for i in range(100):
            recs.accept(s, Recommendation(id=f"t{i}", text="普通的杯子"))
        for i in range(10):
            recs.accept(s, Recommendation(id=f"i{i}", text="图", images=[{"url": "https://img.example/a.jpg"}]))
    assert relay_scans(db, RqEnqueuer(redis_conn, settings.queue_prefix), batch_size=64, image_batch_size=4) == 110
    text_q = Queue(queue_name(settings.queue_prefix, "text"), connection=redis_conn)
    image_q = Queue(queue_name(settings.queue_prefix, "images"), connection=redis_conn)
    assert sorted(len(j.args[0]) for j in text_q.jobs) == [36, 64]
    assert sorted(len(j.args[0]) for j in image_q.jobs) == [2, 4, 4]
    assert relay_scans(db, RqEnqueuer(redis_conn, settings.queue_prefix)) == 0  # nothing sent twice


def test_an_item_that_never_finishes_scanning_goes_to_review(db) -> None:  # type: ignore[no-untyped-def]
    """A poison item (its job always times out or kills the worker) must not loop forever."""
    from moderation.store.models import ReviewTaskRow, VerdictRow
    from moderation.store.outbox import MAX_SCAN_ATTEMPTS
    from moderation.types import Recommendation

    with db.session() as s:
        recs.accept(s, Recommendation(id="poison", text="普通的杯子"))
    for attempt in range(1, MAX_SCAN_ATTEMPTS + 1):
        assert relay_scans(db, lambda queue, ids: None) == 1  # delivered to the queue
        with db.session() as s:
            recs.claim_for_scan(s, ["poison"])  # a worker starts it… and dies
        time.sleep(1.1)
        handled = sweep_stuck(db, older_than_seconds=1)
        assert handled == 1
        with db.session() as s:
            status = s.get(RecommendationRow, "poison").status
        assert status == ("pending_review" if attempt == MAX_SCAN_ATTEMPTS else "queued")
    with db.session() as s:
        verdict = s.query(VerdictRow).filter_by(recommendation_id="poison").one()
        assert verdict.route == "review" and verdict.complete is False
        assert verdict.signals[0]["code"] == "SCAN_FAILED"
        assert s.query(ReviewTaskRow).filter_by(recommendation_id="poison", state="open").count() == 1
    assert sweep_stuck(db, older_than_seconds=0) == 0
