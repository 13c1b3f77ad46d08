"""Banks of known-bad images, searched by PDQ Hamming distance.

A bank is a named list of PDQ hashes (e.g. "counterfeit_confirmed", "mlm_posters") that reviewers
fill when they confirm a violation; a new upload within distance ≤ 31 (configurable) of any entry is
the same picture re-encoded, resized or lightly cropped. All banks share one Hamming index so a
lookup costs one search whatever the number of banks.

Loading seam for persistence (the DB table and `/v1/banks/...` routes live elsewhere):

* at start-up: `HashBankSet.from_rows(rows)` with rows `(bank, hash_hex, quality, ref)` or
  `(bank, hash_hex, quality, ref, note)`, straight from a query; pass `version=` to record the
  table's own version in verdicts;
* on `POST /v1/banks/{bank}/images`: `hash_images_for_bank(images, loader)` → one
  `BankImageHash` per input (hash + quality, or the reason it failed), store the good ones, then
  `banks.add(bank, hash_hex, ref, note, quality)` on the live set;
* on delete: `banks.remove(bank, ref=...)`; listing: `banks.list(bank)`, `banks.banks()`.

Mutations are guarded by a lock; `match` is safe to call from several threads.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np

from moderation.images.errors import ImageError
from moderation.images.hamming_index import FaissHammingIndex, HammingIndex
from moderation.images.pdq import MIN_QUALITY, hex_to_bytes, pdq_hash_array
from moderation.types import ImageRef

#: Distance ≤ 31 of 256 bits: the PDQ authors' recommended match threshold.
DEFAULT_MAX_DISTANCE = 31


class LowQualityHash(ValueError):
    """The image is too flat/noisy for PDQ to identify it; storing it would cause false matches."""


@dataclass(frozen=True)
class BankEntry:
    bank: str
    hash_hex: str
    quality: int | None
    ref: str
    note: str = ""


class BankMatch(NamedTuple):
    """One bank entry a query hash matched, with its distance (small, immutable, sortable)."""

    distance: int
    bank: str
    ref: str
    hash_hex: str
    note: str

    @classmethod
    def from_entry(cls, entry: BankEntry, distance: int) -> BankMatch:
        return cls(int(distance), entry.bank, entry.ref, entry.hash_hex, entry.note)


class HashBankSet:
    """Named banks of PDQ hashes behind one Hamming index (faiss by default)."""

    def __init__(
        self,
        max_distance: int = DEFAULT_MAX_DISTANCE,
        index_factory: Callable[[], HammingIndex] = FaissHammingIndex,
        min_quality: int = MIN_QUALITY,
        version: str | None = None,
    ):
        self.max_distance = max_distance
        self.min_quality = min_quality
        self._index_factory = index_factory
        self._index: HammingIndex = index_factory()
        self._entries: list[BankEntry | None] = []  # id in the index → entry (None = removed)
        self._keys: dict[tuple[str, str, str], int] = {}
        self._removed = 0
        self._generation = 0
        self._fixed_version = version
        self._lock = threading.RLock()

    # ---- loading seam ---------------------------------------------------------------------

    @classmethod
    def from_rows(cls, rows: Iterable[Sequence[Any]], **kwargs: Any) -> HashBankSet:
        """Bulk-load `(bank, hash_hex, quality, ref[, note])` rows (trusted: no quality filter)."""
        banks = cls(**kwargs)
        banks.extend(rows)
        return banks

    def extend(self, rows: Iterable[Sequence[Any]]) -> None:
        """Append trusted rows in one index add (the store tops a live set up this way)."""
        entries = []
        for row in rows:
            bank, hash_hex, quality, ref, *rest = row
            entries.append(BankEntry(str(bank), _normalise_hex(hash_hex), quality, str(ref), rest[0] if rest else ""))
        self._append(entries)

    # ---- admin -----------------------------------------------------------------------------

    def add(self, bank: str, hash_hex: str, ref: str, note: str = "", quality: int | None = None) -> BankEntry:
        """Add one hash; re-adding the same (bank, hash, ref) is a no-op returning the entry."""
        if not bank.strip():
            raise ValueError("bank name is empty")
        if quality is not None and quality < self.min_quality:
            raise LowQualityHash(f"PDQ quality {quality} < {self.min_quality}: image too flat to bank")
        entry = BankEntry(bank, _normalise_hex(hash_hex), quality, ref, note)
        with self._lock:
            existing = self._keys.get((bank, entry.hash_hex, ref))
            if existing is not None:
                return self._entries[existing]  # type: ignore[return-value]
            self._append([entry])
        return entry

    def remove(self, bank: str, ref: str | None = None, hash_hex: str | None = None) -> int:
        """Remove the entries of `bank` with this ref and/or hash (all of the bank if neither)."""
        wanted_hash = _normalise_hex(hash_hex) if hash_hex else None
        with self._lock:
            removed = 0
            for key, idx in list(self._keys.items()):
                b, h, r = key
                if b == bank and (ref is None or r == ref) and (wanted_hash is None or h == wanted_hash):
                    self._entries[idx] = None
                    del self._keys[key]
                    removed += 1
            if removed:
                self._removed += removed
                self._generation += 1
                if self._removed > max(1000, len(self._entries) // 4):
                    self._rebuild()
            return removed

    def list(self, bank: str) -> list[BankEntry]:
        with self._lock:
            return [e for e in self._entries if e is not None and e.bank == bank]

    def banks(self) -> dict[str, int]:
        """Bank name → number of hashes."""
        counts: dict[str, int] = {}
        with self._lock:
            for bank, _h, _r in self._keys:
                counts[bank] = counts.get(bank, 0) + 1
        return counts

    def __len__(self) -> int:
        return len(self._keys)

    def pin_version(self, version: str) -> None:
        """Record the store's own version (e.g. the bank table's max id and count) in verdicts."""
        self._fixed_version = version

    @property
    def version(self) -> str:
        """Recorded in verdicts; the store can pin its own (e.g. max(updated_at)) via `version=`."""
        return self._fixed_version or f"g{self._generation}-n{len(self)}"

    # ---- lookup ----------------------------------------------------------------------------

    def match(
        self, hash_hex: str, max_distance: int | None = None, banks: Iterable[str] | None = None
    ) -> list[BankMatch]:
        """Every entry within `max_distance` (default: the set's), nearest first."""
        radius = self.max_distance if max_distance is None else max_distance
        query = hex_to_bytes(hash_hex)
        allowed = set(banks) if banks is not None else None
        with self._lock:
            ids, distances = self._index.search(query, radius)
            out = []
            for idx, dist in zip(ids.tolist(), distances.tolist(), strict=True):
                entry = self._entries[idx]
                if entry is not None and (allowed is None or entry.bank in allowed):
                    out.append(BankMatch.from_entry(entry, dist))
        return sorted(out)

    # ---- internals -------------------------------------------------------------------------

    def _append(self, entries: list[BankEntry]) -> None:
        with self._lock:
            fresh = []
            for e in entries:
                key = (e.bank, e.hash_hex, e.ref)
                if key in self._keys:
                    continue
                self._keys[key] = len(self._entries)
                self._entries.append(e)
                fresh.append(e)
            if fresh:
                self._index.add(np.stack([hex_to_bytes(e.hash_hex) for e in fresh]))
                self._generation += 1

    def _rebuild(self) -> None:
        live = [e for e in self._entries if e is not None]
        self._index = self._index_factory()
        self._entries, self._keys, self._removed = [], {}, 0
        self._append(live)


def _normalise_hex(hash_hex: str) -> str:
    return hex_to_bytes(hash_hex).tobytes().hex()  # validates length and digits


@dataclass(frozen=True)
class BankImageHash:
    """The PDQ hash of one uploaded reference image, or why it could not be banked."""

    index: int
    hash_hex: str | None = None
    quality: int | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def hash_images_for_bank(
    images: Sequence[ImageRef | Mapping[str, Any]], loader: Any, min_quality: int = MIN_QUALITY
) -> list[BankImageHash]:
    """Hash images uploaded to a bank, through the same safe fetch/decode as scanned images.

    `loader` is a `moderation.images.loader.ImageLoader`. Never raises for a bad image: each
    result says what went wrong, so the route can answer 4xx with per-image reasons.
    """
    from moderation.images.decode import decode_image

    results = []
    for i, raw_ref in enumerate(images):
        try:
            ref = raw_ref if isinstance(raw_ref, ImageRef) else ImageRef(**dict(raw_ref))
            decoded = decode_image(loader.read_bytes(ref), loader.max_pixels)
            hash_hex, quality = pdq_hash_array(decoded.rgb)
        except ImageError as exc:
            results.append(BankImageHash(i, error=f"{exc.code}: {exc.reason}"))
            continue
        except ValueError as exc:
            results.append(BankImageHash(i, error=f"invalid image reference: {exc}"[:300]))
            continue
        if quality < min_quality:
            results.append(BankImageHash(i, hash_hex, quality, error=f"PDQ quality {quality} < {min_quality}"))
        else:
            results.append(BankImageHash(i, hash_hex, quality))
    return results
