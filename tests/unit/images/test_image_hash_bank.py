"""PDQ hashing and the hash banks: faiss agrees with the brute-force oracle; admin operations."""

from __future__ import annotations

import numpy as np
import pytest
from image_fixtures import inline

from moderation.detectors.base import ScanContext
from moderation.detectors.image_hash import ImageHashDetector
from moderation.images.hamming_index import FaissHammingIndex, NumpyHammingIndex
from moderation.images.hash_bank import HashBankSet, LowQualityHash, hash_images_for_bank
from moderation.images.loader import ImageLoader
from moderation.images.pdq import hamming, pdq_hash_array, pdq_hash_image
from moderation.images.synthetic import crop_fraction, encode, jpeg_roundtrip, product_photo, resize
from moderation.types import Recommendation


def _random_codes(n: int, seed: int) -> np.ndarray:
    return np.random.default_rng(seed).integers(0, 256, (n, 32), dtype=np.uint8)


def _flip(code: np.ndarray, bits: int, rng: np.random.Generator) -> np.ndarray:
    unpacked = np.unpackbits(code)
    unpacked[rng.choice(256, bits, replace=False)] ^= 1
    return np.packbits(unpacked)


def test_faiss_matches_bruteforce_oracle_including_radius_edge() -> None:
    rng = np.random.default_rng(1)
    codes = _random_codes(5000, 2)
    fast, slow = FaissHammingIndex(), NumpyHammingIndex()
    fast.add(codes)
    slow.add(codes)
    for k, bits in enumerate([0, 5, 30, 31, 32, 40]):
        query = _flip(codes[k * 7], bits, rng)
        f_ids, f_d = fast.search(query, 31)
        s_ids, s_d = slow.search(query, 31)
        assert sorted(zip(f_ids.tolist(), f_d.tolist(), strict=True)) == sorted(
            zip(s_ids.tolist(), s_d.tolist(), strict=True))
        assert (k * 7 in f_ids.tolist()) == (bits <= 31)  # "≤ 31" inclusive, not faiss's strict radius


def test_pdq_survives_reencode_resize_crop_but_not_other_photos() -> None:
    photo = product_photo(3)
    h0, q0 = pdq_hash_array(photo)
    assert q0 >= 50
    rng = np.random.default_rng(0)
    for variant in (jpeg_roundtrip(photo, 60), resize(photo, 0.5), crop_fraction(photo, 0.06, rng)):
        assert hamming(h0, pdq_hash_array(variant)[0]) <= 31
    assert hamming(h0, pdq_hash_array(product_photo(4))[0]) > 60
    assert pdq_hash_image(encode(photo, "PNG")) == (h0, q0)


def test_bank_admin_add_list_remove_match() -> None:
    banks = HashBankSet()
    h = pdq_hash_array(product_photo(5))[0]
    banks.add("counterfeit", h, ref="case-1", note="fake bag", quality=90)
    assert banks.add("counterfeit", h, ref="case-1") == banks.list("counterfeit")[0]  # idempotent
    banks.add("mlm_posters", h, ref="case-2")
    assert banks.banks() == {"counterfeit": 1, "mlm_posters": 1}
    matches = banks.match(pdq_hash_array(jpeg_roundtrip(product_photo(5), 70))[0])
    assert {m.bank for m in matches} == {"counterfeit", "mlm_posters"}
    assert matches[0].distance <= 31
    assert banks.match(h, banks=["mlm_posters"])[0].ref == "case-2"
    v = banks.version
    assert banks.remove("counterfeit", ref="case-1") == 1
    assert banks.version != v
    assert [m.bank for m in banks.match(h)] == ["mlm_posters"]
    with pytest.raises(LowQualityHash):
        banks.add("counterfeit", h, ref="flat", quality=10)
    with pytest.raises(ValueError):
        banks.add("counterfeit", "abc", ref="bad")


def test_from_rows_and_rebuild_after_many_removals() -> None:
    codes = _random_codes(3000, 9)
    banks = HashBankSet.from_rows((("b", c.tobytes().hex(), 80, f"r{i}") for i, c in enumerate(codes)), version="db-7")
    assert len(banks) == 3000 and banks.version == "db-7"
    for i in range(0, 2000):
        banks.remove("b", ref=f"r{i}")
    assert len(banks) == 1000
    assert [m.ref for m in banks.match(codes[2500].tobytes().hex(), max_distance=0)] == ["r2500"]
    assert banks.match(codes[5].tobytes().hex(), max_distance=0) == []


def test_hash_images_for_bank_reports_per_image(loader: ImageLoader) -> None:
    good = inline(product_photo(6))
    flat = inline(np.full((64, 64, 3), 128, np.uint8), "PNG")
    results = hash_images_for_bank([good, flat, {"data": "%%%"}], loader)
    assert results[0].ok and results[0].quality >= 50
    assert not results[1].ok and "quality" in results[1].error
    assert not results[2].ok and "not valid base64" in results[2].error


def test_detector_signals_match_with_hash_evidence(loader: ImageLoader) -> None:
    photo = product_photo(8)
    banks = HashBankSet()
    banks.add("counterfeit_confirmed", pdq_hash_array(photo)[0], ref="case-42")
    rec = Recommendation(id="r", text="t", images=[inline(product_photo(9)), inline(resize(photo, 0.7))])
    signals = ImageHashDetector(loader, banks).detect(rec, ScanContext(rec))
    assert [(s.family, s.code) for s in signals] == [("counterfeit", "IMAGE_HASH_MATCH")]
    ev = signals[0].evidence.to_dict()
    assert ev["kind"] == "hash_match" and ev["image"] == 1 and ev["bank"] == "counterfeit_confirmed"
    assert ev["ref"] == "case-42" and ev["distance"] <= 31
    assert signals[0].score >= 0.7
