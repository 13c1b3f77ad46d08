"""Hash banks and lexicon editing through the API, on a real database, and their effect on scoring.
Images are generated here (no copyrighted material)."""

from __future__ import annotations

import base64

import pytest
from fastapi.testclient import TestClient

from moderation.api.wiring import ApiProcess
from moderation.images.synthetic import encode, jpeg_roundtrip, product_photo, resize
from moderation.store.models import AuditRow, BankHashRow, ResourceVersionRow


@pytest.fixture
def h(auth) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return auth({"policy", "read", "score"})


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def test_banked_image_matches_a_reencoded_copy(client: TestClient, h: dict[str, str]) -> None:
    photo = product_photo(seed=11)
    r = client.post("/v1/banks/confirmed_counterfeit/images",
                    json={"images": [{"data": b64(encode(photo, "PNG"))}], "note": "fake bag photo"}, headers=h)
    assert r.status_code == 201, r.text
    assert r.json()["added"] == 1 and r.json()["size"] == 1
    assert client.get("/v1/banks", headers=h).json()["banks"] == {"confirmed_counterfeit": 1}
    # A resized JPEG re-upload of the same photo is found in the bank.
    copy = encode(resize(jpeg_roundtrip(photo, 70), 0.8), "JPEG")
    verdict = client.post("/v1/score", json={"id": "c", "text": "新款包包", "images": [{"data": b64(copy)}]},
                          headers=h).json()
    match = [s for s in verdict["signals"] if s["code"] == "IMAGE_HASH_MATCH"]
    assert match, verdict
    ev = match[0]["evidence"]
    assert ev["kind"] == "hash_match" and ev["bank"] == "confirmed_counterfeit" and ev["distance"] <= 31
    assert verdict["route"] in ("review", "reject")
    # An unrelated photo does not match.
    other = client.post("/v1/score", json={"id": "d", "text": "新款包包",
                                           "images": [{"data": b64(encode(product_photo(seed=99)))}]},
                        headers=h).json()
    assert not [s for s in other["signals"] if s["code"] == "IMAGE_HASH_MATCH"]
    # Delete the bank: no more match.
    assert client.delete("/v1/banks/confirmed_counterfeit", headers=h).json()["removed"] == 1
    again = client.post("/v1/score", json={"id": "c", "text": "新款包包", "images": [{"data": b64(copy)}]},
                        headers=h).json()
    assert not [s for s in again["signals"] if s["code"] == "IMAGE_HASH_MATCH"]


def test_bank_upload_is_all_or_nothing(api: ApiProcess, client: TestClient, h: dict[str, str]) -> None:
    good = {"data": b64(encode(product_photo(seed=3)))}
    broken = {"data": b64(b"\x89PNG\r\n\x1a\n not really a png")}
    private = {"url": "http://10.0.0.8/a.jpg"}
    r = client.post("/v1/banks/fakes/images", json={"images": [good, broken, private]}, headers=h)
    assert r.status_code == 422 and r.json()["error"]["code"] == "unusable_images"
    failed = {d["image"] for d in r.json()["error"]["details"]}
    assert failed == {1, 2}
    with api.services.db.session() as s:
        assert s.query(BankHashRow).count() == 0


def test_hash_import_and_validation(client: TestClient, h: dict[str, str]) -> None:
    hashes = [{"hash": "f" * 64, "ref": "partner:1"}, {"hash": "0f" * 32, "ref": "partner:2"}]
    r = client.post("/v1/banks/shared/hashes", json={"hashes": hashes}, headers=h)
    assert r.status_code == 201 and r.json()["added"] == 2
    again = client.post("/v1/banks/shared/hashes", json={"hashes": hashes[:1]}, headers=h).json()
    assert again["added"] == 0 and again["duplicates"] == 1
    listing = client.get("/v1/banks/shared", headers=h).json()
    assert listing["size"] == 2 and {x["ref"] for x in listing["hashes"]} == {"partner:1", "partner:2"}
    assert client.post("/v1/banks/shared/hashes", json={"hashes": [{"hash": "xyz", "ref": "r"}]},
                       headers=h).status_code == 422
    assert client.post("/v1/banks/Bad Name/hashes", json={"hashes": hashes}, headers=h).status_code == 422
    assert client.get("/v1/banks/nope", headers=h).status_code == 404


def test_lexicon_add_disable_enable_changes_scoring(api: ApiProcess, client: TestClient,
                                                    h: dict[str, str]) -> None:
    rec = {"id": "lx", "text": "这款面霜用了就是宇宙无敌级别", "product": {"category": "美妆"}}
    before = client.post("/v1/score", json=rec, headers=h).json()
    assert before["scores"]["false_ad"] < 0.5
    term = {"term": "宇宙无敌", "family": "false_ad", "code": "AD_ABSOLUTE_TERM", "score": 0.9,
            "law": "广告法 第九条(三)"}
    added = client.post("/v1/lexicons/terms", json=term, headers=h)
    assert added.status_code == 201, added.text
    after = client.post("/v1/score", json=rec, headers=h).json()
    hit = [s for s in after["signals"] if s["code"] == "AD_ABSOLUTE_TERM"]
    assert after["scores"]["false_ad"] >= 0.5 and hit
    ev = hit[0]["evidence"]
    assert rec["text"][ev["start"]:ev["end"]] == "宇宙无敌"
    assert after["versions"]["lexicon"] == added.json()["version"] != before["versions"]["lexicon"]
    disabled = client.post("/v1/lexicons/terms/disable", json={"term": "宇宙无敌"}, headers=h)
    assert disabled.status_code == 200
    assert client.post("/v1/score", json=rec, headers=h).json()["scores"]["false_ad"] < 0.5
    enabled = client.post("/v1/lexicons/terms/enable", json={"term": "宇宙无敌"}, headers=h)
    assert enabled.json()["version"] == added.json()["version"]  # same content, same version
    assert client.post("/v1/score", json=rec, headers=h).json()["scores"]["false_ad"] >= 0.5
    listed = client.get("/v1/lexicons", params={"family": "false_ad", "code": "AD_ABSOLUTE_TERM"}, headers=h).json()
    assert any(t["term"] == "宇宙无敌" for t in listed["terms"])
    with api.services.db.session() as s:
        assert s.query(ResourceVersionRow).filter_by(kind="lexicon").count() == 2
        assert s.query(AuditRow).filter(AuditRow.action.like("lexicon.%")).count() >= 3


def test_lexicon_bad_edits_are_4xx(client: TestClient, h: dict[str, str]) -> None:
    bad_family = {"term": "x", "family": "spam", "code": "X", "score": 0.5}
    assert client.post("/v1/lexicons/terms", json=bad_family, headers=h).status_code == 422
    bad_score = {"term": "x", "family": "mlm", "code": "X", "score": 2}
    assert client.post("/v1/lexicons/terms", json=bad_score, headers=h).status_code == 422
    regex_no_anchor = {"term": "a.*b", "family": "mlm", "code": "X", "score": 0.5, "kind": "regex"}
    r = client.post("/v1/lexicons/terms", json=regex_no_anchor, headers=h)
    assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_term"
    assert client.post("/v1/lexicons/terms/disable", json={"term": "不存在的词"}, headers=h).status_code == 404
