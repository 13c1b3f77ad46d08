"""End-to-end queue throughput: our batched scan jobs vs raw RQ no-op jobs, same Redis, same run.

    .venv/bin/python bench/bench_queue.py --items 3000 --workers 2 [--db sqlite|postgres]

Ours: N text-only recommendations accepted into the database (with their outbox rows), the relay
puts them on Redis in batches, W `moderation worker --burst` processes scan them and store the
verdicts; timed from the first relay pass until every item has a final status.
Peer: N raw RQ no-op jobs drained by W SimpleWorker processes (rq's own per-job cost).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import redis
import sqlalchemy as sa
from rq import Queue

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from moderation.demo import demo_recommendations  # noqa: E402
from moderation.store import recommendations as recs  # noqa: E402
from moderation.store.db import Database, migrate  # noqa: E402
from moderation.store.models import RecommendationRow, VerdictRow  # noqa: E402
from moderation.store.outbox import relay_scans  # noqa: E402
from moderation.types import Recommendation  # noqa: E402
from workers.queue import RqEnqueuer  # noqa: E402

PG = os.environ.get("TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
REDIS = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def database(kind: str, tmp: Path) -> tuple[str, callable]:  # type: ignore[valid-type]
    if kind == "sqlite":
        url = f"sqlite:///{tmp / 'bench.db'}"
        migrate(url)
        return url, lambda: None
    schema = "bench_" + uuid.uuid4().hex[:8]
    admin = sa.create_engine(PG)
    with admin.begin() as c:
        c.execute(sa.text(f"CREATE SCHEMA {schema}"))
    url = f"{PG}?options=-csearch_path%3D{schema}"
    migrate(url)

    def drop() -> None:
        with admin.begin() as c:
            c.execute(sa.text(f"DROP SCHEMA {schema} CASCADE"))

    return url, drop


def run_ours(n: int, workers: int, kind: str, batch: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as d:
        url, drop = database(kind, Path(d))
        try:
            db = Database(url)
            base = demo_recommendations()
            with db.session() as s:
                for i in range(n):
                    src = base[i % len(base)]
                    recs.accept(s, Recommendation.model_validate({**src.model_dump(mode="json"), "id": f"b{i}"}))
            prefix = "bench" + uuid.uuid4().hex[:6]
            conn = redis.Redis.from_url(REDIS)
            env = {**os.environ, "DATABASE_URL": url, "REDIS_URL": REDIS, "MODERATION_QUEUE_PREFIX": prefix,
                   "MODERATION_JOB_BATCH": str(batch)}
            t0 = time.perf_counter()
            relay_scans(db, RqEnqueuer(conn, prefix), batch_size=batch, limit=n)
            procs = [subprocess.Popen([sys.executable, "-m", "moderation.cli", "worker", "--burst"], env=env, cwd=ROOT)
                     for _ in range(workers)]
            for p in procs:
                p.wait()
            elapsed = time.perf_counter() - t0
            with db.session() as s:
                done = s.scalar(sa.select(sa.func.count()).select_from(RecommendationRow).where(
                    RecommendationRow.status.not_in(("queued", "scanning"))))
                first, last = s.execute(sa.select(sa.func.min(VerdictRow.created_at),
                                                  sa.func.max(VerdictRow.created_at))).one()
            db.dispose()
            assert done == n, f"only {done}/{n} scanned"
            # Steady state: from the first stored verdict to the last (excludes worker start-up,
            # i.e. importing torch/OpenCV and building the detectors, which happens once per process).
            steady = (last - first).total_seconds()
            return {"items": n, "seconds": elapsed, "per_second": n / elapsed,
                    "steady_per_second": (n - 1) / steady if steady > 0 else float("inf")}
        finally:
            drop()


def run_raw_rq(n: int, workers: int) -> dict[str, float]:
    conn = redis.Redis.from_url(REDIS)
    name = "bench-noop-" + uuid.uuid4().hex[:6]
    q = Queue(name, connection=conn)
    jobs = [Queue.prepare_data("bench.noop.noop", result_ttl=0) for _ in range(n)]
    q.enqueue_many(jobs)
    t0 = time.perf_counter()
    code = (f"import sys; sys.path.insert(0, {str(ROOT)!r}); import redis; from rq import SimpleWorker, Queue;"
            f"c=redis.Redis.from_url({REDIS!r}); SimpleWorker([Queue({name!r}, connection=c)], connection=c)"
            ".work(burst=True, logging_level='ERROR')")
    procs = [subprocess.Popen([sys.executable, "-c", code], cwd=ROOT) for _ in range(workers)]
    for p in procs:
        p.wait()
    elapsed = time.perf_counter() - t0
    return {"jobs": n, "seconds": elapsed, "per_second": n / elapsed}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--items", type=int, default=3000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--db", choices=["sqlite", "postgres"], default="postgres")
    args = ap.parse_args()
    raw = run_raw_rq(args.items, args.workers)
    ours = run_ours(args.items, args.workers, args.db, args.batch)
    print(json.dumps({"raw_rq_noop_jobs": raw, "moderation_scan": ours, "workers": args.workers,
                      "batch": args.batch, "db": args.db}, indent=2))
    print(f"raw RQ no-op jobs : {raw['per_second']:8.0f} jobs/s   ({args.workers} SimpleWorkers)")
    print(f"our scan pipeline : {ours['per_second']:8.0f} recommendations/s end to end incl. worker start-up, "
          f"{ours['steady_per_second']:.0f}/s steady state ({args.workers} workers, batch {args.batch}, {args.db})")


if __name__ == "__main__":
    main()
