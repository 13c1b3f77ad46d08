"""Find registered brand logos in a photo: ORB features, one shared descriptor index, RANSAC.

Why one index over every brand instead of matching brand by brand? Matching an image against 100
logos one pair at a time costs ~25 ms × 100 (DEPENDENCIES.md). Here the reference descriptors of
all logos are precomputed once per process into a single faiss binary index; each scanned image is
ORB-detected once and its descriptors searched once (2 nearest neighbours, Lowe's ratio test), then
the surviving matches are grouped by the logo they point to and only logos with enough votes get a
RANSAC homography. The homography maps the reference logo's corners into the photo: that is the
evidence polygon, and the inlier count is the confidence.

A homography with many inliers can still be nonsense (all matches on one letter, a polygon folded
over itself); `_plausible` rejects non-convex, tiny or extremely skewed quadrilaterals — measured in
`bench/eval_images.py` to be the main guard against false matches.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

import cv2
import faiss
import numpy as np

from moderation.brands import BrandRegistry
from moderation.images.decode import decode_image

#: Reference logos are normalised to this long side before feature extraction.
REFERENCE_SIDE = 320
REFERENCE_FEATURES = 500
QUERY_FEATURES = 1500
#: Above this many reference descriptors (~40 logos) an exact scan costs more than the rest of the
#: image pipeline (50 ms at 100 logos, one core); an inverted file probing 8 of ~n/400 cells costs
#: ~6 ms and loses only matches RANSAC could do without (see bench/eval_images.py for the recall).
EXACT_SEARCH_MAX = 20_000
IVF_NPROBE = 8
#: Query images are analysed at most this large: logos smaller than ~1/8 of the side are not
#: reliably detectable anyway, and ORB time grows with the pixel count.
QUERY_MAX_SIDE = 960
RATIO = 0.8
MIN_GOOD_MATCHES = 10
MIN_INLIERS = 14


@dataclass(frozen=True)
class LogoHit:
    """A logo found in an image: `polygon` is 4×2 in the coordinates of the array searched."""

    brand: str
    logo: int  # index of the logo among the brand's reference logos
    polygon: np.ndarray
    inliers: int
    matches: int


@dataclass(frozen=True)
class _Reference:
    brand: str
    logo: int
    width: int
    height: int


def _orb(n_features: int) -> cv2.ORB:
    return cv2.ORB_create(nfeatures=n_features, scaleFactor=1.2, nlevels=8, fastThreshold=12)


class LogoIndex:
    """Reference descriptors of every registered logo, built once per process (brand registry)."""

    def __init__(self, logos: Iterable[tuple[str, bytes]], min_inliers: int = MIN_INLIERS, ratio: float = RATIO):
        self.min_inliers = min_inliers
        self.ratio = ratio
        self._refs: list[_Reference] = []
        all_descriptors: list[np.ndarray] = []
        labels: list[np.ndarray] = []
        points: list[np.ndarray] = []
        digest = hashlib.sha256()
        per_brand: dict[str, int] = {}
        orb = _orb(REFERENCE_FEATURES)
        for brand, data in logos:
            digest.update(brand.encode() + b"\0" + hashlib.sha256(data).digest())
            gray = self._reference_gray(data)
            keypoints, descriptors = orb.detectAndCompute(gray, None)
            if descriptors is None or len(keypoints) < MIN_GOOD_MATCHES:
                continue  # a logo without texture cannot be matched by features; skipped, not fatal
            ref_id = len(self._refs)
            self._refs.append(_Reference(brand, per_brand.get(brand, 0), gray.shape[1], gray.shape[0]))
            per_brand[brand] = per_brand.get(brand, 0) + 1
            all_descriptors.append(descriptors)
            labels.append(np.full(len(keypoints), ref_id, np.int32))
            points.append(np.array([kp.pt for kp in keypoints], np.float32))
        self._labels = np.concatenate(labels) if labels else np.empty(0, np.int32)
        self._points = np.concatenate(points) if points else np.empty((0, 2), np.float32)
        self._index = _build_index(np.concatenate(all_descriptors) if all_descriptors else None)
        self.version = digest.hexdigest()[:12]
        self._query_orb = _orb(QUERY_FEATURES)

    @classmethod
    def from_registry(cls, registry: BrandRegistry, **kwargs: float) -> LogoIndex:
        return cls(((b.brand, logo) for b in registry for logo in b.logos), **kwargs)  # type: ignore[arg-type]

    def __len__(self) -> int:
        return len(self._refs)

    @property
    def brands(self) -> list[str]:
        return sorted({r.brand for r in self._refs})

    @staticmethod
    def _reference_gray(data: bytes) -> np.ndarray:
        rgb = decode_image(data, max_pixels=16_000_000, work_max_side=2048).rgb
        gray = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
        scale = REFERENCE_SIDE / max(gray.shape)
        interpolation = cv2.INTER_AREA if scale < 1 else cv2.INTER_CUBIC
        return cv2.resize(gray, None, fx=scale, fy=scale, interpolation=interpolation)

    def detect(self, gray: np.ndarray) -> list[LogoHit]:
        """Every registered logo found in `gray` (one per reference logo at most), best first."""
        if not self._refs:
            return []
        scale = min(1.0, QUERY_MAX_SIDE / max(gray.shape))
        small = gray if scale == 1.0 else cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
        keypoints, descriptors = self._query_orb.detectAndCompute(small, None)
        if descriptors is None or len(keypoints) < MIN_GOOD_MATCHES:
            return []
        distances, ids = self._index.search(np.ascontiguousarray(descriptors), 2)
        good = (ids[:, 0] >= 0) & (distances[:, 0] < self.ratio * np.maximum(distances[:, 1], 1))
        query_pts = np.array([kp.pt for kp in keypoints], np.float32)[good] / scale
        ref_ids = ids[good, 0]
        ref_labels = self._labels[ref_ids]
        hits = []
        for ref_id in np.unique(ref_labels):
            sel = ref_labels == ref_id
            if int(sel.sum()) < MIN_GOOD_MATCHES:
                continue
            hit = self._verify(int(ref_id), self._points[ref_ids[sel]], query_pts[sel])
            if hit is not None:
                hits.append(hit)
        return sorted(hits, key=lambda h: -h.inliers)

    def _verify(self, ref_id: int, ref_pts: np.ndarray, query_pts: np.ndarray) -> LogoHit | None:
        matrix, mask = cv2.findHomography(ref_pts, query_pts, cv2.RANSAC, 6.0, maxIters=500, confidence=0.995)
        if matrix is None:
            return None
        inliers = int(mask.sum())
        if inliers < self.min_inliers:
            return None
        ref = self._refs[ref_id]
        corners = np.array([[0, 0], [ref.width, 0], [ref.width, ref.height], [0, ref.height]], np.float32)
        polygon = cv2.perspectiveTransform(corners.reshape(-1, 1, 2), matrix).reshape(4, 2)
        if not _plausible(polygon):
            return None
        return LogoHit(ref.brand, ref.logo, polygon, inliers, len(ref_pts))


def _build_index(descriptors: np.ndarray | None) -> faiss.IndexBinary:
    if descriptors is None or len(descriptors) <= EXACT_SEARCH_MAX:
        index = faiss.IndexBinaryFlat(256)
    else:
        quantizer = faiss.IndexBinaryFlat(256)
        index = faiss.IndexBinaryIVF(quantizer, 256, max(16, len(descriptors) // 400))
        index.train(np.ascontiguousarray(descriptors))
        index.nprobe = IVF_NPROBE
        index._quantizer = quantizer  # keep the quantizer alive as long as the index
    if descriptors is not None:
        index.add(np.ascontiguousarray(descriptors))
    return index


def _plausible(polygon: np.ndarray) -> bool:
    """A projected logo must be a convex, non-tiny quad whose sides are not wildly unequal."""
    if not np.all(np.isfinite(polygon)):
        return False
    if not cv2.isContourConvex(polygon.astype(np.float32).reshape(-1, 1, 2)):
        return False
    area = cv2.contourArea(polygon.astype(np.float32))
    if area < 24 * 24:
        return False
    sides = np.linalg.norm(np.roll(polygon, -1, axis=0) - polygon, axis=1)
    return bool(sides.min() > 0 and sides.max() / sides.min() < 6.0)
