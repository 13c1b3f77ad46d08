"""Reference logo images shipped with the demo brand data, attached to a `BrandRegistry`.

`brands.json` holds the text side of a brand (aliases, price floor, merchants); logo images are
binary and live beside it as `data/logos/<slug>.png` (one or more: `<slug>.png`, `<slug>-2.png` …).
Keeping the join here, rather than in `brands.py`, leaves the registry free of image concerns; the
store that persists brands (`POST /v1/brands` with `logos`) builds `Brand(logos=...)` itself.

The shipped logos are SYNTHETIC (see `make_demo_logos.py`): real trademarks are not ours to copy.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from importlib import resources

from moderation.brands import BrandRegistry


def brand_slug(name: str) -> str:
    """'Louis Vuitton' → 'louis-vuitton', 'Hermès' → 'hermes' (file-name safe, accent-free)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def default_logo_files() -> dict[str, list[bytes]]:
    """slug → logo image bytes found in `moderation/data/logos/` (sorted by file name)."""
    folder = resources.files("moderation.data").joinpath("logos")
    found: dict[str, list[bytes]] = {}
    if not folder.is_dir():
        return found
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        match = re.fullmatch(r"([a-z0-9-]+?)(?:-\d+)?\.png", entry.name)
        if match:
            found.setdefault(match.group(1), []).append(entry.read_bytes())
    return found


def attach_default_logos(registry: BrandRegistry) -> BrandRegistry:
    """A registry whose brands carry the shipped reference logos (brands without one unchanged).

    The registry version gains a `+logos` suffix so verdicts record that logos were part of it.
    """
    files = default_logo_files()
    if not files:
        return registry
    brands = tuple(
        replace(b, logos=(*b.logos, *files[brand_slug(b.brand)])) if brand_slug(b.brand) in files else b
        for b in registry
    )
    return BrandRegistry(version=f"{registry.version}+logos", brands=brands)
