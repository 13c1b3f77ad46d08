"""Read QR codes in an image and classify their payloads (WeChat, QQ, payment, other links).

Why zxing-cpp and not `cv2.QRCodeDetector`? Measured (DEPENDENCIES.md): 3-4 ms vs 15-18 ms on a
clean code, and the WeChat decoder is not in the headless OpenCV wheel. What counts as a diversion
payload is policy data (`data/qr_payloads.json`), not code: WeChat adds new short-link hosts.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from urllib.parse import urlsplit

import numpy as np
import zxingcpp


@dataclass(frozen=True)
class QrCode:
    text: str
    polygon: np.ndarray  # 4×2, clockwise from top-left, in the coordinates of the array read


def read_qr_codes(gray: np.ndarray) -> list[QrCode]:
    """Every QR code zxing can decode in a grayscale image."""
    codes = []
    for barcode in zxingcpp.read_barcodes(np.ascontiguousarray(gray), formats=zxingcpp.BarcodeFormat.QRCode):
        if not barcode.valid or not barcode.text:
            continue
        pos = barcode.position
        pts = [pos.top_left, pos.top_right, pos.bottom_right, pos.bottom_left]
        codes.append(QrCode(barcode.text, np.array([[p.x, p.y] for p in pts], dtype=np.float32)))
    return codes


@dataclass(frozen=True)
class PayloadRule:
    code: str
    label: str
    score: float
    schemes: frozenset[str] = frozenset()
    hosts: tuple[str, ...] = ()

    def matches(self, scheme: str, host: str) -> bool:
        return scheme in self.schemes or any(host == h or host.endswith("." + h) for h in self.hosts)


@dataclass(frozen=True)
class QrPayloadRules:
    version: str
    rules: tuple[PayloadRule, ...]
    other_link: PayloadRule

    @classmethod
    def load(cls) -> QrPayloadRules:
        raw = resources.files("moderation.data").joinpath("qr_payloads.json").read_text(encoding="utf-8")
        data = json.loads(raw)

        def rule(d: dict) -> PayloadRule:
            return PayloadRule(d["code"], d["label"], float(d["score"]),
                               frozenset(s.lower() for s in d.get("schemes", [])),
                               tuple(h.lower() for h in d.get("hosts", [])))

        return cls(data["version"], tuple(rule(r) for r in data["rules"]), rule(data["other_link"]))

    def classify(self, payload: str, is_partner: Callable[[str], bool] = lambda url: False) -> PayloadRule | None:
        """The rule a QR payload falls under; None for partner links and non-link text."""
        parts = urlsplit(payload.strip())
        scheme = parts.scheme.lower()
        try:
            host = (parts.hostname or "").lower().rstrip(".")
        except ValueError:
            host = ""
        for r in self.rules:
            if r.matches(scheme, host):
                return r
        if scheme in ("http", "https") and host and not is_partner(payload):
            return self.other_link
        return None
