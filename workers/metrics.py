"""Prometheus metrics of a worker process (scans, routes, latency, scan failures).

Each worker serves its own `/metrics` on `--metrics-port` (Prometheus scrapes every process; no
shared multiprocess directory to manage). The API's metrics live in `moderation.api.metrics`.
"""

from __future__ import annotations

from collections.abc import Mapping

from prometheus_client import CollectorRegistry, Counter, Histogram, start_http_server

REGISTRY = CollectorRegistry()
JOBS = Counter("moderation_worker_jobs", "Scan jobs run", ["result"], registry=REGISTRY)
ITEMS = Counter("moderation_worker_items", "Recommendations scanned, by resulting status", ["status"],
                registry=REGISTRY)
JOB_SECONDS = Histogram("moderation_worker_job_seconds", "Wall time of one scan job", registry=REGISTRY,
                        buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120))


def record_job(statuses: Mapping[str, str], seconds: float) -> None:
    JOBS.labels("ok").inc()
    JOB_SECONDS.observe(seconds)
    for status in statuses.values():
        ITEMS.labels(status).inc()


def serve(port: int) -> None:
    start_http_server(port, addr="127.0.0.1", registry=REGISTRY)
