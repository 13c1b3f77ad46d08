"""A registered brand's logo in the photos, judged together with price, merchant and stock.

A logo alone proves nothing — the brand's own store shows it on every photo — so on its own it is
an informational `LOGO_DETECTED` (0.2, below the 0.5 flag line) carrying the box for the reviewer.
The classic fake listing combines it with independent red flags about the *same* brand: a price
below the brand's floor, a merchant not on its authorised list, and a stock no luxury boutique
holds (≥ 50 bags of one model). Those elements together make `COUNTERFEIT_LOGO_ELEMENTS`, scored
by which elements are present (table below) and listed in `ElementsEvidence` so the reviewer sees
why. Price is the strongest element: an authorised seller never sells far below the floor, while
an unauthorised reseller at a normal price may be legitimate grey-market trade.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

import numpy as np

from moderation.brands import Brand, BrandRegistry
from moderation.detectors.base import Detector, DetectorExample, ScanContext
from moderation.images.loader import ImageLoader, LoadedImage
from moderation.images.logo_index import LogoHit, LogoIndex
from moderation.types import ElementsEvidence, ImageBox, ImageRef, Merchant, Product, Recommendation, Signal

TRADEMARK_LAW = "商标法 第五十七条"
LOGO_ONLY_SCORE = 0.2
#: One luxury boutique does not hold this many units of one model; counterfeit sellers do.
ODD_STOCK_LUXURY = 50
LUXURY_CATEGORIES = frozenset({"luxury_bag", "watch", "watch_jewelry"})

#: Score of the combined signal by the red flags present beside the logo.
ELEMENT_SCORES: dict[frozenset[str], float] = {
    frozenset({"merchant_not_authorized"}): 0.3,
    frozenset({"odd_stock"}): 0.3,
    frozenset({"merchant_not_authorized", "odd_stock"}): 0.45,
    frozenset({"price_below_floor"}): 0.6,
    frozenset({"price_below_floor", "odd_stock"}): 0.75,
    frozenset({"price_below_floor", "merchant_not_authorized"}): 0.85,
    frozenset({"price_below_floor", "merchant_not_authorized", "odd_stock"}): 0.95,
}


@dataclass(frozen=True)
class LogoFinding:
    """The strongest sighting of one brand's logo across a recommendation's images."""

    image: LoadedImage
    hit: LogoHit

    def box(self) -> ImageBox:
        return ImageBox(
            image=self.image.index,
            polygon=self.image.decoded.to_original(self.hit.polygon),
            brand=self.hit.brand,
            inliers=self.hit.inliers,
            label="logo",
        )


def logo_hits(image: LoadedImage, ctx: ScanContext, index: LogoIndex) -> list[LogoHit]:
    """Logo hits of one image, computed once per scan (keypoints are detected once per image)."""
    return ctx.memo(("logos", image.index), lambda: index.detect(gray_of(image, ctx)))


def gray_of(image: LoadedImage, ctx: ScanContext) -> np.ndarray:
    return ctx.memo(("gray", image.index), lambda: image.decoded.gray)


def red_flags(brand: Brand, rec: Recommendation) -> tuple[list[str], dict[str, object]]:
    """The counterfeit elements (besides the logo) that `rec` shows for `brand`, with the facts."""
    product, merchant = rec.product, rec.merchant
    flags: list[str] = []
    detail: dict[str, object] = {}
    price = product.price if product else None
    if brand.below_floor(price):
        flags.append("price_below_floor")
        detail.update(price=price, floor=brand.price_floor_cny)
    if merchant is not None and not brand.is_authorized(merchant.id):
        flags.append("merchant_not_authorized")
        detail.update(merchant=merchant.id)
    stock = product.stock if product else None
    if stock is not None and stock >= ODD_STOCK_LUXURY and brand.category in LUXURY_CATEGORIES:
        flags.append("odd_stock")
        detail.update(stock=stock)
    return flags, detail


class LogoDetector(Detector):
    name = "logo"
    families = ("counterfeit",)
    version = "1"
    uses_images = True

    def __init__(self, loader: ImageLoader, registry: BrandRegistry, index: LogoIndex | None = None):
        self.loader = loader
        self.registry = registry
        self.index = index or LogoIndex.from_registry(registry)

    @property
    def resource_versions(self) -> dict[str, str]:
        return {"brands": self.registry.version, "logo_index": self.index.version}

    def detect(self, rec: Recommendation, ctx: ScanContext) -> list[Signal]:
        signals = self.loader.failure_signals(rec, ctx)
        best: dict[str, LogoFinding] = {}
        for image in self.loader.images(rec, ctx):
            for hit in logo_hits(image, ctx, self.index):
                signals.append(self._detected(LogoFinding(image, hit)))
                if hit.brand not in best or hit.inliers > best[hit.brand].hit.inliers:
                    best[hit.brand] = LogoFinding(image, hit)
        for finding in best.values():
            combined = self._combined(finding, rec)
            if combined is not None:
                signals.append(combined)
        return signals

    def _detected(self, finding: LogoFinding) -> Signal:
        return Signal("counterfeit", "LOGO_DETECTED", LOGO_ONLY_SCORE, finding.box(), detector=self.name)

    def _combined(self, finding: LogoFinding, rec: Recommendation) -> Signal | None:
        brand = self.registry.lookup(finding.hit.brand)
        if brand is None:
            return None
        flags, detail = red_flags(brand, rec)
        score = ELEMENT_SCORES.get(frozenset(flags))
        if score is None:
            return None
        box = finding.box()
        detail.update(brand=brand.brand, image=box.image, polygon=[list(p) for p in box.polygon], inliers=box.inliers)
        evidence = ElementsEvidence(elements=(f"logo:{brand.brand}", *flags), detail=detail)
        return Signal("counterfeit", "COUNTERFEIT_LOGO_ELEMENTS", score, evidence, TRADEMARK_LAW, self.name)

    @classmethod
    def get_examples(cls) -> list[DetectorExample]:
        """Examples against the demo registry (`attach_default_logos`): the demo LV logo on a photo."""
        from moderation.images.decode import decode_image
        from moderation.images.make_demo_logos import DEMO_BRANDS, demo_logo_png
        from moderation.images.synthetic import encode, paste_logo, product_photo

        logo = decode_image(demo_logo_png("Louis Vuitton", DEMO_BRANDS["Louis Vuitton"]), 10**7).rgb
        photo, _ = paste_logo(product_photo(7), logo, np.random.default_rng(7))
        image = ImageRef(data=base64.b64encode(encode(photo, "JPEG", 85)).decode())

        def rec(price: float, merchant: str, stock: int) -> Recommendation:
            return Recommendation(
                id="ex-logo", text="经典老花包", images=[image], merchant=Merchant(id=merchant),
                product=Product(title="手提包", price=price, stock=stock),
            )

        return [
            DetectorExample(rec(299, "m_random_shop", 500), frozenset({"LOGO_DETECTED", "COUNTERFEIT_LOGO_ELEMENTS"}),
                            note="logo + ¥299 + unauthorised + 500 in stock"),
            DetectorExample(rec(12000, "m_lv_official", 3), frozenset({"LOGO_DETECTED"}),
                            frozenset({"COUNTERFEIT_LOGO_ELEMENTS"}), note="the brand's own store"),
        ]
