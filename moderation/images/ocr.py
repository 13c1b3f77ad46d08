"""Text in images: a cheap "is there text?" gate, and RapidOCR for the lines and their boxes.

Why RapidOCR (PP-OCR via onnxruntime)? Its detection + recognition models ship inside the wheel —
nothing is downloaded at run time (the worker has no internet) — and it reads rendered Chinese at
0.97-1.00 character accuracy where tesseract chi_sim needs binarisation and is slower per line
(bench/RESULTS_images.md). Its default upscales the short side to 736 px, which makes a 800×800
photo 10-20× slower; we cap the long side instead (`limit_type=max`).

OCR is the expensive step (~0.3-0.5 s an image vs ~50 ms for everything else), so `has_text_regions`
decides first, in ~2 ms, whether an image shows anything text-like: edge-dense horizontal strokes
(morphological gradient → Otsu → horizontal closing → text-shaped boxes). It is tuned to be
permissive — a missed caption is worse than a wasted OCR call — and its hit rate on text vs
text-free photos is measured in `bench/eval_images.py`.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np

OCR_MAX_SIDE = 960
GATE_SIDE = 480
MIN_LINE_SCORE = 0.5


@dataclass(frozen=True)
class OcrLine:
    text: str
    polygon: np.ndarray  # 4×2 in the coordinates of the array read
    score: float


def has_text_regions(gray: np.ndarray, min_boxes: int = 2) -> bool:
    """Cheap pre-check: are there at least `min_boxes` text-line-shaped, edge-dense regions?"""
    scale = min(1.0, GATE_SIDE / max(gray.shape))
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else gray
    gradient = cv2.morphologyEx(small, cv2.MORPH_GRADIENT, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (3, 3)))
    _, binary = cv2.threshold(gradient, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    closed = cv2.morphologyEx(binary, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (9, 1)))
    contours, _ = cv2.findContours(closed, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    boxes = 0
    for contour in contours:
        x, y, w, h = cv2.boundingRect(contour)
        if not (6 <= h <= 60 and w >= 2.0 * h):
            continue
        fill = cv2.countNonZero(binary[y:y + h, x:x + w]) / float(w * h)
        if 0.25 <= fill <= 0.9:
            boxes += 1
            if boxes >= min_boxes:
                return True
    return False


class OcrEngine:
    """A lazily built RapidOCR, one per process (model load ~0.3 s; calls are serialised)."""

    def __init__(self, max_side: int = OCR_MAX_SIDE, threads: int = 1):
        self.max_side = max_side
        self.threads = threads
        self._engine: Any = None
        self._lock = threading.Lock()

    def _get(self) -> Any:
        if self._engine is None:
            from rapidocr import RapidOCR  # optional dependency (extra "ocr"); imported on first use

            self._engine = RapidOCR(params={
                "Global.log_level": "warning",
                "Det.limit_type": "max",
                "Det.limit_side_len": self.max_side,
                "EngineConfig.onnxruntime.intra_op_num_threads": self.threads,
                "EngineConfig.onnxruntime.inter_op_num_threads": 1,
            })
        return self._engine

    def read(self, rgb: np.ndarray) -> list[OcrLine]:
        """Text lines, top to bottom then left to right, with their quadrilaterals."""
        with self._lock:
            result = self._get()(np.ascontiguousarray(rgb[..., ::-1]))  # RapidOCR expects BGR
        if result.boxes is None or result.txts is None:
            return []
        lines = [
            OcrLine(str(text), np.asarray(box, dtype=np.float32).reshape(4, 2), float(score))
            for box, text, score in zip(result.boxes, result.txts, result.scores, strict=True)
            if text and float(score) >= MIN_LINE_SCORE
        ]
        return sorted(lines, key=lambda ln: (round(float(ln.polygon[:, 1].min()) / 10), float(ln.polygon[:, 0].min())))
