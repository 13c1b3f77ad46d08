"""Prometheus metrics for the API (`/metrics`). One registry per app keeps tests independent."""

from __future__ import annotations

from dataclasses import dataclass

from prometheus_client import CollectorRegistry, Counter, Histogram


@dataclass
class ApiMetrics:
    registry: CollectorRegistry
    requests: Counter
    latency: Histogram
    submissions: Counter
    scores: Counter

    @classmethod
    def create(cls) -> ApiMetrics:
        reg = CollectorRegistry()
        return cls(
            registry=reg,
            requests=Counter("moderation_http_requests", "HTTP requests", ["route", "status"], registry=reg),
            latency=Histogram("moderation_http_latency_seconds", "HTTP latency", ["route"], registry=reg,
                              buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5)),
            submissions=Counter("moderation_submissions", "Accepted recommendations", ["result"], registry=reg),
            scores=Counter("moderation_score_routes", "Synchronous score routes", ["route"], registry=reg),
        )
