"""Bad images through the API: never a 5xx, never a silent pass. Syntactically broken input
(not base64) is a 4xx; images that arrive but cannot be scanned send the item to review with a
scan signal naming the image and the reason — on the synchronous and the queued path alike."""

from __future__ import annotations

import base64
import struct
import zlib
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from moderation.api.wiring import ApiProcess
from moderation.images.synthetic import encode, product_photo
from moderation.scanning import scan_ids

Auth = Callable[[set[str]], dict[str, str]]


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims a huge canvas: a decompression bomb's calling card."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


CASES = {
    "broken bytes": ({"data": b64(b"\xff\xd8\xff\xe0 this is not a jpeg at all")}, "IMAGE_UNREADABLE"),
    "image bomb": ({"data": b64(png_claiming(50_000, 50_000))}, "IMAGE_REFUSED"),
    "private network url": ({"url": "http://10.1.2.3/photo.jpg"}, "IMAGE_REFUSED"),
    "loopback url": ({"url": "http://127.0.0.1:9/photo.jpg"}, "IMAGE_REFUSED"),
    "link-local metadata url": ({"url": "http://169.254.169.254/latest/meta-data"}, "IMAGE_REFUSED"),
    "unsupported format": ({"data": b64(b"<svg xmlns='http://www.w3.org/2000/svg'></svg>")}, "IMAGE_REFUSED"),
    "non-http scheme": ({"url": "file:///etc/passwd"}, "IMAGE_REFUSED"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_unscannable_image_routes_to_review_on_score(client: TestClient, auth: Auth, case: str) -> None:
    image, code = CASES[case]
    good = {"data": b64(encode(product_photo(seed=1)))}
    body = {"id": "img", "text": "普通的保温杯，冬天用", "images": [good, image]}
    r = client.post("/v1/score", json=body, headers=auth({"score"}))
    assert r.status_code == 200, r.text
    verdict = r.json()
    assert verdict["route"] == "review" and verdict["complete"] is False
    scan = [s for s in verdict["signals"] if s["family"] == "scan"]
    assert [s["code"] for s in scan] == [code], scan  # exactly one signal, for the bad image only
    assert scan[0]["evidence"]["image"] == 1 and scan[0]["evidence"]["reason"]


def test_unscannable_image_routes_to_review_when_queued(api: ApiProcess, client: TestClient, auth: Auth) -> None:
    h = auth({"submit", "read"})
    body = {"id": "q-img", "text": "普通的保温杯", "images": [{"data": b64(png_claiming(60_000, 60_000))}]}
    assert client.post("/v1/recommendations", json=body, headers=h).status_code == 202
    assert scan_ids(api.services.db, api.services.pipeline, ["q-img"]) == {"q-img": "pending_review"}
    state = client.get("/v1/recommendations/q-img", headers=h).json()
    assert "IMAGE_REFUSED" in {s["code"] for s in state["verdict"]["signals"]}


@pytest.mark.parametrize("image", [{"data": "not base64 at all!!"}, {"data": "   "}, {"url": "x", "data": "AAAA"}, {}])
def test_malformed_image_reference_is_422(client: TestClient, auth: Auth, image: dict) -> None:
    r = client.post("/v1/score", json={"id": "m", "text": "t", "images": [image]}, headers=auth({"score"}))
    assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_request"


def test_clean_image_is_scanned_completely(client: TestClient, auth: Auth) -> None:
    body = {"id": "ok", "text": "普通的保温杯，冬天用", "images": [{"data": b64(encode(product_photo(seed=2)))}]}
    verdict = client.post("/v1/score", json=body, headers=auth({"score"})).json()
    assert verdict["complete"] is True and verdict["route"] == "approve", verdict
