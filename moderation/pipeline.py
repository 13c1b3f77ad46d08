"""The scan pipeline: run detectors, fuse their signals per family, apply the policy.

Fusion is a noisy-OR over *distinct codes*: several hits of the same code (the word 最 three times)
count once at their strongest, while independent kinds of evidence (an absolute term AND a disease
claim) reinforce each other. Detectors calibrate each code's score so that 0.5 means "flag".
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence

from moderation.detectors.base import Detector, ScanContext
from moderation.policy import Policy
from moderation.types import FAMILIES, SCAN_FAMILY, Recommendation, ScanError, Signal, Verdict

log = logging.getLogger(__name__)

PIPELINE_VERSION = "pipeline-3"
#: A corroborating detector's signal counts only in a family where another detector's evidence is at
#: least this strong. Below it is evidence that context has already damped (尾货 from a shop selling
#: its own label, slang at an authorised store, an unauthorised merchant with nothing else) or that
#: a detector keeps only as a note (an income promise with no §7 element): the learned model must
#: not turn that into a flag. Weak but undamped evidence (a disease name, a weak claim verb, 0.3)
#: still counts: lifting it is what the model is for (measured: a floor of 0.35 cost recall).
CORROBORATION_FLOOR = 0.2


def evidenced_families(signals: Iterable[Signal], corroborating: frozenset[str]) -> set[str]:
    """Families in which a non-corroborating detector found evidence a second opinion may reinforce."""
    return {s.family for s in signals if s.detector not in corroborating and s.score >= CORROBORATION_FLOOR}


def fuse(signals: Iterable[Signal], corroborating: frozenset[str] = frozenset()) -> dict[str, float]:
    """Per-family score in [0, 1]: noisy-OR of the strongest signal of each code.

    Signals of `corroborating` detectors count only in families where another detector found
    evidence of at least `CORROBORATION_FLOOR` (see `Detector.corroborates_only`).
    """
    signals = list(signals)
    evidenced = evidenced_families(signals, corroborating)
    best: dict[tuple[str, str], float] = {}
    for s in signals:
        if s.family in FAMILIES and (s.detector not in corroborating or s.family in evidenced):
            key = (s.family, s.code)
            best[key] = max(best.get(key, 0.0), s.score)
    scores: dict[str, float] = {}
    for family in FAMILIES:
        miss = 1.0
        for (fam, _code), score in best.items():
            if fam == family:
                miss *= 1.0 - score
        scores[family] = 1.0 - miss
    return scores


class Pipeline:
    """Runs a fixed set of detectors under one policy. Build it once per process; it is reusable
    and holds no per-item state (that lives in `ScanContext`)."""

    def __init__(self, detectors: Sequence[Detector], policy: Policy, extra_versions: dict[str, str] | None = None):
        names = [d.name for d in detectors]
        if len(set(names)) != len(names):
            raise ValueError(f"duplicate detector names: {names}")
        self.detectors = tuple(detectors)
        self.policy = policy
        self._corroborating = frozenset(d.name for d in detectors if d.corroborates_only)
        self._extra_versions = dict(extra_versions or {})

    @property
    def versions(self) -> dict[str, str]:
        """Every version that influences a verdict: policy, pipeline, each detector and its data."""
        versions = {"policy": self.policy.version, "pipeline": PIPELINE_VERSION, **self._extra_versions}
        for d in self.detectors:
            versions[f"detector:{d.name}"] = d.version
            versions.update(d.resource_versions)
        return versions

    def with_policy(self, policy: Policy) -> Pipeline:
        return Pipeline(self.detectors, policy, self._extra_versions)

    def collect(self, rec: Recommendation, ctx: ScanContext | None = None) -> list[Signal]:
        """All signals for `rec`; a crashing detector becomes a DETECTOR_ERROR scan signal."""
        return self.collect_many([rec], [ctx or ScanContext(rec)])[0]

    def collect_many(self, recs: Sequence[Recommendation], ctxs: Sequence[ScanContext] | None = None
                     ) -> list[list[Signal]]:
        """`collect` for a batch: each detector sees all items in one `detect_many` call.

        Corroborating detectors run last and only on the items where another detector found
        evidence (`evidenced_families`): elsewhere their signals could not change any score under
        any policy, and the learned model costs more than all lexicon detectors together — most
        posts are clean, so skipping it there is most of the scoring API's latency.
        """
        ctxs = ctxs if ctxs is not None else [ScanContext(r) for r in recs]
        out: list[list[Signal]] = [[] for _ in recs]
        for detector in self.detectors:
            if not detector.corroborates_only:
                self._run(detector, range(len(recs)), recs, ctxs, out)
        second_opinions = [d for d in self.detectors if d.corroborates_only]
        if second_opinions:
            evidenced = [i for i, signals in enumerate(out) if evidenced_families(signals, self._corroborating)]
            for detector in second_opinions:
                self._run(detector, evidenced, recs, ctxs, out)
        for rec, signals in zip(recs, out, strict=True):
            signals.extend(self._unscanned_images(rec))
        return out

    def _run(self, detector: Detector, items: Sequence[int], recs: Sequence[Recommendation],
             ctxs: Sequence[ScanContext], out: list[list[Signal]]) -> None:
        """Add `detector`'s signals for the items at positions `items` to `out`."""
        if not items:
            return
        batch, batch_ctxs = [recs[i] for i in items], [ctxs[i] for i in items]
        try:
            per_item = detector.detect_many(batch, batch_ctxs)
        except Exception:  # one bad item must not fail the batch: retry item by item
            per_item = [self._detect_one(detector, rec, ctx) for rec, ctx in zip(batch, batch_ctxs, strict=True)]
        for i, found in zip(items, per_item, strict=True):
            out[i].extend(found)

    @staticmethod
    def _detect_one(detector: Detector, rec: Recommendation, ctx: ScanContext) -> list[Signal]:
        try:
            return detector.detect(rec, ctx)
        except Exception as exc:  # fail closed: a broken detector sends the item to review
            log.exception("detector %s failed on %s", detector.name, rec.id)
            return [
                Signal(
                    family=SCAN_FAMILY,
                    code="DETECTOR_ERROR",
                    score=1.0,
                    evidence=ScanError(reason=f"{type(exc).__name__}: {exc}"[:300], detector=detector.name),
                    detector=detector.name,
                )
            ]

    def _unscanned_images(self, rec: Recommendation) -> list[Signal]:
        signals: list[Signal] = []
        if rec.images and not any(d.uses_images for d in self.detectors):
            # Fail closed: images nobody looked at could carry a logo, a QR code or a WeChat ID.
            signals.append(
                Signal(
                    family=SCAN_FAMILY,
                    code="IMAGES_NOT_SCANNED",
                    score=1.0,
                    evidence=ScanError(reason="no image detector is configured"),
                    detector="pipeline",
                )
            )
        return signals

    def decide(self, signals: Sequence[Signal]) -> Verdict:
        scores = fuse(signals, self._corroborating)
        complete = not any(s.family == SCAN_FAMILY for s in signals)
        route, reasons = self.policy.route(scores, complete)
        ordered = sorted(signals, key=lambda s: (-s.score, s.family, s.code))
        return Verdict(route, scores, tuple(ordered), self.versions, complete, reasons)

    def scan(self, rec: Recommendation, ctx: ScanContext | None = None) -> Verdict:
        return self.decide(self.collect(rec, ctx))
