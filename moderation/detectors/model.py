"""The learned second opinion: a small character-level BERT scoring all three families.

Why a *weak* second opinion? The lexicon detectors explain themselves (this word, this clause of
广告法); the model only says "this reads like the positives I was trained on", from a few hundred
hand-written posts. So its probability is mapped to a score that mostly *adds* to lexicon evidence
under the pipeline's noisy-OR fusion instead of flagging on its own:

    p < emit_probability (0.5)          → no signal
    emit_probability ≤ p ≤ confident    → score rises linearly from 0.20 to 0.50
    p > confident_probability (0.97)    → score keeps rising with the same slope, capped at 0.55

A lone model signal reaches the flag line (0.5) only at p ≥ 0.97; a borderline lexicon hit of 0.4
plus a model score of 0.2 fuses to 0.52 and gets a human look. The shares of report-split posts
that the model alone flags, and how precise those flags are, are measured by
`bench/bench_model.py` (bench/RESULTS_model.md). Change the numbers here and the detector's
version changes with them.

Why is it only a corroborating detector (`corroborates_only`)? Fused freely it flagged short,
generic clean posts ("好物推荐") on probabilities learnt from far longer text; as a second opinion its
signals count only in a family where a lexicon detector already found evidence, which keeps its
recall gains and none of those false positives (bench/RESULTS_model.md, "Product default"). It is
on by default; it costs far more CPU than the lexicon path (≈ 5× at batch 32, ≈ 15× at batch 1 on
short posts), so workers score it per job batch (`detect_many`) and `MODERATION_USE_TEXT_MODEL=false`
turns it off.

Its input is the title and text folded to 简体 (`models.dataset.model_input`), so a 繁體 post
reads to it like its simplified twin.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from moderation.detectors.base import Detector, DetectorExample, ScanContext
from moderation.types import FAMILIES, ElementsEvidence, Product, Recommendation, Signal, TextSpan

if TYPE_CHECKING:  # torch and transformers load only when a detector is actually built
    from models.classifier import TextClassifier

#: Bumped when the mapping from probability to signal changes (the model has its own version).
CALIBRATION_VERSION = "1"


@dataclass(frozen=True)
class Calibration:
    """Probability → signal score; see the module docstring for why these numbers."""

    emit_probability: float = 0.5
    confident_probability: float = 0.97
    floor_score: float = 0.20
    confident_score: float = 0.50
    max_score: float = 0.55

    def score(self, probability: float) -> float | None:
        """The signal score for a model probability, or None when the model should stay silent."""
        if probability < self.emit_probability:
            return None
        slope = (self.confident_score - self.floor_score) / (self.confident_probability - self.emit_probability)
        return min(self.max_score, self.floor_score + slope * (probability - self.emit_probability))

    def tag(self) -> str:
        return (f"c{CALIBRATION_VERSION}:{self.emit_probability}-{self.confident_probability}"
                f"->{self.floor_score}-{self.confident_score}^{self.max_score}")


class TextModelDetector(Detector):
    name = "text_model"
    families = FAMILIES
    corroborates_only = True
    version = "text_model"  # replaced per instance by the artifact's version, see __init__

    def __init__(self, classifier: TextClassifier | None = None, calibration: Calibration | None = None,
                 num_threads: int | None = None):
        if classifier is None:
            from models.classifier import TextClassifier

            classifier = TextClassifier.load(num_threads=num_threads)
        self.classifier = classifier
        self.calibration = calibration or Calibration()
        # Instance attribute on purpose: the behaviour depends on the loaded weights, so the version
        # recorded in a verdict is the artifact's (weights hash) plus the calibration in force.
        self.version = f"{classifier.version}+{self.calibration.tag()}"

    @property
    def resource_versions(self) -> dict[str, str]:
        return {"model": self.classifier.version}

    def detect(self, rec: Recommendation, ctx: ScanContext) -> list[Signal]:
        return self.detect_batch([rec])[0]

    def detect_many(self, recs: Sequence[Recommendation], ctxs: Sequence[ScanContext]) -> list[list[Signal]]:
        return self.detect_batch(recs)

    def detect_batch(self, recs: Sequence[Recommendation]) -> list[list[Signal]]:
        """Score many recommendations in one batched forward pass (workers scanning a job batch
        get most of the model's throughput this way; `detect` alone is batch size 1)."""
        from models.dataset import model_input

        texts = [model_input(r.product.title if r.product else None, r.text) for r in recs]
        probs = self.classifier.predict(texts)
        return [self.signals_for(rec, p) for rec, p in zip(recs, probs, strict=True)]

    def signals_for(self, rec: Recommendation, probabilities: dict[str, float]) -> list[Signal]:
        signals = []
        spans: tuple[TextSpan, ...] | None = None  # the same for every family: built once
        for family in FAMILIES:
            p = probabilities[family]
            score = self.calibration.score(p)
            if score is None:
                continue
            spans = spans or self._spans(rec)
            signals.append(Signal(
                family=family,
                code=f"MODEL_{family.upper()}",
                score=score,
                evidence=self._evidence(spans, family, p),
                detector=self.name,
            ))
        return signals

    @staticmethod
    def _spans(rec: Recommendation) -> tuple[TextSpan, ...]:
        """The model reads the whole title and text, so the honest span is all of both."""
        from models.dataset import model_input

        return tuple(TextSpan(field, 0, len(value), value, model_input(None, value))
                     for field, value in rec.text_fields().items())

    def _evidence(self, spans: tuple[TextSpan, ...], family: str, probability: float) -> ElementsEvidence:
        return ElementsEvidence(
            elements=(f"model:{family}",),
            spans=spans,
            detail={"probability": round(probability, 4), "model": self.classifier.version,
                    "calibration": self.calibration.tag()},
        )

    @classmethod
    def get_examples(cls) -> list[DetectorExample]:
        """Posts the shipped model scores far from the line (checked by the model tests)."""
        return [
            DetectorExample(
                Recommendation(id="ex-cf", text="高仿LV包包，1:1原单复刻，和专柜一模一样，懂的来",
                               product=Product(title="LV 老花 手提包", price=380.0)),
                expect_codes=frozenset({"MODEL_COUNTERFEIT"}), note="高仿 + 1:1 + 原单 at a fake price",
            ),
            DetectorExample(
                Recommendation(id="ex-mlm", text="招代理！零门槛创业，拿货就返利，发展下线月入过万，加VX详聊",
                               product=Product(title="面膜 代理")),
                expect_codes=frozenset({"MODEL_MLM"}), note="招代理 + 发展下线 + VX",
            ),
            DetectorExample(
                Recommendation(id="ex-clean", text="周末自己洗车，泡沫丰富，冲洗后没水痕，一瓶能用好几次",
                               product=Product(title="洗车泡沫 1L")),
                forbid_codes=frozenset({"MODEL_FALSE_AD", "MODEL_COUNTERFEIT", "MODEL_MLM"}),
                note="an ordinary product post",
            ),
        ]
