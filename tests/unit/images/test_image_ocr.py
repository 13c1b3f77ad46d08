"""OCR: bundled models work offline; OCR text runs through text detectors, offsets map to boxes."""

from __future__ import annotations

import socket

import numpy as np
import pytest
from image_fixtures import inline

from moderation.detectors.base import Detector, ScanContext
from moderation.detectors.ocr import OcrDetector
from moderation.images.loader import ImageLoader
from moderation.images.ocr import OcrEngine, has_text_regions
from moderation.images.synthetic import product_photo, text_image
from moderation.types import ContactEvidence, Recommendation, Signal, TextSpan

ENGINE = OcrEngine()


class FakeAbsoluteTerm(Detector):
    """Stands in for the real text detectors: flags 最佳 and a WeChat ID after 微信."""

    name = "fake_text"
    families = ("false_ad", "mlm")
    version = "0"

    def detect(self, rec: Recommendation, ctx: ScanContext) -> list[Signal]:
        out = []
        i = rec.text.find("最佳")
        if i >= 0:
            out.append(Signal("false_ad", "AD_ABSOLUTE_TERM", 0.9,
                              TextSpan("text", i, i + 2, "最佳", "最佳"), detector=self.name))
        j = rec.text.find("abc888")
        if j >= 0:
            out.append(Signal("mlm", "DIVERSION_CONTACT", 0.8,
                              ContactEvidence("wechat", "abc888", "text", j, j + 6, "abc888"), detector=self.name))
        return out


def test_models_are_bundled_and_run_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("OCR tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    lines = OcrEngine().read(text_image(["全网最低价正品保证"], font_size=44))
    assert "".join(line.text for line in lines) == "全网最低价正品保证"


def test_gate_separates_text_from_plain_photos() -> None:
    texty = [text_image(["加微信领取优惠券", "限时特价只要九块九"], seed=s) for s in range(3)]
    assert all(has_text_regions(img.mean(axis=2).astype(np.uint8)) for img in texty)
    plain = [np.full((600, 600), 180, np.uint8), *(product_photo(s).mean(axis=2).astype(np.uint8) for s in range(4))]
    assert not any(has_text_regions(img) for img in plain)


class _CountingEngine(OcrEngine):
    def __init__(self) -> None:
        super().__init__()
        self.calls = 0

    def read(self, rgb: np.ndarray) -> list:
        self.calls += 1
        return super().read(rgb)


def test_cover_image_always_ocrd_other_photos_gated(loader: ImageLoader) -> None:
    engine = _CountingEngine()
    on_photo = text_image(["效果最佳", "正品保证"], background=product_photo(3), font_size=44)
    images = [inline(on_photo), inline(product_photo(4)), inline(product_photo(5))]
    rec = Recommendation(id="r", text="t", images=images)
    signals = OcrDetector(loader, engine, text_detectors=[FakeAbsoluteTerm()]).detect(rec, ScanContext(rec))
    assert engine.calls == 1  # the cover; the two plain photos were skipped by the gate
    assert [s.code for s in signals] == ["AD_ABSOLUTE_TERM"]


def test_ocr_text_goes_through_text_detectors_and_maps_to_boxes(loader: ImageLoader) -> None:
    img = text_image(["效果最佳的面霜", "联系微信abc888"], font_size=40, seed=1)
    rec = Recommendation(id="r", text="好物", images=[inline(product_photo(2)), inline(img, "PNG")])
    det = OcrDetector(loader, ENGINE, text_detectors=[FakeAbsoluteTerm()])
    signals = {s.code: s for s in det.detect(rec, ScanContext(rec))}
    assert set(signals) == {"AD_ABSOLUTE_TERM", "DIVERSION_CONTACT"}
    ad = signals["AD_ABSOLUTE_TERM"].evidence.to_dict()
    assert ad["kind"] == "image_box" and ad["image"] == 1 and ad["text"] == "最佳" and ad["label"] == "ocr:text_span"
    contact = signals["DIVERSION_CONTACT"].evidence.to_dict()
    assert contact["label"] == "ocr:contact"
    assert min(p[1] for p in contact["polygon"]) > max(p[1] for p in ad["polygon"]) - 5  # second line is lower
    assert signals["AD_ABSOLUTE_TERM"].detector == "ocr:fake_text"


def test_crashing_text_detector_is_a_scan_signal_not_a_lost_image(loader: ImageLoader) -> None:
    class Broken(FakeAbsoluteTerm):
        name = "broken"

        def detect(self, rec: Recommendation, ctx: ScanContext) -> list[Signal]:
            raise RuntimeError("boom")

    rec = Recommendation(id="r", text="t", images=[inline(text_image(["效果最佳的面霜", "第二行文字"]), "PNG")])
    signals = OcrDetector(loader, ENGINE, text_detectors=[Broken(), FakeAbsoluteTerm()]).detect(rec, ScanContext(rec))
    assert sorted(s.code for s in signals) == ["AD_ABSOLUTE_TERM", "DETECTOR_ERROR"]
