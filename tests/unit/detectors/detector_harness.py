"""Helpers shared by the text-detector tests: build a recommendation, read a detector's flags."""

from __future__ import annotations

from moderation.detectors.base import Detector, ScanContext
from moderation.pipeline import fuse
from moderation.types import Merchant, Product, Recommendation

FLAG = 0.5


def rec(text: str, title: str | None = None, brand: str | None = None, price: float | None = None,
        category: str | None = None, merchant: str = "m1", stock: int | None = None) -> Recommendation:
    return Recommendation(id="t", text=text, merchant=Merchant(id=merchant),
                          product=Product(title=title, brand=brand, price=price, category=category, stock=stock))


def flagged_codes(detector: Detector, r: Recommendation) -> set[str]:
    return {s.code for s in detector.detect(r, ScanContext(r)) if s.score >= FLAG}


def family_score(detector: Detector, r: Recommendation, family: str) -> float:
    """The family score the pipeline would fuse from this detector's signals alone."""
    return fuse(detector.detect(r, ScanContext(r)))[family]
