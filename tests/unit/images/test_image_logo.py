"""Logo matching under rotation/scale/perspective/JPEG and the combined counterfeit elements."""

from __future__ import annotations

import numpy as np
from image_fixtures import inline

from moderation.brands import Brand, BrandRegistry
from moderation.detectors.base import ScanContext
from moderation.detectors.logo import LogoDetector
from moderation.images.decode import decode_image
from moderation.images.loader import ImageLoader
from moderation.images.logo_index import LogoIndex
from moderation.images.logos import attach_default_logos, brand_slug
from moderation.images.synthetic import encode, jpeg_roundtrip, paste_logo, product_photo, synthetic_logo
from moderation.types import Merchant, Product, Recommendation

NAMES = [f"BRAND{i}" for i in range(30)]


def _registry() -> BrandRegistry:
    brands = [
        Brand(brand=name, category="luxury_bag", price_floor_cny=5000, authorized_merchants=frozenset({f"m_{i}"}),
              logos=(encode(synthetic_logo(100 + i, name[-2:] + "X"), "PNG"),))
        for i, name in enumerate(NAMES)
    ]
    return BrandRegistry(version="t1", brands=tuple(brands))


REGISTRY = _registry()
INDEX = LogoIndex.from_registry(REGISTRY)


def _scene(brand_idx: int, seed: int, quality: int = 75) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    img, poly = paste_logo(product_photo(seed), synthetic_logo(100 + brand_idx, NAMES[brand_idx][-2:] + "X"), rng)
    return jpeg_roundtrip(img, quality), poly


def test_finds_logo_with_polygon_near_truth() -> None:
    for seed in range(6):
        img, truth = _scene(seed * 3, seed)
        hits = INDEX.detect(np.ascontiguousarray(img.mean(axis=2).astype(np.uint8)))
        assert hits and hits[0].brand == NAMES[seed * 3]
        assert np.abs(hits[0].polygon - truth).max() < 12  # corner error in pixels
        assert hits[0].inliers >= 14


def test_no_logo_and_unregistered_logo_give_no_hit() -> None:
    for seed in range(6):
        rng = np.random.default_rng(seed)
        img, _ = paste_logo(product_photo(500 + seed), synthetic_logo(9000 + seed, "QZW"), rng)
        for candidate in (product_photo(700 + seed), jpeg_roundtrip(img, 80)):
            assert INDEX.detect(candidate.mean(axis=2).astype(np.uint8)) == []


def _rec(img: np.ndarray, price: float, merchant: str, stock: int) -> Recommendation:
    return Recommendation(id="r", text="包", images=[inline(img)], merchant=Merchant(id=merchant),
                          product=Product(price=price, stock=stock))


def test_logo_plus_price_merchant_stock_is_counterfeit(loader: ImageLoader) -> None:
    img, _ = _scene(4, 11)
    rec = _rec(img, 299, "m_random", 500)
    signals = LogoDetector(loader, REGISTRY, INDEX).detect(rec, ScanContext(rec))
    by_code = {s.code: s for s in signals}
    box = by_code["LOGO_DETECTED"].evidence.to_dict()
    assert box["kind"] == "image_box" and box["brand"] == "BRAND4" and box["image"] == 0
    assert len(box["polygon"]) == 4 and box["inliers"] >= 14
    combined = by_code["COUNTERFEIT_LOGO_ELEMENTS"]
    assert combined.score >= 0.9 and combined.family == "counterfeit"
    assert combined.evidence.elements == ("logo:BRAND4", "price_below_floor", "merchant_not_authorized", "odd_stock")
    assert combined.evidence.detail["price"] == 299 and combined.evidence.detail["floor"] == 5000


def test_logo_on_authorised_store_at_normal_price_is_not_a_flag(loader: ImageLoader) -> None:
    img, _ = _scene(4, 11)
    rec = _rec(img, 9000, "m_4", 3)
    signals = LogoDetector(loader, REGISTRY, INDEX).detect(rec, ScanContext(rec))
    assert [s.code for s in signals] == ["LOGO_DETECTED"]
    assert signals[0].score < 0.5


def test_price_alone_flags_but_unauthorised_reseller_alone_does_not(loader: ImageLoader) -> None:
    img, _ = _scene(7, 3)
    det = LogoDetector(loader, REGISTRY, INDEX)
    cheap = _rec(img, 1000, "m_7", 1)
    reseller = _rec(img, 9000, "m_other", 1)
    assert max(s.score for s in det.detect(cheap, ScanContext(cheap))) >= 0.5
    assert max(s.score for s in det.detect(reseller, ScanContext(reseller))) < 0.5


def test_demo_logos_attached_to_default_registry_and_examples_hold(loader: ImageLoader) -> None:
    registry = attach_default_logos(BrandRegistry.load_default())
    with_logos = {b.brand for b in registry if b.logos}
    assert {"Louis Vuitton", "Gucci", "Chanel", "Rolex", "Nike"} <= with_logos
    assert brand_slug("Hermès") == "hermes"
    for b in registry:
        for logo in b.logos:
            assert decode_image(logo, 10**7).rgb.shape[0] >= 128
    det = LogoDetector(loader, registry)
    for ex in LogoDetector.get_examples():
        codes = {s.code for s in det.detect(ex.rec, ScanContext(ex.rec))}
        assert ex.expect_codes <= codes, ex.note
        assert not (ex.forbid_codes & codes), ex.note
