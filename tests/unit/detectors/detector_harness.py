"""Helpers shared by the text-detector tests: build a recommendation, read a detector's flags."""

from __future__ import annotations

from functools import cache

from moderation.detectors.base import Detector, ScanContext
from moderation.engine import text_detectors
from moderation.pipeline import Pipeline, fuse
from moderation.policy import load_policy
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


@cache
def text_pipeline() -> Pipeline:
    """The text detectors under the default policy (lexicon only: the fast regression path)."""
    return Pipeline(text_detectors(), load_policy())


def pipeline_scores(text: str, category: str | None = None, **product: object) -> dict[str, float]:
    """Family scores of a probe post through `text_pipeline()`."""
    rec = Recommendation(id="probe", text=text, product=Product(category=category, **product))
    return text_pipeline().scan(rec).scores
