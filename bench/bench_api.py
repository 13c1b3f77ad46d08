"""`POST /v1/score` latency, text only, against a real uvicorn server on loopback.

    .venv/bin/python bench/bench_api.py --requests 2000
    .venv/bin/python bench/bench_api.py --requests 2000 --data tests/data/text_cases.jsonl --only clean

Bodies: the demo recommendations (mostly risky: 64 of 77 have evidence, so the text model runs on
them), or the text cases of a labelled JSONL file, optionally only its clean or risky ones (clean
posts, most of real traffic, skip the corroborating text model).

Peer in the same run: `GET /healthz` on the same server (the HTTP + FastAPI floor), and the
in-process `pipeline.scan` on the same bodies (the detection work alone).
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from moderation.demo import demo_recommendations  # noqa: E402
from moderation.engine import build_pipeline, default_detectors  # noqa: E402
from moderation.evaluation import load_cases, to_recommendation  # noqa: E402
from moderation.types import Recommendation  # noqa: E402


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def summary(ms: list[float]) -> dict[str, float]:
    return {"p50_ms": round(pct(ms, 0.5), 3), "p95_ms": round(pct(ms, 0.95), 3), "p99_ms": round(pct(ms, 0.99), 3),
            "mean_ms": round(statistics.fmean(ms), 3)}


def bodies_from(data: Path | None, only: str) -> list[Recommendation]:
    if data is None:
        return demo_recommendations()
    rows = [r for r in load_cases(data)
            if only == "all" or (only == "clean") == (not any(r["labels"].values()))]
    return [to_recommendation(r) for r in rows]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--data", type=Path, help="labelled JSONL whose cases are the bodies (default: the demo items)")
    ap.add_argument("--only", choices=("all", "clean", "risky"), default="all", help="with --data: which cases")
    args = ap.parse_args()
    recs = bodies_from(args.data, args.only)
    bodies = [r.model_dump(mode="json", exclude_none=True) for r in recs]
    with tempfile.TemporaryDirectory() as d:
        env = {**os.environ, "MODERATION_VAR_DIR": d, "DATABASE_URL": f"sqlite:///{d}/api.db"}
        env.pop("REDIS_URL", None)
        token = subprocess.run([sys.executable, "-m", "moderation.cli", "tokens", "create", "--name", "bench",
                                "--scopes", "score"], env=env, capture_output=True, text=True, check=True,
                               cwd=ROOT).stdout.strip()
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = subprocess.Popen([sys.executable, "-m", "moderation.cli", "serve", "--port", str(port),
                                   "--no-dispatcher"], env=env, cwd=ROOT)
        try:
            base = f"http://127.0.0.1:{port}"
            with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {token}"}) as client:
                for _ in range(300):
                    try:
                        client.get("/healthz")
                        break
                    except httpx.TransportError:
                        time.sleep(0.2)
                for b in bodies:  # warm-up
                    client.post("/v1/score", json=b)
                health, score = [], []
                for i in range(args.requests):
                    t0 = time.perf_counter()
                    client.get("/healthz")
                    health.append((time.perf_counter() - t0) * 1000)
                    body = bodies[i % len(bodies)]
                    t0 = time.perf_counter()
                    r = client.post("/v1/score", json=body)
                    score.append((time.perf_counter() - t0) * 1000)
                    assert r.status_code == 200, r.text
        finally:
            server.terminate()
            server.wait()
    pipeline = build_pipeline(detectors=default_detectors(images=False))
    inproc = []
    for i in range(args.requests):
        t0 = time.perf_counter()
        pipeline.scan(recs[i % len(recs)])
        inproc.append((time.perf_counter() - t0) * 1000)
    out = {"score": summary(score), "healthz_peer": summary(health), "pipeline_in_process": summary(inproc),
           "requests": args.requests, "bodies": f"{args.data or 'demo'} ({args.only}, {len(recs)} distinct)"}
    print(json.dumps(out, indent=2))
    print(f"POST /v1/score  p50 {out['score']['p50_ms']:.2f} ms  p99 {out['score']['p99_ms']:.2f} ms")
    print(f"GET /healthz    p50 {out['healthz_peer']['p50_ms']:.2f} ms  p99 {out['healthz_peer']['p99_ms']:.2f} ms")
    print(f"pipeline.scan   p50 {out['pipeline_in_process']['p50_ms']:.2f} ms  "
          f"p99 {out['pipeline_in_process']['p99_ms']:.2f} ms")


if __name__ == "__main__":
    main()
