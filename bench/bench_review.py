"""Review UI latency with a realistic backlog: 100,000 open tasks in PostgreSQL.

    .venv/bin/python bench/bench_review.py [--tasks 100000] [--requests 200]

Measures, through the real FastAPI app (TestClient, so HTTP parsing, session check, templates and
SQL are all included): the queue page (unfiltered and filtered), "next item" (skip + claim next),
and the item page. Targets: queue and next p95 <= 150 ms, item page p95 <= 200 ms.

Setup writes rows with COPY in an own schema of the `test` database (dropped at the end), so it
takes seconds, not minutes. Also prints the EXPLAIN plan of the queue query, which is the one an
index decides.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg
import sqlalchemy as sa
from fastapi.testclient import TestClient

from moderation.api.wiring import build_api
from moderation.settings import Settings
from moderation.store.db import migrate
from review_ui.seed import ensure_user

PG = os.environ.get("BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
FAMILY_SETS = [["false_ad"], ["counterfeit"], ["mlm"], ["false_ad", "mlm"], ["counterfeit", "false_ad"]]
CODES = ["AD_ABSOLUTE_TERM", "AD_MEDICAL_CLAIM", "COUNTERFEIT_SLANG", "COUNTERFEIT_PRICE",
         "DIVERSION_CONTACT", "MLM_RECRUITMENT"]
TIERS = ["A", "B", "C", "D"]


def load_rows(dsn: str, schema: str, n: int, rng: random.Random) -> None:
    """Recommendations, verdicts and open tasks; plus decided history for 1 in 5 authors."""
    now = datetime.now(UTC)
    with psycopg.connect(dsn, options=f"-csearch_path={schema}") as conn, conn.cursor() as cur:
        with cur.copy("COPY recommendations (id, payload, content_hash, status, author_id, author_followers, "
                      "merchant_id, has_images, scan_attempts, latest_verdict_id, created_at, updated_at) "
                      "FROM STDIN") as cp:
            for i in range(n):
                wechat = f"wxid_{i % 5000:05d}"
                payload = {"id": f"r{i}", "text": f"全网最好的第{i}号好物，加微信 {wechat} 领券，原单品质。",
                           "author": {"id": f"u{i % 20000}", "name": f"达人{i % 20000}", "followers": i * 7 % 10**7},
                           "merchant": {"id": f"m{i % 3000}", "name": "店", "credit_tier": TIERS[i % 4]},
                           "product": {"title": "保温杯", "price": 59.0, "url": "https://detail.tmall.com/item.htm?id=1"}}
                status = "rejected" if i % 10 == 0 else "pending_review"
                cp.write_row((f"r{i}", json.dumps(payload, ensure_ascii=False), "0" * 64, status, f"u{i % 20000}",
                              i * 7 % 10**7, f"m{i % 3000}", False, 1, i + 1, now, now))
        with cur.copy("COPY verdicts (id, recommendation_id, route, scores, signals, versions, complete, shadow, "
                      "policy_version, created_at) FROM STDIN") as cp:
            for i in range(n):
                text = f"全网最好的第{i}号好物，加微信 wxid_{i % 5000:05d} 领券，原单品质。"
                s = text.index("最好")
                w = text.index("wxid_")
                signals = [
                    {"family": "false_ad", "code": "AD_ABSOLUTE_TERM", "score": 0.93, "law": "广告法 第九条(三)",
                     "evidence": {"kind": "text_span", "field": "text", "start": s, "end": s + 2, "text": "最好",
                                  "normalized": "最好"}},
                    {"family": "mlm", "code": "DIVERSION_CONTACT", "score": 0.9, "law": "平台规则",
                     "evidence": {"kind": "contact", "contact_type": "wechat", "value": f"wxid_{i % 5000:05d}",
                                  "field": "text", "start": w, "end": w + 10, "text": f"wxid_{i % 5000:05d}"}},
                ]
                cp.write_row((i + 1, f"r{i}", "review", json.dumps({"false_ad": 0.93, "mlm": 0.9}),
                              json.dumps(signals, ensure_ascii=False), json.dumps({"policy": "p1"}), True, False,
                              "p1", now))
        cur.execute("SELECT setval(pg_get_serial_sequence('verdicts', 'id'), %s)", (n,))
        with cur.copy("COPY review_tasks (id, recommendation_id, verdict_id, reason, state, priority, families, "
                      "top_code, max_score, merchant_tier, due_at, created_at, closed_at) FROM STDIN") as cp:
            for i in range(n):
                done = i % 10 == 0
                cp.write_row((i + 1, f"r{i}", i + 1, "scan", "done" if done else "open",
                              round(rng.random() * 2, 4), json.dumps(rng.choice(FAMILY_SETS)), rng.choice(CODES),
                              0.93, TIERS[i % 4], now + timedelta(minutes=rng.randint(-60, 1440)),
                              now - timedelta(minutes=30), now if done else None))
        cur.execute("SELECT setval(pg_get_serial_sequence('review_tasks', 'id'), %s)", (n,))
        cur.execute("INSERT INTO users (username, password_hash, role, active, created_at) "
                    "VALUES ('history', 'x', 'moderator', true, now()) RETURNING id")
        hist_user = cur.fetchone()[0]  # type: ignore[index]
        with cur.copy("COPY decisions (recommendation_id, task_id, reviewer_id, action, reason_codes, note, "
                      "handling_seconds, created_at) FROM STDIN") as cp:
            for i in range(0, n, 10):
                cp.write_row((f"r{i}", i + 1, hist_user, "reject", json.dumps(["AD_ABSOLUTE_TERM"]), None,
                              rng.uniform(20, 300), now))
        conn.commit()
        cur.execute("ANALYZE")


def timed(fn: Callable[[], object], n: int) -> list[float]:
    out = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def summary(name: str, ms: list[float], target: float) -> str:
    ms = sorted(ms)
    p95 = ms[int(len(ms) * 0.95) - 1]
    verdict = "OK" if p95 <= target else "OVER"
    return (f"| {name} | {len(ms)} | {statistics.median(ms):.1f} | {p95:.1f} | {max(ms):.1f} | "
            f"<= {target:.0f} | {verdict} |")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tasks", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=200)
    args = ap.parse_args()
    rng = random.Random(42)
    schema = "bench_review_" + uuid.uuid4().hex[:8]
    admin = sa.create_engine(PG)
    with admin.begin() as c:
        c.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    url = f"{PG}?options=-csearch_path%3D{schema}"
    try:
        migrate(url)
        t0 = time.perf_counter()
        load_rows(PG.replace("postgresql+psycopg://", "postgresql://"), schema, args.tasks, rng)
        print(f"setup: {args.tasks} tasks loaded in {time.perf_counter() - t0:.1f} s")
        settings = Settings(DATABASE_URL=url, MODERATION_VAR_DIR=Path(tempfile.mkdtemp()),
                            MODERATION_SESSION_SECRET="bench")
        api = build_api(settings, with_dispatcher=False)
        ensure_user(api.services.db, "bench", "bench-password", "moderator")
        client = TestClient(api.app)
        token = re.search(r'name="csrf" value="([^"]+)"', client.get("/review/login").text).group(1)  # type: ignore[union-attr]
        client.post("/review/login", data={"username": "bench", "password": "bench-password", "csrf": token})
        token = re.search(r'name="csrf" value="([^"]+)"', client.get("/review/").text).group(1)  # type: ignore[union-attr]
        n = args.requests

        def get_ok(path: str) -> None:
            r = client.get(path)
            assert r.status_code == 200, (path, r.status_code)

        timed(lambda: get_ok("/review/"), 10)  # warm-up: connection pool, template compilation
        current: list[int] = []

        def next_item() -> None:
            data: dict[str, object] = {"csrf": token}
            if current:
                data["skip"] = current[-1]
            r = client.post("/review/next", data=data, follow_redirects=False)
            assert r.status_code == 303 and "/tasks/" in r.headers["location"], r.headers.get("location")
            current.append(int(r.headers["location"].rsplit("/", 1)[1]))

        open_ids = [i + 1 for i in range(args.tasks) if i % 10]
        rows = [
            summary("queue page (unfiltered)", timed(lambda: get_ok("/review/"), n), 150),
            summary("queue page (family+tier filter)",
                    timed(lambda: get_ok(f"/review/?family=mlm&tier={rng.choice(TIERS)}"), n), 150),
            summary("queue page (code filter, page 5)",
                    timed(lambda: get_ok(f"/review/?code={rng.choice(CODES)}&page=5"), n), 150),
            summary("next item (skip + claim next)", timed(next_item, n), 150),
            summary("item page", timed(lambda: get_ok(f"/review/tasks/{rng.choice(open_ids)}"), n), 200),
        ]
        with api.services.db.engine.connect() as c:
            plan = c.execute(sa.text(
                "EXPLAIN ANALYZE SELECT id FROM review_tasks WHERE state = 'open' AND reason != 'escalated' "
                "ORDER BY priority DESC, due_at, id LIMIT 50")).scalars().all()
        api.close()
        print("| request | n | p50 ms | p95 ms | max ms | target p95 | |")
        print("|---|---|---|---|---|---|---|")
        print("\n".join(rows))
        print("\nqueue query plan:\n" + "\n".join(plan))
    finally:
        with admin.begin() as c:
            c.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


if __name__ == "__main__":
    main()
