"""Text inside images, read by OCR and judged by the same text detectors as the caption.

Sellers move the claims the text detectors catch ("最佳", "加微信 abc123", "原单") into the
photo. Rather than a second set of lexicons, this detector builds a synthetic `Recommendation`
whose text is the OCR'd lines (one per line, `\n`-joined), runs the injected text detectors on it,
and re-maps every text offset they report back to the OCR line's box in the image: a `TextSpan` or
`ContactEvidence` becomes an `ImageBox` (label `ocr:<kind>`, text = the matched words). Codes and
scores stay as the text detector set them, so "最佳" in the caption and in the photo fuse as one
code, not as two independent findings.

Which images are OCR'd: at most `max_images`; the first `always_first` (the cover, where sellers
put captions) always, the others only when the cheap text-region gate passes
(`moderation.images.ocr.has_text_regions`) — OCR costs ~0.4 s an image, the gate a few ms. The
gate misses text drawn over busy photos (edges merge with the clutter), which is why the cover is
not gated; bench/eval_images.py measures both. The
lines are memoised as `("ocr", index)` for any other detector that wants them.
"""

from __future__ import annotations

import dataclasses as dc
from collections.abc import Sequence

import numpy as np

from moderation.detectors.base import Detector, ScanContext
from moderation.images.loader import ImageLoader, LoadedImage
from moderation.images.ocr import OcrEngine, OcrLine, has_text_regions
from moderation.types import (
    SCAN_FAMILY,
    ContactEvidence,
    ElementsEvidence,
    Evidence,
    ImageBox,
    Recommendation,
    ScanError,
    Signal,
    TextSpan,
)

DEFAULT_MAX_IMAGES = 6


@dc.dataclass(frozen=True)
class OcrText:
    """The OCR'd text of one image and where each line sits in the joined text."""

    image: LoadedImage
    lines: tuple[OcrLine, ...]
    starts: tuple[int, ...]

    @classmethod
    def from_lines(cls, image: LoadedImage, lines: Sequence[OcrLine]) -> OcrText:
        starts, pos = [], 0
        for line in lines:
            starts.append(pos)
            pos += len(line.text) + 1  # "\n" between lines
        return cls(image, tuple(lines), tuple(starts))

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    def polygon_for(self, start: int, end: int) -> tuple[tuple[float, float], ...] | None:
        """The box (original-image coordinates) of the lines that text[start:end] touches."""
        end = max(end, start + 1)
        touched = [ln for ln, s in zip(self.lines, self.starts, strict=True) if s < end and start < s + len(ln.text)]
        if not touched:
            return None
        if len(touched) == 1:
            return self.image.decoded.to_original(touched[0].polygon)
        pts = np.concatenate([ln.polygon for ln in touched])
        (x0, y0), (x1, y1) = pts.min(axis=0), pts.max(axis=0)
        return self.image.decoded.to_original(np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]]))


class OcrDetector(Detector):
    name = "ocr"
    families = ("false_ad", "counterfeit", "mlm")
    version = "1"
    uses_images = True

    def __init__(
        self,
        loader: ImageLoader,
        engine: OcrEngine | None = None,
        text_detectors: Sequence[Detector] | None = None,
        max_images: int = DEFAULT_MAX_IMAGES,
        use_gate: bool = True,
        always_first: int = 1,
    ):
        self.loader = loader
        self.engine = engine or OcrEngine()
        self.text_detectors = list(text_detectors or [])
        self.max_images = max_images
        self.use_gate = use_gate
        self.always_first = always_first

    @property
    def resource_versions(self) -> dict[str, str]:
        versions: dict[str, str] = {}
        for d in self.text_detectors:
            versions[f"detector:ocr:{d.name}"] = d.version
            versions.update(d.resource_versions)
        return versions

    def ocr_text(self, image: LoadedImage, ctx: ScanContext) -> OcrText:
        def run() -> OcrText:
            if self.use_gate and image.index >= self.always_first:
                gray = ctx.memo(("gray", image.index), lambda: image.decoded.gray)
                if not has_text_regions(gray):
                    return OcrText.from_lines(image, [])
            return OcrText.from_lines(image, self.engine.read(image.decoded.rgb))

        return ctx.memo(("ocr", image.index), run)

    def detect(self, rec: Recommendation, ctx: ScanContext) -> list[Signal]:
        signals = self.loader.failure_signals(rec, ctx)
        for image in self.loader.images(rec, ctx)[: self.max_images]:
            ocr = self.ocr_text(image, ctx)
            if ocr.lines and self.text_detectors:
                signals.extend(self._run_text_detectors(rec, ocr))
        return signals

    def _run_text_detectors(self, rec: Recommendation, ocr: OcrText) -> list[Signal]:
        # Same author/merchant/price context (a counterfeit text rule may need the price), but no
        # title, URL or images: those are the caption's and were scanned already.
        product = rec.product.model_copy(update={"title": None, "url": None}) if rec.product else None
        synthetic = Recommendation(id=rec.id, text=ocr.text[:10_000], author=rec.author,
                                   merchant=rec.merchant, product=product)
        out: list[Signal] = []
        for detector in self.text_detectors:
            try:
                found = detector.detect(synthetic, ScanContext(synthetic))
            except Exception as exc:  # one broken text detector must not hide the others' findings
                out.append(Signal(SCAN_FAMILY, "DETECTOR_ERROR", 1.0,
                                  ScanError(reason=f"{type(exc).__name__}: {exc}"[:300], image=ocr.image.index,
                                            detector=f"ocr:{detector.name}"),
                                  detector=f"ocr:{detector.name}"))
                continue
            for signal in found:
                if signal.family == SCAN_FAMILY:
                    continue  # e.g. IMAGES_NOT_SCANNED-style notes about the synthetic item itself
                out.append(dc.replace(signal, evidence=remap_evidence(signal.evidence, ocr),
                                      detector=f"ocr:{signal.detector or detector.name}"))
        return out


def remap_evidence(evidence: Evidence | None, ocr: OcrText) -> Evidence | None:
    """Offsets into the synthetic OCR text → the box of the OCR line(s) in the image."""
    if isinstance(evidence, TextSpan | ContactEvidence) and evidence.field == "text":
        polygon = ocr.polygon_for(evidence.start, evidence.end)
        if polygon is not None:
            return ImageBox(image=ocr.image.index, polygon=polygon, label=f"ocr:{evidence.kind}", text=evidence.text)
    if isinstance(evidence, ElementsEvidence):
        field = f"images[{ocr.image.index}].ocr"
        polygons = [ocr.polygon_for(s.start, s.end) for s in evidence.spans if s.field == "text"]
        spans = tuple(dc.replace(s, field=field) if s.field == "text" else s for s in evidence.spans)
        detail = {**evidence.detail, "image": ocr.image.index,
                  "polygons": [[list(p) for p in poly] for poly in polygons if poly]}
        return ElementsEvidence(elements=evidence.elements, spans=spans, detail=detail)
    return evidence
