"""QR codes: WeChat/QQ/payment payloads and non-partner links divert; partner links do not."""

from __future__ import annotations

import io

import numpy as np
import pytest
import segno
from image_fixtures import inline
from PIL import Image

from moderation.detectors.base import ScanContext
from moderation.detectors.qr import QrDetector
from moderation.images.loader import ImageLoader
from moderation.images.qr import QrPayloadRules, read_qr_codes
from moderation.images.synthetic import jpeg_roundtrip, product_photo
from moderation.types import Recommendation


def qr_photo(payload: str, seed: int = 0, module_px: int = 6, angle: float = 0.0) -> np.ndarray:
    buf = io.BytesIO()
    segno.make(payload, error="m").save(buf, kind="png", scale=module_px, border=4)
    code = Image.open(io.BytesIO(buf.getvalue())).convert("RGB").rotate(angle, expand=True, fillcolor="white")
    photo = Image.fromarray(product_photo(seed))
    photo.paste(code, (420, 380))
    return jpeg_roundtrip(np.asarray(photo), 85)


@pytest.mark.parametrize(
    ("payload", "code"),
    [
        ("weixin://dl/chat?abc", "DIVERSION_QR_WECHAT"),
        ("https://u.wechat.com/MGx3bXy", "DIVERSION_QR_WECHAT"),
        ("https://weixin.qq.com/g/AbCdEf", "DIVERSION_QR_WECHAT"),
        ("https://qm.qq.com/cgi-bin/qm/qr?k=xyz", "DIVERSION_QR_QQ"),
        ("wxp://f2f0abcdef", "DIVERSION_QR_PAYMENT"),
        ("HTTPS://QR.ALIPAY.COM/fkx12345", "DIVERSION_QR_PAYMENT"),
        ("https://payapp.weixin.qq.com/x", "DIVERSION_QR_PAYMENT"),
        ("https://shop.example.cn/p/1", "DIVERSION_QR_LINK"),
        ("https://detail.tmall.com/item.htm?id=1", None),
        ("just some text", None),
    ],
)
def test_payload_classification(payload: str, code: str | None) -> None:
    from moderation.detectors.partner_link import PartnerDomains

    rule = QrPayloadRules.load().classify(payload, PartnerDomains.load().is_partner)
    assert (rule.code if rule else None) == code


def test_reads_rotated_code_in_photo_with_box() -> None:
    codes = read_qr_codes(qr_photo("weixin://dl/chat?abc", angle=25).mean(axis=2).astype(np.uint8))
    assert [c.text for c in codes] == ["weixin://dl/chat?abc"]
    xs, ys = codes[0].polygon[:, 0], codes[0].polygon[:, 1]
    assert 400 < xs.min() < xs.max() < 800 and 360 < ys.min() < ys.max() < 800


def test_detector_emits_diversion_with_image_box(loader: ImageLoader) -> None:
    rec = Recommendation(id="r", text="好物", images=[inline(product_photo(1)), inline(qr_photo("wxp://f2f0abc", 2)),
                                                    inline(qr_photo("https://detail.tmall.com/item.htm?id=9", 3))])
    signals = QrDetector(loader).detect(rec, ScanContext(rec))
    assert [(s.family, s.code) for s in signals] == [("mlm", "DIVERSION_QR_PAYMENT")]
    ev = signals[0].evidence.to_dict()
    assert ev["kind"] == "image_box" and ev["image"] == 1 and ev["text"] == "wxp://f2f0abc"
    assert ev["label"] == "qr:payment" and len(ev["polygon"]) == 4
