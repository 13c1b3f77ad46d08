"""Speed of the image path, with its peers measured side by side in the same run.

Run: .venv/bin/python bench/bench_images.py
Prints: per-800×800-image p50/p95 without OCR (decode + PDQ + bank lookup at 1M + QR + logo match
against 100 brands) on one thread; bank lookup at 1M hashes faiss vs brute-force numpy; rapidocr vs
tesseract (pytesseract, chi_sim) on the same rendered images, accuracy and time.
"""

from __future__ import annotations

import platform
import statistics
import sys
import time
from pathlib import Path

import cv2
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_images import brand_names, char_accuracy, gray, ocr_cases

from moderation.images.decode import decode_image
from moderation.images.detectors_factory import single_threaded_native_libraries
from moderation.images.hamming_index import FaissHammingIndex, NumpyHammingIndex
from moderation.images.hash_bank import HashBankSet
from moderation.images.logo_index import LogoIndex
from moderation.images.ocr import OcrEngine
from moderation.images.pdq import pdq_hash_array
from moderation.images.qr import read_qr_codes
from moderation.images.synthetic import encode, paste_logo, product_photo, synthetic_logo


def pct(values: list[float], q: float) -> float:
    return sorted(values)[min(len(values) - 1, int(q * len(values)))] * 1000


def main() -> None:
    single_threaded_native_libraries()
    print(f"machine: {platform.processor() or platform.machine()}, python {platform.python_version()}, "
          f"cv2 threads {cv2.getNumThreads()}")
    rng = np.random.default_rng(0)
    codes = rng.integers(0, 256, (1_000_000, 32), dtype=np.uint8)
    banks = HashBankSet.from_rows(("bank", c.tobytes().hex(), 90, str(i)) for i, c in enumerate(codes[:1_000_000]))
    numpy_index = NumpyHammingIndex()
    numpy_index.add(codes)
    faiss_index = FaissHammingIndex()
    faiss_index.add(codes)
    queries = [codes[i] for i in rng.integers(0, len(codes), 30)]
    t_f, t_n = [], []
    for q in queries:
        t0 = time.perf_counter()
        faiss_index.search(q, 31)
        t_f.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        numpy_index.search(q, 31)
        t_n.append(time.perf_counter() - t0)
    t_b = []
    for q in queries:
        t0 = time.perf_counter()
        banks.match(q.tobytes().hex())
        t_b.append(time.perf_counter() - t0)
    print(f"bank lookup @1M: faiss p50 {pct(t_f, .5):.2f} ms p95 {pct(t_f, .95):.2f} | HashBankSet.match p50 "
          f"{pct(t_b, .5):.2f} ms | numpy brute force p50 {pct(t_n, .5):.2f} ms")

    names = brand_names(100)
    t0 = time.perf_counter()
    index = LogoIndex([(f"B{i}", encode(synthetic_logo(1000 + i, names[i]), "PNG")) for i in range(100)])
    print(f"logo index build, 100 brands: {time.perf_counter() - t0:.2f} s")
    images = []
    for k in range(60):
        r = np.random.default_rng(k)
        img = product_photo(70_000 + k)
        if k % 2 == 0:
            img, _ = paste_logo(img, synthetic_logo(1000 + k, names[k]), r)
        images.append(encode(img, "JPEG", 85))
    stages: dict[str, list[float]] = {s: [] for s in ("decode", "pdq", "bank", "qr", "logo", "total")}
    for data in images:
        t = [time.perf_counter()]
        decoded = decode_image(data, 40_000_000)
        t.append(time.perf_counter())
        h, _q = pdq_hash_array(decoded.rgb)
        t.append(time.perf_counter())
        banks.match(h)
        t.append(time.perf_counter())
        g = gray(decoded.rgb)
        read_qr_codes(g)
        t.append(time.perf_counter())
        index.detect(g)
        t.append(time.perf_counter())
        for name, a, b in zip(stages, t, t[1:], strict=False):
            stages[name].append(b - a)
        stages["total"].append(t[-1] - t[0])
    print("per 800x800 image, no OCR, 1 thread: " + ", ".join(
        f"{k} p50 {pct(v, .5):.1f} ms" for k, v in stages.items()) + f"; total p95 {pct(stages['total'], .95):.1f} ms")

    cases = ocr_cases(10)
    engine = OcrEngine()
    engine.read(cases[0][0])  # load models outside the timing
    import pytesseract

    for label, run in (
        ("rapidocr", lambda img: "".join(line.text for line in engine.read(img))),
        ("tesseract chi_sim", lambda img: pytesseract.image_to_string(img, lang="chi_sim")),
        ("tesseract chi_sim +otsu", lambda img: pytesseract.image_to_string(
            cv2.threshold(gray(img), 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)[1], lang="chi_sim")),
    ):
        accs, times = [], []
        for img, truth in cases:
            t0 = time.perf_counter()
            got = run(img)
            times.append(time.perf_counter() - t0)
            accs.append(char_accuracy(truth, "".join(got.split())))
        print(f"OCR {label}: char accuracy {statistics.mean(accs):.3f}, p50 {pct(times, .5):.0f} ms per image")


if __name__ == "__main__":
    main()
