"""The brand registry: who a brand is (aliases), what it costs at least, who may sell it, and what
its logo looks like.

Counterfeit detection hinges on this data: a 路易威登 bag at ¥299 from a shop that is not on the
brand's authorised list is the classic fake listing. The registry is versioned data — the project's
copy lives in `data/brands.json`; the policy team edits it through `POST /v1/brands` — and its
version is recorded in every verdict.

Reference logos are stored as encoded image bytes (PNG/JPEG); the image side turns them into
feature descriptors once per process.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from importlib import resources
from typing import Any


def alias_key(name: str) -> str:
    """Case/width-insensitive key for alias lookup (ＬＶ, lv and LV are the same brand)."""
    return "".join(unicodedata.normalize("NFKC", name).lower().split())


@dataclass(frozen=True)
class Brand:
    brand: str
    aliases: tuple[str, ...] = ()
    category: str | None = None
    price_floor_cny: float | None = None
    authorized_merchants: frozenset[str] = frozenset()
    #: Encoded reference logo images (PNG/JPEG bytes). Not part of `to_dict()` output by default.
    logos: tuple[bytes, ...] = field(default=(), repr=False)

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name and every alias."""
        return (self.brand, *self.aliases)

    def is_authorized(self, merchant_id: str | None) -> bool:
        return merchant_id is not None and merchant_id in self.authorized_merchants

    def below_floor(self, price: float | None) -> bool:
        return price is not None and self.price_floor_cny is not None and price < self.price_floor_cny

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], logos: Iterable[bytes] = ()) -> Brand:
        """Build from the JSON shape; `logos` in the data are base64 strings or `{"data": b64}`."""
        logos = tuple(logos) or tuple(decode_logo(item) for item in data.get("logos", []))
        name = str(data["brand"]).strip()
        if not name:
            raise ValueError("brand name is empty")
        floor = data.get("price_floor_cny")
        if floor is not None and float(floor) < 0:
            raise ValueError("price_floor_cny must be >= 0")
        aliases = tuple(dict.fromkeys(str(a).strip() for a in data.get("aliases", []) if str(a).strip()))
        return cls(
            brand=name,
            aliases=tuple(a for a in aliases if a != name),
            category=data.get("category"),
            price_floor_cny=float(floor) if floor is not None else None,
            authorized_merchants=frozenset(str(m) for m in data.get("authorized_merchants", [])),
            logos=tuple(logos),
        )

    def to_dict(self, with_logos: bool = False) -> dict[str, Any]:
        """The API shape; `with_logos` embeds the logo bytes as base64 (for storage)."""
        d: dict[str, Any] = {
            "brand": self.brand,
            "aliases": list(self.aliases),
            "category": self.category,
            "price_floor_cny": self.price_floor_cny,
            "authorized_merchants": sorted(self.authorized_merchants),
            "logo_count": len(self.logos),
            "logo_sha256": [hashlib.sha256(b).hexdigest()[:16] for b in self.logos],
        }
        if with_logos:
            d["logos"] = [base64.b64encode(b).decode() for b in self.logos]
        return d


def decode_logo(item: Any) -> bytes:
    """Logo bytes from base64 text or `{"data": base64}`; ValueError when it is not base64."""
    raw = item.get("data") if isinstance(item, Mapping) else item
    if not isinstance(raw, str):
        raise ValueError("a logo must be base64 data")
    try:
        return base64.b64decode(raw, validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("a logo is not valid base64") from None


@dataclass(frozen=True)
class BrandRegistry:
    version: str
    brands: tuple[Brand, ...]
    _by_alias: dict[str, Brand] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        index: dict[str, Brand] = {}
        for b in self.brands:
            for name in b.names:
                index.setdefault(alias_key(name), b)
        object.__setattr__(self, "_by_alias", index)

    def __len__(self) -> int:
        return len(self.brands)

    def __iter__(self):
        return iter(self.brands)

    def lookup(self, name: str | None) -> Brand | None:
        """The brand whose canonical name or alias equals `name` (case/width-insensitive)."""
        if not name:
            return None
        return self._by_alias.get(alias_key(name))

    def alias_table(self) -> dict[str, Brand]:
        """alias key → brand, for building a matcher over free text."""
        return dict(self._by_alias)

    def with_brand(self, brand: Brand, version: str) -> BrandRegistry:
        """A new registry (new version) with `brand` created or replaced."""
        kept = tuple(b for b in self.brands if alias_key(b.brand) != alias_key(brand.brand))
        return replace(self, version=version, brands=(*kept, brand))

    def without_brand(self, name: str, version: str) -> BrandRegistry:
        target = self.lookup(name)
        if target is None:
            raise KeyError(name)
        return replace(self, version=version, brands=tuple(b for b in self.brands if b is not target))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> BrandRegistry:
        brands = tuple(Brand.from_dict(b) for b in data["brands"])
        return cls(version=str(data.get("version", "unversioned")), brands=brands)

    def to_dict(self) -> dict[str, Any]:
        """The storage shape (logos embedded), loadable by `from_dict`."""
        return {"version": self.version, "brands": [b.to_dict(with_logos=True) for b in self.brands]}

    @classmethod
    def load_default(cls) -> BrandRegistry:
        """The registry shipped with the project (`moderation/data/brands.json`)."""
        raw = resources.files("moderation.data").joinpath("brands.json").read_text(encoding="utf-8")
        return cls.from_dict(json.loads(raw))
