"""End to end on real Redis and a real database (SQLite and PostgreSQL): submit over HTTP, the
outbox relay enqueues on Redis, a real RQ worker scans, the state is read back over HTTP."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from moderation.api.wiring import ApiProcess, build_api
from moderation.settings import Settings
from moderation.store.auth import create_token
from moderation.store.models import AuditRow, OutboxRow, RecommendationRow
from workers.main import run_worker

RISKY = {
    "id": "rec-risky",
    "author": {"id": "u1", "name": "达人A", "followers": 120000},
    "merchant": {"id": "m1", "name": "某店", "platform": "taobao", "credit_tier": "B"},
    "product": {"title": "保温杯", "brand": "无", "price": 59.0, "stock": 10, "url": "https://shop.example.cn/p/1"},
    "text": "好用的保温杯，链接在店里",
}
CLEAN = {
    "id": "rec-clean",
    "product": {"title": "保温杯", "price": 59.0, "url": "https://detail.tmall.com/item.htm?id=1"},
    "text": "冬天带着很方便，保温效果不错",
}


@pytest.fixture
def api(settings: Settings) -> Iterator[ApiProcess]:
    """Overrides the conftest one: these tests use the real outbox dispatcher."""
    proc = build_api(settings, with_dispatcher=True, with_review_ui=False)
    yield proc
    proc.close()


def token(api: ApiProcess, scopes: set[str]) -> dict[str, str]:
    with api.services.db.session() as s:
        return {"Authorization": f"Bearer {create_token(s, 'test', scopes)}"}


def drain(api: ApiProcess, settings: Settings) -> None:
    """Relay whatever is pending, then run a real RQ worker until the queues are empty."""
    assert api.dispatcher is not None
    api.dispatcher.run_once()  # type: ignore[attr-defined]
    run_worker(settings, burst=True, with_dispatcher=False)


def test_submit_scan_and_read_back(api: ApiProcess, client: TestClient, settings: Settings) -> None:
    h = token(api, {"submit", "read"})
    r1 = client.post("/v1/recommendations", json=RISKY, headers=h)
    r2 = client.post("/v1/recommendations", json=CLEAN, headers=h)
    assert (r1.status_code, r1.json()) == (202, {"id": "rec-risky", "status": "queued"})
    assert r2.status_code == 202
    drain(api, settings)
    risky = client.get("/v1/recommendations/rec-risky", headers=h).json()
    clean = client.get("/v1/recommendations/rec-clean", headers=h).json()
    assert risky["status"] == "pending_review"
    assert risky["verdict"]["route"] == "review"
    assert any(s["code"] == "DIVERSION_NON_PARTNER_LINK" for s in risky["verdict"]["signals"])
    assert "policy" in risky["verdict"]["versions"]
    assert clean["status"] == "approved"
    assert clean["verdict"]["scores"]["mlm"] < 0.5


def test_idempotent_resubmit_and_conflict(api: ApiProcess, client: TestClient) -> None:
    h = token(api, {"submit", "read"})
    assert client.post("/v1/recommendations", json=CLEAN, headers=h).status_code == 202
    again = client.post("/v1/recommendations", json=CLEAN, headers=h)
    assert again.status_code == 200
    assert again.json()["id"] == "rec-clean" and again.json()["status"] in ("queued", "scanning", "approved")
    changed = client.post("/v1/recommendations", json={**CLEAN, "text": "另一段文字"}, headers=h)
    assert changed.status_code == 409
    assert changed.json()["error"]["code"] == "id_conflict"
    with api.services.db.session() as s:
        assert s.query(RecommendationRow).count() == 1
        assert s.query(OutboxRow).filter_by(topic="scan").count() == 1


def test_auth_missing_invalid_and_wrong_scope(api: ApiProcess, client: TestClient) -> None:
    assert client.post("/v1/recommendations", json=CLEAN).status_code == 401
    bad = client.post("/v1/recommendations", json=CLEAN, headers={"Authorization": "Bearer nope"})
    assert bad.status_code == 401 and bad.json()["error"]["code"] == "unauthorized"
    read_only = token(api, {"read"})
    denied = client.post("/v1/recommendations", json=CLEAN, headers=read_only)
    assert denied.status_code == 403 and denied.json()["error"]["code"] == "forbidden"
    assert client.post("/v1/score", json=CLEAN, headers=read_only).status_code == 403
    with api.services.db.session() as s:
        assert s.query(RecommendationRow).count() == 0


@pytest.mark.parametrize(
    ("body", "content_type", "status", "code"),
    [
        (b'{"id": "x", "text": ', "application/json", 400, "malformed_json"),
        (b'{"id": "x", "text": "\xff\xfe"}', "application/json", 400, "invalid_utf8"),
        (b'{"id": "x", "text": "\\ud800"}', "application/json", 400, "invalid_utf8"),
        (json.dumps({"id": "x", "text": "t", "colour": "red"}).encode(), "application/json", 422, "invalid_request"),
        (json.dumps({"id": "x", "text": 5}).encode(), "application/json", 422, "invalid_request"),
        (json.dumps({"id": "x", "text": "t", "author": {"id": "a", "followers": "many"}}).encode(),
         "application/json", 422, "invalid_request"),
        (json.dumps({"id": "x", "text": "t", "product": {"price": -1}}).encode(), "application/json", 422,
         "invalid_request"),
        (json.dumps({"id": "x", "text": "t", "images": [{}]}).encode(), "application/json", 422, "invalid_request"),
        (json.dumps({"text": "no id"}).encode(), "application/json", 422, "invalid_request"),
        (json.dumps(["x"]).encode(), "application/json", 422, "invalid_request"),
        (b"id=x", "application/x-www-form-urlencoded", 415, "unsupported_media_type"),
    ],
)
def test_bad_input_is_4xx_and_stores_nothing(api: ApiProcess, client: TestClient, body: bytes, content_type: str,
                                            status: int, code: str) -> None:
    h = {**token(api, {"submit", "score"}), "Content-Type": content_type}
    for path in ("/v1/recommendations", "/v1/score"):
        r = client.post(path, content=body, headers=h)
        assert r.status_code == status, (path, r.text)
        assert r.json()["error"]["code"] == code
    with api.services.db.session() as s:
        assert s.query(RecommendationRow).count() == 0
        assert s.query(OutboxRow).count() == 0


def test_oversized_body_is_413(api: ApiProcess, client: TestClient) -> None:
    api.services.settings.max_body_bytes = 10_000
    h = token(api, {"submit"})
    big = {"id": "big", "text": "好" * 9_000}
    r = client.post("/v1/recommendations", json=big, headers=h)
    assert r.status_code == 413 and r.json()["error"]["code"] == "body_too_large"
    # A lying Content-Length is caught while streaming, not trusted.
    def chunks() -> Iterator[bytes]:
        yield b'{"id": "big", "text": "'
        for _ in range(100):
            yield b"a" * 1000
        yield b'"}'
    r2 = client.post("/v1/recommendations", content=chunks(), headers={**h, "Content-Type": "application/json"})
    assert r2.status_code == 413
    with api.services.db.session() as s:
        assert s.query(RecommendationRow).count() == 0


def test_score_is_synchronous_and_stores_nothing(api: ApiProcess, client: TestClient) -> None:
    h = token(api, {"score"})
    r = client.post("/v1/score", json=RISKY, headers=h)
    assert r.status_code == 200
    body = r.json()
    assert body["route"] == "review"
    assert set(body["scores"]) == {"false_ad", "counterfeit", "mlm"}
    assert body["versions"]["policy"]
    with api.services.db.session() as s:
        assert s.query(RecommendationRow).count() == 0


def test_unknown_recommendation_is_404(api: ApiProcess, client: TestClient) -> None:
    r = client.get("/v1/recommendations/nope", headers=token(api, {"read"}))
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"


def test_health_ready_metrics_docs(api: ApiProcess, client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.json()["checks"] == {"database": True, "queue": True}
    client.post("/v1/score", json=CLEAN, headers=token(api, {"score"}))
    text = client.get("/metrics").text
    assert 'moderation_score_routes_total{route="approve"} 1.0' in text
    assert client.get("/openapi.json").json()["paths"]["/v1/score"]["post"]["requestBody"]
    assert client.get("/docs").status_code == 200


def test_submit_writes_audit_row(api: ApiProcess, client: TestClient) -> None:
    client.post("/v1/recommendations", json=CLEAN, headers=token(api, {"submit"}))
    with api.services.db.session() as s:
        assert s.query(AuditRow).filter_by(action="recommendation.submit").count() == 1


def test_worker_metrics_count_jobs_and_statuses(api: ApiProcess, client: TestClient, settings: Settings) -> None:
    import socket

    from workers import metrics

    def value(name: str, **labels: str) -> float:
        return metrics.REGISTRY.get_sample_value(name, labels) or 0.0

    before = (value("moderation_worker_jobs_total", result="ok"),
              value("moderation_worker_items_total", status="pending_review"),
              value("moderation_worker_items_total", status="approved"))
    h = token(api, {"submit"})
    client.post("/v1/recommendations", json=RISKY, headers=h)
    client.post("/v1/recommendations", json=CLEAN, headers=h)
    assert api.dispatcher is not None
    api.dispatcher.run_once()  # type: ignore[attr-defined]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    run_worker(settings, burst=True, with_dispatcher=False, metrics_port=port)
    # At least one job: the background relay may split the items or deliver a job twice
    # (at-least-once delivery); a duplicate job finds its items decided and scans nothing.
    assert value("moderation_worker_jobs_total", result="ok") >= before[0] + 1
    assert value("moderation_worker_items_total", status="pending_review") == before[1] + 1
    assert value("moderation_worker_items_total", status="approved") == before[2] + 1
    import httpx

    assert "moderation_worker_job_seconds" in httpx.get(f"http://127.0.0.1:{port}/metrics").text


def test_a_verified_token_is_cached_and_a_revoked_one_expires_with_the_cache(api: ApiProcess,
                                                                             client: TestClient) -> None:
    from moderation.api.services import TokenCache
    from moderation.store.auth import revoke_token, verify_token

    now = [1000.0]
    api.services.tokens = TokenCache(30.0, clock=lambda: now[0])
    headers = token(api, {"score"})
    assert client.post("/v1/score", json=CLEAN, headers=headers).status_code == 200
    raw = headers["Authorization"].removeprefix("Bearer ")
    with api.services.db.session() as s:
        info = verify_token(s, raw)
        assert info is not None
        revoke_token(s, info.id)
    # Revoked in the database (as `moderation tokens revoke` from another process does): this
    # process trusts its cache until the entry expires, then asks the database again.
    now[0] += 29.0
    assert client.post("/v1/score", json=CLEAN, headers=headers).status_code == 200
    now[0] += 2.0
    assert client.post("/v1/score", json=CLEAN, headers=headers).status_code == 401
