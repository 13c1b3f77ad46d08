"""Radius search over packed 256-bit hashes: a faiss index and the brute-force numpy oracle.

Both answer the same question — which stored hashes are within Hamming distance `radius` of a
query — and the test suite checks they agree on random data, like threatexchange keeps a linear
index beside its fast ones. faiss `IndexBinaryFlat` is exact and SIMD-popcounts ~1 M hashes in a
few ms; numpy with `bitwise_count` is the readable reference (and ~10x slower at 1 M).

Gotcha (DEPENDENCIES.md): faiss `range_search` treats its radius as *strict*, so "≤ 31" is
`range_search(q, 32)`. That conversion lives here and nowhere else.
"""

from __future__ import annotations

from typing import Protocol

import faiss
import numpy as np

from moderation.images.pdq import HASH_BITS, HASH_BYTES


class HammingIndex(Protocol):
    def add(self, codes: np.ndarray) -> None:
        """Append packed codes (n × 32 uint8); their ids are the next n integers."""

    def search(self, query: np.ndarray, max_distance: int) -> tuple[np.ndarray, np.ndarray]:
        """(ids, distances) of every stored code at distance ≤ max_distance from `query`."""

    def __len__(self) -> int: ...


class FaissHammingIndex:
    """Exact binary index; fast enough at 1 M hashes that no approximate structure is needed."""

    def __init__(self) -> None:
        self._index = faiss.IndexBinaryFlat(HASH_BITS)

    def add(self, codes: np.ndarray) -> None:
        if len(codes):
            self._index.add(np.ascontiguousarray(codes, dtype=np.uint8).reshape(-1, HASH_BYTES))

    def search(self, query: np.ndarray, max_distance: int) -> tuple[np.ndarray, np.ndarray]:
        if self._index.ntotal == 0:
            return np.empty(0, np.int64), np.empty(0, np.int32)
        q = np.ascontiguousarray(query, dtype=np.uint8).reshape(1, HASH_BYTES)
        _lims, distances, ids = self._index.range_search(q, max_distance + 1)  # strict radius
        return ids.astype(np.int64), distances.astype(np.int32)

    def __len__(self) -> int:
        return int(self._index.ntotal)


class NumpyHammingIndex:
    """Linear scan: XOR against every stored code, popcount, threshold. The test oracle."""

    def __init__(self) -> None:
        self._codes = np.empty((0, HASH_BYTES // 8), dtype=np.uint64)

    def add(self, codes: np.ndarray) -> None:
        packed = np.ascontiguousarray(codes, dtype=np.uint8).reshape(-1, HASH_BYTES).view(np.uint64)
        self._codes = np.concatenate([self._codes, packed])

    def search(self, query: np.ndarray, max_distance: int) -> tuple[np.ndarray, np.ndarray]:
        q = np.ascontiguousarray(query, dtype=np.uint8).reshape(HASH_BYTES).view(np.uint64)
        distances = np.bitwise_count(self._codes ^ q).sum(axis=1, dtype=np.int32)
        ids = np.nonzero(distances <= max_distance)[0]
        return ids.astype(np.int64), distances[ids]

    def __len__(self) -> int:
        return len(self._codes)
