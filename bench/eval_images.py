"""Quality of the image detectors on generated cases (no copyrighted material, exact ground truth).

Run: .venv/bin/python bench/eval_images.py [--quick]
Prints: logo recall / false-match rate (100 registered brands, 200+ positives, 200+ negatives),
PDQ match rate per variant kind, QR decode rate, OCR character accuracy and the OCR gate's hit rates.
"""

from __future__ import annotations

import argparse
import io
import string
import sys
from pathlib import Path

import numpy as np
import segno
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from moderation.images.detectors_factory import single_threaded_native_libraries
from moderation.images.logo_index import LogoIndex
from moderation.images.ocr import OcrEngine, has_text_regions
from moderation.images.pdq import hamming, pdq_hash_array
from moderation.images.qr import read_qr_codes
from moderation.images.synthetic import (
    crop_fraction,
    encode,
    jpeg_roundtrip,
    paste_logo,
    product_photo,
    resize,
    synthetic_logo,
    text_image,
)

OCR_LINES = ["全网最低价正品保证", "加微信领取优惠券", "效果最佳立即见效", "限时特价只要九块九", "原单尾货支持验货",
             "扫码进群免费领取", "三天美白不反弹", "厂家直销一件代发", "专柜同款品质保证", "私信客服享受折扣"]


def gray(rgb: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(rgb.mean(axis=2).astype(np.uint8))


def brand_names(n: int) -> list[str]:
    rng = np.random.default_rng(0)
    return ["".join(rng.choice(list(string.ascii_uppercase), 3)) for _ in range(n)]


def eval_logos(n_pos: int, n_neg: int) -> dict[str, float]:
    names = brand_names(100)
    index = LogoIndex([(f"B{i}", encode(synthetic_logo(1000 + i, names[i]), "PNG")) for i in range(100)])
    found = wrong = 0
    for k in range(n_pos):
        rng = np.random.default_rng(k)
        b = int(rng.integers(0, 100))
        img, _ = paste_logo(product_photo(5000 + k), synthetic_logo(1000 + b, names[b]), rng,
                            scale=(0.15, 0.45), max_rotation=180 if k % 4 == 0 else 40, perspective=0.15)
        if k % 3 == 1:
            img = crop_fraction(img, 0.1, rng)
        if k % 5 == 2:
            img = resize(img, 0.6)
        hits = index.detect(gray(jpeg_roundtrip(img, int(rng.integers(50, 92)))))
        found += any(h.brand == f"B{b}" for h in hits)
        wrong += any(h.brand != f"B{b}" for h in hits)
    false_neg_images = 0
    for k in range(n_neg):
        rng = np.random.default_rng(10_000 + k)
        img = product_photo(9000 + k)
        if k % 2 == 0:  # hard negative: an unregistered logo built the same way
            letters = "".join(rng.choice(list(string.ascii_uppercase), 3))
            img, _ = paste_logo(img, synthetic_logo(50_000 + k, letters), rng)
        false_neg_images += bool(index.detect(gray(jpeg_roundtrip(img, 80))))
    return {"positives": n_pos, "negatives": n_neg, "recall": found / n_pos,
            "wrong_brand_on_positives": wrong / n_pos, "false_match_on_negatives": false_neg_images / n_neg,
            "false_match_overall": (wrong + false_neg_images) / (n_pos + n_neg)}


def eval_pdq(n: int) -> dict[str, float]:
    kinds = {
        "jpeg_q50": lambda im, r: jpeg_roundtrip(im, 50),
        "jpeg_q80": lambda im, r: jpeg_roundtrip(im, 80),
        "resize_0.5": lambda im, r: resize(im, 0.5),
        "resize_0.25": lambda im, r: resize(im, 0.25),
        "crop_5pct": lambda im, r: crop_fraction(im, 0.05, r),
        "crop_10pct": lambda im, r: crop_fraction(im, 0.10, r),
        "crop_20pct": lambda im, r: crop_fraction(im, 0.20, r),
    }
    rates: dict[str, float] = {}
    hashes = []
    for kind, fn in kinds.items():
        ok = 0
        for k in range(n):
            photo = product_photo(20_000 + k)
            h0 = pdq_hash_array(photo)[0]
            if kind == "jpeg_q50":
                hashes.append(h0)
            ok += hamming(h0, pdq_hash_array(fn(photo, np.random.default_rng(k)))[0]) <= 31
        rates[kind] = ok / n
    unrelated = [hamming(hashes[i], hashes[j]) for i in range(len(hashes)) for j in range(i + 1, len(hashes))]
    rates["unrelated_pairs_within_31"] = float(np.mean(np.array(unrelated) <= 31))
    rates["unrelated_median_distance"] = float(np.median(unrelated))
    return rates


def eval_qr(n: int) -> dict[str, float]:
    ok = 0
    for k in range(n):
        rng = np.random.default_rng(k)
        payload = f"https://u.wechat.com/{''.join(rng.choice(list(string.ascii_letters), 12))}"
        buf = io.BytesIO()
        segno.make(payload, error="m").save(buf, kind="png", scale=int(rng.integers(3, 8)), border=4)
        code = Image.open(io.BytesIO(buf.getvalue())).convert("RGB").rotate(float(rng.uniform(-45, 45)), expand=True,
                                                                            fillcolor="white")
        photo = Image.fromarray(product_photo(30_000 + k))
        photo.paste(code, (int(rng.integers(0, 800 - code.width)), int(rng.integers(0, 800 - code.height))))
        img = jpeg_roundtrip(np.asarray(photo), int(rng.integers(50, 90)))
        ok += any(c.text == payload for c in read_qr_codes(gray(img)))
    return {"codes": n, "decode_rate": ok / n}


def char_accuracy(truth: str, got: str) -> float:
    prev = list(range(len(got) + 1))
    for i, a in enumerate(truth, 1):
        cur = [i]
        for j, b in enumerate(got, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a != b)))
        prev = cur
    return max(0.0, 1 - prev[-1] / max(1, len(truth)))


def ocr_cases(n: int) -> list[tuple[np.ndarray, str]]:
    cases = []
    for k in range(n):
        rng = np.random.default_rng(k)
        lines = [OCR_LINES[int(i)] for i in rng.choice(len(OCR_LINES), 2, replace=False)]
        bg = product_photo(40_000 + k) if k % 2 else None
        img = text_image(lines, font_size=int(rng.integers(30, 48)), seed=k, background=bg)
        cases.append((jpeg_roundtrip(img, 85), "".join(lines)))
    return cases


def eval_ocr(n: int) -> dict[str, float]:
    engine = OcrEngine()
    accs = {"plain": [], "on_photo": []}
    for k, (img, truth) in enumerate(ocr_cases(n)):
        got = "".join(line.text for line in engine.read(img)).replace(" ", "")
        accs["on_photo" if k % 2 else "plain"].append(char_accuracy(truth, got))
    gate_text = [has_text_regions(gray(img)) for img, _ in ocr_cases(n)]
    gate_photo = [has_text_regions(gray(product_photo(60_000 + k))) for k in range(n)]
    return {
        "char_accuracy_plain": float(np.mean(accs["plain"])),
        "char_accuracy_on_photo": float(np.mean(accs["on_photo"])),
        "gate_pass_text_plain": float(np.mean(gate_text[0::2])),
        "gate_pass_text_on_photo": float(np.mean(gate_text[1::2])),
        "gate_pass_plain_photo": float(np.mean(gate_photo)),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    single_threaded_native_libraries()
    q = args.quick
    for name, fn in (("logo", lambda: eval_logos(60 if q else 240, 60 if q else 240)),
                     ("pdq", lambda: eval_pdq(20 if q else 60)),
                     ("qr", lambda: eval_qr(30 if q else 100)),
                     ("ocr", lambda: eval_ocr(6 if q else 20))):
        result = fn()
        print(name, {k: round(v, 4) if isinstance(v, float) else v for k, v in result.items()}, flush=True)


if __name__ == "__main__":
    main()
