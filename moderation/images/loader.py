"""Load each image of a recommendation once per scan and share it among all image detectors.

Loading is not a detector: every image detector asks `ImageLoader.images(rec, ctx)` and gets the
same decoded arrays, memoised in `ctx` under `("image", index)`. A failed image must still show up
exactly once — not zero times (a silent pass) and not once per detector (noise for reviewers) — so
the failure signals are handed out by `ImageLoader.failure_signals`, which gives them to whichever
image detector asks first in this scan and an empty list to the rest.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass

from moderation.detectors.base import ScanContext
from moderation.images.decode import DEFAULT_WORK_MAX_SIDE, DecodedImage, decode_image
from moderation.images.errors import ImageError, ImageRefused, ImageUnreadable
from moderation.images.fetch import ImageFetcher
from moderation.settings import Settings
from moderation.types import SCAN_FAMILY, ImageRef, Recommendation, ScanError, Signal

LOADER_NAME = "image_loader"


@dataclass(frozen=True)
class LoadedImage:
    index: int
    raw: bytes
    decoded: DecodedImage

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.raw).hexdigest()


@dataclass(frozen=True)
class ImageFailure:
    index: int
    code: str  # IMAGE_REFUSED | IMAGE_UNREADABLE
    reason: str

    def to_signal(self) -> Signal:
        return Signal(
            family=SCAN_FAMILY,
            code=self.code,
            score=1.0,
            evidence=ScanError(reason=self.reason, image=self.index, detector=LOADER_NAME),
            detector=LOADER_NAME,
        )


class ImageLoader:
    """Turns `ImageRef`s into decoded images under the configured limits. One per process."""

    def __init__(self, fetcher: ImageFetcher, max_pixels: int, work_max_side: int = DEFAULT_WORK_MAX_SIDE):
        self.fetcher = fetcher
        self.max_pixels = max_pixels
        self.work_max_side = work_max_side

    @classmethod
    def from_settings(cls, settings: Settings) -> ImageLoader:
        return cls(ImageFetcher.from_settings(settings), settings.image_max_pixels)

    def read_bytes(self, ref: ImageRef) -> bytes:
        """The encoded bytes of `ref` (inline base64 or a vetted download); raises ImageError."""
        if ref.data is not None:
            return self._decode_base64(ref.data)
        assert ref.url is not None
        return self.fetcher.fetch(ref.url)

    def load(self, ref: ImageRef, index: int) -> LoadedImage | ImageFailure:
        """Never raises: any problem becomes an ImageFailure (fail closed, not crash)."""
        try:
            raw = self.read_bytes(ref)
            return LoadedImage(index, raw, decode_image(raw, self.max_pixels, self.work_max_side))
        except ImageError as exc:
            return ImageFailure(index, exc.code, exc.reason)
        except Exception as exc:  # defensive: an unexpected bug still must not pass an image unseen
            return ImageFailure(index, ImageUnreadable.code, f"{type(exc).__name__}: {exc}"[:300])

    def get(self, rec: Recommendation, ctx: ScanContext, index: int) -> LoadedImage | ImageFailure:
        return ctx.memo(("image", index), lambda: self.load(rec.images[index], index))

    def images(self, rec: Recommendation, ctx: ScanContext) -> list[LoadedImage]:
        """The images that loaded, in order; failures are reported via `failure_signals`."""
        out = []
        for i in range(len(rec.images)):
            item = self.get(rec, ctx, i)
            if isinstance(item, LoadedImage):
                out.append(item)
        return out

    def failure_signals(self, rec: Recommendation, ctx: ScanContext) -> list[Signal]:
        """One scan signal per failed image, given to the first caller in this scan only."""
        claimed = ctx.memo(("image", "failures_reported"), lambda: {"done": False})
        if claimed["done"]:
            return []
        claimed["done"] = True
        failures = [self.get(rec, ctx, i) for i in range(len(rec.images))]
        return [f.to_signal() for f in failures if isinstance(f, ImageFailure)]

    def _decode_base64(self, data: str) -> bytes:
        if data.startswith("data:"):
            data = data.split(",", 1)[-1]  # tolerate a data: URI prefix
        compact = "".join(data.split())
        if len(compact) * 3 // 4 > self.fetcher.max_bytes:
            raise ImageRefused(f"inline image exceeds {self.fetcher.max_bytes} bytes")
        try:
            return base64.b64decode(compact, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise ImageUnreadable(f"inline image is not valid base64: {exc}") from exc
