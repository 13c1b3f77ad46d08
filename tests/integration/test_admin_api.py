"""Policy-team API on a real database: brands and policies are versioned, take effect at once in
the scoring path, and can be rolled back; backtests replay stored verdicts."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable

import cv2
import numpy as np
import pytest
from fastapi.testclient import TestClient

from moderation.api.wiring import ApiProcess
from moderation.scanning import scan_ids
from moderation.store import recommendations as recs
from moderation.store.models import AuditRow, ResourceVersionRow
from moderation.types import Recommendation

Auth = Callable[[set[str]], dict[str, str]]
CHEAP_BAG = {
    "id": "bag-1",
    "merchant": {"id": "m_random_shop", "platform": "taobao"},
    "product": {"title": "驴牌 老花 手袋", "brand": "NewLux", "category": "luxury_bag", "price": 399.0, "stock": 5,
                "url": "https://item.taobao.com/item.htm?id=9"},
    "text": "专柜正品，特价398包邮",
}


def png_b64(seed: int = 1) -> str:
    rng = np.random.default_rng(seed)
    img = (rng.random((64, 96, 3)) * 255).astype(np.uint8)
    ok, buf = cv2.imencode(".png", img)
    assert ok
    return base64.b64encode(buf.tobytes()).decode()


def test_brand_create_get_list_delete_versions(api: ApiProcess, client: TestClient, auth: Auth) -> None:
    h = auth({"policy", "read"})
    body = {"brand": "NewLux", "aliases": ["纽勒克斯", "NL"], "category": "luxury_bag", "price_floor_cny": 5000,
            "authorized_merchants": ["m_newlux_official"], "logos": [{"data": png_b64()}]}
    r = client.post("/v1/brands", json=body, headers=h)
    assert r.status_code == 201, r.text
    v1 = r.json()["version"]
    got = client.get("/v1/brands/纽勒克斯", headers=h).json()
    assert got["brand"] == "NewLux" and got["price_floor_cny"] == 5000 and got["logo_count"] == 1
    listing = client.get("/v1/brands", headers=h).json()
    assert listing["version"] == v1 and any(b["brand"] == "Louis Vuitton" for b in listing["brands"])
    # The new brand takes effect in scoring at once: an unauthorised shop far below the floor.
    verdict = client.post("/v1/score", json=CHEAP_BAG, headers=auth({"score"})).json()
    assert verdict["scores"]["counterfeit"] >= 0.5, verdict
    assert verdict["versions"]["brands"] == v1
    deleted = client.delete("/v1/brands/NL", headers=h)
    assert deleted.status_code == 200 and deleted.json()["version"] != v1
    assert client.get("/v1/brands/NewLux", headers=h).status_code == 404
    with api.services.db.session() as s:
        assert s.query(ResourceVersionRow).filter_by(kind="brands").count() == 2
        assert s.query(AuditRow).filter(AuditRow.action.like("brands.%")).count() == 2


@pytest.mark.parametrize("logo", ["not base64!!", base64.b64encode(b"GIF89a broken").decode()])
def test_brand_with_unusable_logo_is_422_and_not_stored(api: ApiProcess, client: TestClient, logo: str,
                                                        auth: Auth) -> None:
    body = {"brand": "X", "logos": [{"data": logo}]}
    r = client.post("/v1/brands", json=body, headers=auth({"policy"}))
    assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_logo"
    with api.services.db.session() as s:
        assert s.query(ResourceVersionRow).count() == 0


def test_brand_write_needs_policy_scope(api: ApiProcess, client: TestClient, auth: Auth) -> None:
    r = client.post("/v1/brands", json={"brand": "X"}, headers=auth({"read", "submit"}))
    assert r.status_code == 403


def test_policy_shadow_live_and_rollback(api: ApiProcess, client: TestClient, auth: Auth) -> None:
    h = auth({"policy", "score", "read"})
    link_only = {"id": "p", "text": "好物", "product": {"url": "https://shop.example.cn/1"}}
    assert client.post("/v1/score", json=link_only, headers=h).json()["route"] == "review"
    strict = {"families": {"false_ad": {"review": 0.5}, "counterfeit": {"review": 0.5, "reject": 0.97},
                           "mlm": {"review": 0.5, "reject": 0.85}}, "description": "auto-reject diversion"}
    shadow = client.post("/v1/policies", json={**strict, "status": "shadow"}, headers=h)
    assert shadow.status_code == 201 and shadow.json()["status"] == "shadow"
    # Shadow is never acted on.
    assert client.post("/v1/score", json=link_only, headers=h).json()["route"] == "review"
    version = shadow.json()["version"]
    assert client.post(f"/v1/policies/{version}/status", json={"status": "live"}, headers=h).status_code == 200
    live = client.post("/v1/score", json=link_only, headers=h).json()
    assert live["route"] == "reject" and live["versions"]["policy"] == version
    # A second live version, then roll back to the first one.
    looser = {**strict, "families": {**strict["families"], "mlm": {"review": 0.95}}, "status": "live"}
    client.post("/v1/policies", json=looser, headers=h)
    assert client.post("/v1/score", json=link_only, headers=h).json()["route"] == "approve"
    rolled = client.post("/v1/policies/rollback", headers=h)
    assert rolled.status_code == 200 and rolled.json()["version"] == version
    assert client.post("/v1/score", json=link_only, headers=h).json()["route"] == "reject"


def test_invalid_policies_are_refused(api: ApiProcess, client: TestClient, auth: Auth) -> None:
    h = auth({"policy"})
    bad = [
        {"families": {"false_ad": {"review": 0.6, "reject": 0.4}}},          # reject below review
        {"families": {"spam": {"review": 0.5}}},                            # unknown family
        {"families": {"mlm": {"review": 0.5}}, "incomplete_route": "approve"},  # fail-open refused
        {"families": {"mlm": {"review": 1.5}}},
    ]
    for body in bad:
        r = client.post("/v1/policies", json=body, headers=h)
        assert r.status_code == 422, (body, r.text)
    with api.services.db.session() as s:
        assert s.query(ResourceVersionRow).count() == 0


def test_backtest_replays_stored_verdicts(api: ApiProcess, client: TestClient, auth: Auth) -> None:
    db, pipeline = api.services.db, api.services.pipeline
    with db.session() as s:
        for i in range(6):
            url = "https://shop.example.cn/1" if i % 2 else "https://detail.tmall.com/item.htm?id=1"
            recs.accept(s, Recommendation(id=f"h{i}", text="好物推荐", product={"url": url}))
    scan_ids(db, pipeline, [f"h{i}" for i in range(6)])
    body = {"policy": {"families": {"false_ad": {"review": 0.5}, "counterfeit": {"review": 0.5},
                                    "mlm": {"review": 0.95}}}}
    report = client.post("/v1/policies/backtest", json=body, headers=auth({"policy"})).json()
    assert report["items"] == 6
    assert report["routes_live"] == {"approve": 3, "review": 3, "reject": 0}
    assert report["routes_candidate"] == {"approve": 6, "review": 0, "reject": 0}
    assert report["transitions"] == {"review->approve": 3}


def test_worker_records_shadow_verdicts_beside_live_ones(api: ApiProcess, client: TestClient, auth: Auth) -> None:
    from moderation.live import PipelineCache
    from moderation.store.models import VerdictRow

    h = auth({"policy"})
    body = {"families": {"false_ad": {"review": 0.5}, "counterfeit": {"review": 0.5},
                         "mlm": {"review": 0.5, "reject": 0.8}}, "status": "shadow"}
    shadow_version = client.post("/v1/policies", json=body, headers=h).json()["version"]
    db = api.services.db
    cache = PipelineCache(db, check_every=0)
    assert cache.shadow is not None and cache.shadow.policy.version == shadow_version
    with db.session() as s:
        recs.accept(s, Recommendation(id="sh", text="好物", product={"url": "https://shop.example.cn/1"}))
    assert scan_ids(db, cache.get(), ["sh"], shadow=cache.shadow) == {"sh": "pending_review"}
    with db.session() as s:
        rows = {v.shadow: v for v in s.query(VerdictRow).filter_by(recommendation_id="sh")}
    assert rows[False].route == "review" and rows[True].route == "reject"
    assert rows[True].policy_version == shadow_version


def test_logo_uploaded_through_the_api_is_found_in_a_cheap_listing(api: ApiProcess, client: TestClient,
                                                                    auth: Auth) -> None:
    """End to end: the policy team registers a brand with its logo; a photo carrying that logo, on
    a shop that is not authorised, far below the brand's floor, is a counterfeit with the logo's
    polygon as evidence — while the same photo from the authorised shop at full price is not."""
    from moderation.images.synthetic import encode, paste_logo, product_photo, synthetic_logo

    logo = synthetic_logo(seed=77, text="NLX")
    brand = {"brand": "NewLux", "aliases": ["纽勒克斯"], "category": "luxury_bag", "price_floor_cny": 5000,
             "authorized_merchants": ["m_newlux_official"],
             "logos": [{"data": base64.b64encode(encode(logo, "PNG")).decode()}]}
    assert client.post("/v1/brands", json=brand, headers=auth({"policy"})).status_code == 201
    photo, polygon = paste_logo(product_photo(seed=78), logo, np.random.default_rng(3))
    image = {"data": base64.b64encode(encode(photo, "JPEG", 85)).decode()}

    def score(merchant: str, price: float) -> dict:
        body = {"id": "logo", "text": "新款手袋，通勤很好搭", "images": [image],
                "merchant": {"id": merchant, "platform": "taobao"},
                "product": {"title": "手袋", "category": "luxury_bag", "price": price, "stock": 80}}
        return client.post("/v1/score", json=body, headers=auth({"score"})).json()

    fake = score("m_random_shop", 299.0)
    elements = [s for s in fake["signals"] if s["code"] == "COUNTERFEIT_LOGO_ELEMENTS"]
    assert fake["scores"]["counterfeit"] >= 0.5 and elements, fake
    assert "NewLux" in json.dumps(elements[0]["evidence"], ensure_ascii=False)
    boxes = [s["evidence"] for s in fake["signals"] if s["evidence"].get("kind") == "image_box"]
    assert boxes and boxes[0]["brand"] == "NewLux" and boxes[0]["inliers"] >= 10
    found = np.array(boxes[0]["polygon"])
    assert np.abs(found.mean(axis=0) - polygon.mean(axis=0)).max() < 40  # the box is where the logo is
    genuine = score("m_newlux_official", 8999.0)
    assert genuine["scores"]["counterfeit"] < 0.5, genuine
