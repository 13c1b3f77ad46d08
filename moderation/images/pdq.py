"""PDQ perceptual hashes: 256 bits that survive re-encoding, resizing and light crops.

Why PDQ and not a cryptographic hash? A counterfeit seller re-uploads the same product photo
re-compressed, resized or watermarked; SHA-256 changes completely, PDQ moves ~10 bits (measured in
DEPENDENCIES.md: JPEG copy ≈ 10 bits apart, unrelated images ≈ 130). The hex form is 64 lowercase
hex digits, most significant bit first — the same text form ThreatExchange exchanges.

`quality` (0-100) says how much structure the image had: below ~50 the hash is dominated by noise
or flat colour and matches unrelated flat images, so such hashes are neither matched nor stored.
"""

from __future__ import annotations

import numpy as np
import pdqhash

from moderation.images.decode import decode_image

HASH_BITS = 256
HASH_BYTES = HASH_BITS // 8
#: Below this PDQ quality a hash is too unstructured to match on (the PDQ paper's guidance).
MIN_QUALITY = 50


def pdq_hash_array(rgb: np.ndarray) -> tuple[str, int]:
    """(hash_hex, quality) of an H×W×3 uint8 RGB array."""
    bits, quality = pdqhash.compute(np.ascontiguousarray(rgb))
    return bits_to_hex(bits), int(quality)


def pdq_hash_image(data: bytes, max_pixels: int = 40_000_000) -> tuple[str, int]:
    """(hash_hex, quality) of encoded image bytes; raises ImageRefused / ImageUnreadable.

    The seam the bank admin routes use to hash uploaded reference images, through the same
    defensive decoder as scanned images (a reference upload is untrusted input too).
    """
    return pdq_hash_array(decode_image(data, max_pixels).rgb)


def bits_to_hex(bits: np.ndarray) -> str:
    return np.packbits(np.asarray(bits, dtype=np.uint8)).tobytes().hex()


def hex_to_bytes(hash_hex: str) -> np.ndarray:
    """64 hex digits → 32 uint8 (the packed form the Hamming indexes store); ValueError if malformed."""
    text = hash_hex.strip().lower()
    if len(text) != HASH_BYTES * 2:
        raise ValueError(f"a PDQ hash is {HASH_BYTES * 2} hex digits, got {len(text)}")
    return np.frombuffer(bytes.fromhex(text), dtype=np.uint8).copy()


def hamming(a_hex: str, b_hex: str) -> int:
    return int(np.unpackbits(hex_to_bytes(a_hex) ^ hex_to_bytes(b_hex)).sum())
