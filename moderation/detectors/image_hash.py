"""An image that is (nearly) identical to one reviewers already banned is very likely the same
violation re-posted: PDQ distance ≤ 31 against the hash banks.

Score by distance: ≤ 10 bits is a re-encode of the same photo (0.95); up to the threshold it is
still the same picture resized/cropped/filtered, with a little more room for a look-alike (down to
0.7). Unrelated photos sit around 128 bits, far above either. Images with PDQ quality < 50 (flat or
noisy) are not matched: their hashes collide with unrelated flat images.
"""

from __future__ import annotations

from collections.abc import Mapping

from moderation.detectors.base import Detector, ScanContext
from moderation.images.hash_bank import HashBankSet
from moderation.images.loader import ImageLoader, LoadedImage
from moderation.images.pdq import MIN_QUALITY, pdq_hash_array
from moderation.types import HashMatch, Recommendation, Signal

EXACT_DISTANCE = 10


def pdq_of(image: LoadedImage, ctx: ScanContext) -> tuple[str, int]:
    """The PDQ hash of a loaded image, computed once per scan."""
    return ctx.memo(("pdq", image.index), lambda: pdq_hash_array(image.decoded.rgb))


def match_score(distance: int, max_distance: int) -> float:
    if distance <= EXACT_DISTANCE:
        return 0.95
    span = max(1, max_distance - EXACT_DISTANCE)
    return round(0.95 - 0.25 * min(1.0, (distance - EXACT_DISTANCE) / span), 4)


class ImageHashDetector(Detector):
    name = "image_hash"
    families = ("counterfeit", "mlm", "false_ad")
    version = "1"
    uses_images = True

    def __init__(
        self,
        loader: ImageLoader,
        banks: HashBankSet,
        bank_families: Mapping[str, str] | None = None,
        default_family: str = "counterfeit",
    ):
        self.loader = loader
        self.banks = banks
        #: Which family a bank's matches score ("mlm_posters" → mlm); unknown banks → default_family.
        self.bank_families = dict(bank_families or {})
        self.default_family = default_family

    @property
    def resource_versions(self) -> dict[str, str]:
        return {"hash_banks": self.banks.version}

    def detect(self, rec: Recommendation, ctx: ScanContext) -> list[Signal]:
        signals = self.loader.failure_signals(rec, ctx)
        if not len(self.banks):
            return signals
        for image in self.loader.images(rec, ctx):
            hash_hex, quality = pdq_of(image, ctx)
            if quality < MIN_QUALITY:
                continue
            best_per_bank: dict[str, tuple[int, str]] = {}
            for m in self.banks.match(hash_hex):
                best_per_bank.setdefault(m.bank, (m.distance, m.ref))  # matches come nearest first
            for bank, (distance, ref) in best_per_bank.items():
                signals.append(
                    Signal(
                        family=self.bank_families.get(bank, self.default_family),
                        code="IMAGE_HASH_MATCH",
                        score=match_score(distance, self.banks.max_distance),
                        evidence=HashMatch(image=image.index, bank=bank, distance=distance, ref=ref),
                        detector=self.name,
                    )
                )
        return signals
