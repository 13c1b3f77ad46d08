"""The detector plug-in seam.

Every detector — text lexicons, contact extraction, logo matching, hash banks, the learned model —
implements this one small interface, so the pipeline, the worker and the evaluation harness treat
them alike. Confused about where to start? Copy `partner_link.py`: it is the smallest real detector.

Why constructor injection for resources (lexicons, brand registry, hash banks) instead of pulling
them from the context? Resources are loaded once per process (a worker preloads them) and are
versioned; per-item state (normalised text, decoded images) lives in `ScanContext` and is computed
at most once per item however many detectors read it.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, TypeVar

from moderation.types import Recommendation, Signal

T = TypeVar("T")


@dataclass
class ScanContext:
    """Per-recommendation scratch space shared by all detectors during one scan.

    `memo` makes expensive derived views (the normalised text of a field, a decoded image, OCR
    output) computed once and reused: the text detectors all read the same normalisation.
    """

    rec: Recommendation
    _memo: dict[Any, Any] = field(default_factory=dict)

    def memo(self, key: Any, factory: Callable[[], T]) -> T:
        try:
            return self._memo[key]
        except KeyError:
            value = self._memo[key] = factory()
            return value


@dataclass(frozen=True)
class DetectorExample:
    """A worked example: the input and the signal codes it must (or must not) produce.

    Tests and `moderation demo` reuse these, like threatexchange's `get_examples()`.
    """

    rec: Recommendation
    expect_codes: frozenset[str] = frozenset()
    forbid_codes: frozenset[str] = frozenset()
    note: str = ""


class Detector(ABC):
    """Reads one recommendation, returns zero or more calibrated signals.

    Implementers set the three class attributes and `detect`. `version` must change whenever the
    detector's behaviour changes (it is recorded in every verdict so decisions can be replayed).
    Raising is allowed: the pipeline turns an exception into a `DETECTOR_ERROR` scan signal and
    routes the item to review (fail closed).
    """

    name: ClassVar[str]
    families: ClassVar[tuple[str, ...]]
    version: ClassVar[str]
    #: True when the detector reads images; the pipeline can then run it on the image queue.
    uses_images: ClassVar[bool] = False
    #: True for a second opinion that may only reinforce a family some other detector already has
    #: evidence for (the learned model: it is overconfident on text unlike its training data, e.g.
    #: "好物推荐" alone, so on its own it must never flag). The pipeline runs it only on items where
    #: another detector found evidence; there its signals appear in the verdict for every family.
    corroborates_only: ClassVar[bool] = False

    @abstractmethod
    def detect(self, rec: Recommendation, ctx: ScanContext) -> list[Signal]: ...

    @property
    def resource_versions(self) -> dict[str, str]:
        """Versions of the data this instance was built from (lexicon, brand registry …)."""
        return {}

    def detect_many(self, recs: Sequence[Recommendation], ctxs: Sequence[ScanContext]) -> list[list[Signal]]:
        """Signals for several items at once. The default loops over `detect`; a detector whose
        cost is per call rather than per item (a neural model's forward pass) overrides it, and
        workers scanning a job of many items then get batched inference for free."""
        return [self.detect(rec, ctx) for rec, ctx in zip(recs, ctxs, strict=True)]

    @classmethod
    def get_examples(cls) -> list[DetectorExample]:
        return []
