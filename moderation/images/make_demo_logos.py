"""Write synthetic reference logos for a few demo brands to `moderation/data/logos/<slug>.png`.

Run: `python -m moderation.images.make_demo_logos` (idempotent: same seeds, same pixels).
The logos are generated shapes + letters, NOT the brands' real marks — enough texture for the
feature matcher, and nothing copyrighted in the repository.
"""

from __future__ import annotations

import argparse
import zlib
from pathlib import Path

from moderation.images.logos import brand_slug
from moderation.images.synthetic import encode, synthetic_logo

DEMO_BRANDS = {"Louis Vuitton": "LV", "Gucci": "GG", "Chanel": "CC", "Rolex": "RLX", "Nike": "NK"}


def demo_logo_png(brand: str, letters: str) -> bytes:
    return encode(synthetic_logo(zlib.crc32(brand.encode()), letters, size=320), "PNG")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "data" / "logos")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for brand, letters in DEMO_BRANDS.items():
        path = args.out / f"{brand_slug(brand)}.png"
        path.write_bytes(demo_logo_png(brand, letters))
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
