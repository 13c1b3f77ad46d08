"""Core value types of the moderation domain.

Why dataclasses for results and pydantic for input? Input arrives from the outside world and must
be validated strictly (unknown fields are an error, not silently dropped), which pydantic does well.
Results (`Signal`, `Evidence`, `Verdict`) are produced by our own code on the hot path, thousands per
second; frozen dataclasses are cheap, immutable and trivially serialisable with `to_dict()`.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses as dc
import enum
import hashlib
import json
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

Family = Literal["false_ad", "counterfeit", "mlm"]
#: The three risk families every verdict scores. Order is the display order.
FAMILIES: tuple[Family, ...] = ("false_ad", "counterfeit", "mlm")

#: Pseudo-family for signals about the scan itself (an unreadable image, a detector error). They are
#: not fused into a risk score; they make a verdict *incomplete*, which the policy routes to review.
SCAN_FAMILY = "scan"


class Route(enum.StrEnum):
    APPROVE = "approve"
    REVIEW = "review"
    REJECT = "reject"


# --------------------------------------------------------------------------------------------
# Input: a recommendation as submitted by the publish pipeline (the HTTP contract's body).
# --------------------------------------------------------------------------------------------


class _Strict(BaseModel):
    # Unknown fields are refused: a typo such as "txt" must not turn into an empty, approved text.
    model_config = ConfigDict(extra="forbid", str_max_length=20_000, frozen=True)


class Author(_Strict):
    id: str = Field(min_length=1, max_length=128)
    name: str | None = Field(default=None, max_length=256)
    followers: int = Field(default=0, ge=0)


class Merchant(_Strict):
    id: str = Field(min_length=1, max_length=128)
    name: str | None = Field(default=None, max_length=256)
    platform: str | None = Field(default=None, max_length=32)
    credit_tier: str | None = Field(default=None, max_length=8)


class Product(_Strict):
    title: str | None = Field(default=None, max_length=512)
    brand: str | None = Field(default=None, max_length=128)
    category: str | None = Field(default=None, max_length=64)
    price: float | None = Field(default=None, ge=0, allow_inf_nan=False)
    currency: str = Field(default="CNY", max_length=8)
    stock: int | None = Field(default=None, ge=0)
    url: str | None = Field(default=None, max_length=2048)


class ImageRef(_Strict):
    """An image given either by URL (fetched safely by the worker) or inline as base64."""

    url: str | None = Field(default=None, max_length=2048)
    data: str | None = Field(default=None, max_length=14_000_000)

    @field_validator("data")
    @classmethod
    def _base64(cls, v: str | None) -> str | None:
        # Syntax only (a 4xx for the caller); whether the bytes are a decodable image is the
        # scanner's question, and a failure there routes the item to review instead.
        if v is None:
            return v
        if not v.strip():
            raise ValueError("image data is empty")
        payload = v.split(",", 1)[1] if v.startswith("data:") else v  # a data: URI prefix is tolerated
        try:
            base64.b64decode(payload, validate=True)
        except (binascii.Error, ValueError):
            raise ValueError("image data is not valid base64") from None
        return v

    def model_post_init(self, __context: Any) -> None:
        if (self.url is None) == (self.data is None):
            raise ValueError("an image needs exactly one of 'url' or 'data'")


class Recommendation(_Strict):
    """A showcase (橱窗) recommendation: what an influencer posts about one product."""

    id: str = Field(min_length=1, max_length=128, pattern=r"^[A-Za-z0-9._:\-]+$")
    text: str = Field(max_length=10_000)
    author: Author | None = None
    merchant: Merchant | None = None
    product: Product | None = None
    images: list[ImageRef] = Field(default_factory=list, max_length=12)
    callback_url: str | None = Field(default=None, max_length=2048, pattern=r"^https?://")

    def canonical_json(self) -> str:
        """Stable serialisation used for the idempotency hash (key order and spacing fixed)."""
        return json.dumps(self.model_dump(mode="json"), ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    def content_hash(self) -> str:
        return hashlib.sha256(self.canonical_json().encode()).hexdigest()

    def text_fields(self) -> dict[str, str]:
        """Every free-text field a text detector should read, keyed by the name used in evidence."""
        fields = {"text": self.text}
        if self.product and self.product.title:
            fields["product.title"] = self.product.title
        return fields


# --------------------------------------------------------------------------------------------
# Output: evidence, signals, verdicts.
# --------------------------------------------------------------------------------------------


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dc.fields(cls))


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why a signal fired, in a form a reviewer can check against the original content.

    Every concrete kind is a subclass with a fixed `kind` string; `to_dict()` is the HTTP shape.
    Offsets are Python `str` indices (code points) into the ORIGINAL field, never the normalised text.
    """

    kind: str = dc.field(init=False, default="evidence")

    def to_dict(self) -> dict[str, Any]:
        # Not dataclasses.asdict: it deep-copies recursively and was the slowest step of building
        # a verdict. Evidence fields are flat values, so a shallow read is exact.
        return {name: getattr(self, name) for name in _field_names(type(self))}


@dataclass(frozen=True, slots=True)
class TextSpan(Evidence):
    field: str
    start: int
    end: int
    text: str
    normalized: str
    kind: str = dc.field(init=False, default="text_span")


@dataclass(frozen=True, slots=True)
class ContactEvidence(Evidence):
    """An off-platform contact (WeChat ID, QQ, phone, group QR) with where it was found."""

    contact_type: str
    value: str
    field: str
    start: int
    end: int
    text: str
    kind: str = dc.field(init=False, default="contact")


@dataclass(frozen=True, slots=True)
class PriceEvidence(Evidence):
    brand: str
    price: float
    floor: float
    merchant_authorized: bool | None = None
    kind: str = dc.field(init=False, default="price_floor")


@dataclass(frozen=True, slots=True)
class ElementsEvidence(Evidence):
    """Several independent elements that together make one finding (e.g. 传销 §7 elements,
    or logo + price + unauthorised merchant for a counterfeit)."""

    elements: tuple[str, ...]
    spans: tuple[TextSpan, ...] = ()
    detail: dict[str, Any] = dc.field(default_factory=dict)
    kind: str = dc.field(init=False, default="elements")

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "elements": list(self.elements),
            "spans": [s.to_dict() for s in self.spans],
            "detail": dict(self.detail),
        }


@dataclass(frozen=True, slots=True)
class LinkEvidence(Evidence):
    url: str
    host: str
    field: str = "product.url"
    kind: str = dc.field(init=False, default="link")


@dataclass(frozen=True, slots=True)
class ImageBox(Evidence):
    image: int
    polygon: tuple[tuple[float, float], ...]
    brand: str | None = None
    inliers: int | None = None
    label: str | None = None
    text: str | None = None
    kind: str = dc.field(init=False, default="image_box")

    def to_dict(self) -> dict[str, Any]:
        d = {"kind": self.kind, "image": self.image, "polygon": [list(p) for p in self.polygon]}
        for key in ("brand", "inliers", "label", "text"):
            value = getattr(self, key)
            if value is not None:
                d[key] = value
        return d


@dataclass(frozen=True, slots=True)
class HashMatch(Evidence):
    image: int
    bank: str
    distance: int
    ref: str
    kind: str = dc.field(init=False, default="hash_match")


@dataclass(frozen=True, slots=True)
class ScanError(Evidence):
    """Something could not be scanned (unreadable image, detector crash, timeout)."""

    reason: str
    image: int | None = None
    detector: str | None = None
    kind: str = dc.field(init=False, default="scan_error")


@dataclass(frozen=True, slots=True)
class Signal:
    """One finding of one detector: a family, a stable code, a calibrated score and its evidence.

    `score` is calibrated per code so that 0.5 means "a reviewer should look" under the default
    policy; fusion (see `pipeline.fuse`) combines the signals of a family into its score.
    """

    family: str
    code: str
    score: float
    evidence: Evidence | None = None
    law: str | None = None
    detector: str = ""

    def __post_init__(self) -> None:
        if not 0.0 <= self.score <= 1.0:
            raise ValueError(f"signal score out of range: {self.score}")

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"family": self.family, "code": self.code, "score": round(self.score, 4)}
        if self.law:
            d["law"] = self.law
        if self.evidence is not None:
            d["evidence"] = self.evidence.to_dict()
        if self.detector:
            d["detector"] = self.detector
        return d


@dataclass(frozen=True, slots=True)
class Verdict:
    """The pipeline's answer for one recommendation, with every version that produced it."""

    route: Route
    scores: dict[str, float]
    signals: tuple[Signal, ...]
    versions: dict[str, str]
    complete: bool = True
    reasons: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "route": self.route.value,
            "scores": {k: round(v, 4) for k, v in self.scores.items()},
            "signals": [s.to_dict() for s in self.signals],
            "versions": dict(self.versions),
            "complete": self.complete,
            "reasons": list(self.reasons),
        }

    @property
    def flagged_families(self) -> list[str]:
        return [f for f in FAMILIES if self.scores.get(f, 0.0) >= 0.5]
