"""The factory wires all image detectors; a bad image yields one scan signal, not one per detector."""

from __future__ import annotations

import base64

from image_fixtures import inline

from moderation.brands import BrandRegistry
from moderation.detectors.partner_link import PartnerLinkDetector
from moderation.images.detectors_factory import image_detectors
from moderation.images.hash_bank import HashBankSet
from moderation.images.logos import attach_default_logos
from moderation.images.pdq import pdq_hash_array
from moderation.images.synthetic import product_photo
from moderation.pipeline import Pipeline
from moderation.policy import load_policy
from moderation.settings import Settings
from moderation.types import ImageRef, Recommendation


def _pipeline(banks: HashBankSet | None = None) -> Pipeline:
    detectors = image_detectors(attach_default_logos(BrandRegistry.load_default()), banks or HashBankSet(), Settings())
    return Pipeline([PartnerLinkDetector(), *detectors], load_policy())


def test_factory_returns_image_detectors() -> None:
    dets = image_detectors(BrandRegistry.load_default(), HashBankSet(), Settings(), ocr=False)
    assert [d.name for d in dets] == ["image_hash", "logo", "qr"]
    assert all(d.uses_images for d in dets)


def test_each_bad_image_is_exactly_one_scan_signal_and_routes_to_review() -> None:
    rec = Recommendation(id="r", text="好物推荐", images=[
        inline(product_photo(1)),
        ImageRef(data=base64.b64encode(b"not an image at all").decode()),
        ImageRef(url="http://127.0.0.1:9/x.png"),  # loopback refused by default settings
    ])
    verdict = _pipeline().scan(rec)
    scan = [(s.code, s.evidence.image) for s in verdict.signals if s.family == "scan"]
    assert sorted(scan) == [("IMAGE_REFUSED", 1), ("IMAGE_REFUSED", 2)]
    assert verdict.complete is False and verdict.route.value == "review"


def test_clean_image_approves_and_banked_image_flags() -> None:
    photo = product_photo(21)
    rec = Recommendation(id="r", text="好物推荐", images=[inline(photo)])
    assert _pipeline().scan(rec).route.value == "approve"
    banks = HashBankSet()
    banks.add("counterfeit_confirmed", pdq_hash_array(photo)[0], ref="case-1")
    verdict = _pipeline(banks).scan(rec)
    assert verdict.scores["counterfeit"] >= 0.5
    assert "hash_banks" in verdict.versions
