"""The one entry point the engine calls to get every image detector, wired to shared resources.

Built once per worker process: the logo index (ORB descriptors of every registered logo) and the
OCR models are the slow parts, and the `ImageLoader` is shared so all detectors read each image's
decoded pixels from the same `ScanContext` memo.

Threads: faiss and OpenCV default to one thread per core, and on a 2-core worker their thread
pools fight each other (measured: logo matching 20 ms single-threaded vs ~1 s with both pools at
2 threads). Workers scale by processes, so this sets both libraries to one thread.
"""

from __future__ import annotations

from collections.abc import Sequence

import cv2
import faiss

from moderation.brands import BrandRegistry
from moderation.detectors.base import Detector
from moderation.detectors.image_hash import ImageHashDetector
from moderation.detectors.logo import LogoDetector
from moderation.detectors.ocr import OcrDetector
from moderation.detectors.qr import QrDetector
from moderation.images.hash_bank import HashBankSet
from moderation.images.loader import ImageLoader
from moderation.images.logo_index import LogoIndex
from moderation.images.ocr import OcrEngine
from moderation.settings import Settings


def single_threaded_native_libraries() -> None:
    faiss.omp_set_num_threads(1)
    cv2.setNumThreads(1)


def image_detectors(
    brands: BrandRegistry,
    banks: HashBankSet,
    settings: Settings,
    text_detectors: Sequence[Detector] | None = None,
    *,
    ocr: bool = True,
) -> list[Detector]:
    """[hash banks, logo + counterfeit elements, QR diversion, OCR → text detectors].

    `text_detectors` are run over each image's OCR text (pass the engine's text detectors);
    `ocr=False` drops the OCR detector (e.g. a latency-critical synchronous `/v1/score`).
    A failed image yields exactly one IMAGE_REFUSED / IMAGE_UNREADABLE signal whichever
    detectors are present (see `moderation.images.loader`).
    """
    single_threaded_native_libraries()
    loader = ImageLoader.from_settings(settings)
    detectors: list[Detector] = [
        ImageHashDetector(loader, banks),
        LogoDetector(loader, brands, LogoIndex.from_registry(brands)),
        QrDetector(loader),
    ]
    if ocr:
        detectors.append(OcrDetector(loader, OcrEngine(), text_detectors=text_detectors))
    return detectors
