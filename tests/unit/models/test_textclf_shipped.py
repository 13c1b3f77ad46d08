"""The committed artifact: loads with the hub switched off, scores well above chance, and the
`text_model` detector turns its probabilities into weak, well-formed signals."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from models.classifier import DEFAULT_ARTIFACT, TextClassifier
from models.dataset import DEV_DATA, TRAIN_DATA, load_examples
from models.evaluate import evaluate_examples
from moderation.detectors.base import ScanContext
from moderation.detectors.model import Calibration, TextModelDetector
from moderation.types import FAMILIES, ElementsEvidence, Recommendation

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def shipped() -> TextClassifier:
    return TextClassifier.load()


def test_artifact_is_small_and_versioned_by_its_weights() -> None:
    from models.dataset import DEFAULT_TRAIN_FILES, file_sha256

    meta = json.loads((DEFAULT_ARTIFACT / "metadata.json").read_text(encoding="utf-8"))
    weights = DEFAULT_ARTIFACT / "model.safetensors"
    assert sum(p.stat().st_size for p in DEFAULT_ARTIFACT.iterdir()) < 20 * 1024 * 1024
    assert meta["weights_sha256"] == file_sha256(weights)
    assert meta["version"] == f"text-clf-{meta['weights_sha256'][:16]}"
    # The artifact was trained on exactly the data files the project ships (retrain after editing them).
    assert meta["train_data_sha256"] == {p.name: file_sha256(p) for p in DEFAULT_TRAIN_FILES}


def test_artifact_loads_offline_in_a_fresh_process() -> None:
    code = (
        "from models.classifier import TextClassifier;"
        "p = TextClassifier.load().predict(['高仿LV包包，1:1原单'])[0];"
        "print(round(p['counterfeit'], 3))"
    )
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "HF_HOME": "/nonexistent-hf-home"}
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert float(done.stdout.strip().splitlines()[-1]) > 0.5


def test_scores_above_chance_on_the_tune_split(shipped: TextClassifier) -> None:
    examples = load_examples(TRAIN_DATA, split="tune")
    result = evaluate_examples(shipped, examples)
    for k, family in enumerate(FAMILIES):
        base_rate = sum(ex.labels[k] for ex in examples) / len(examples)
        chance_f1 = 2 * base_rate / (1 + base_rate)  # flag everything
        assert result[family]["f1"] > max(0.8, chance_f1 + 0.3), (family, result[family])


@pytest.mark.skipif(not DEV_DATA.exists(), reason="shared dev set not present")
def test_report_split_does_not_regress(shipped: TextClassifier) -> None:
    """A floor, not a target: the released model scored F1 0.75 / 0.92 / 0.79 here."""
    result = evaluate_examples(shipped, load_examples(DEV_DATA, split="report"))
    for family in FAMILIES:
        assert result[family]["f1"] >= 0.6, (family, result[family])


def test_calibration_keeps_the_model_a_weak_opinion() -> None:
    cal = Calibration()
    assert cal.score(0.49) is None
    assert cal.score(0.5) == pytest.approx(0.2)
    assert cal.score(0.9) < 0.5 <= cal.score(0.97) + 1e-9
    assert cal.score(1.0) <= cal.max_score
    grid = [0.5 + i / 100 for i in range(51)]
    scores = [cal.score(p) for p in grid]
    assert scores == sorted(scores)


def test_detector_examples_hold_with_the_shipped_model(shipped: TextClassifier) -> None:
    detector = TextModelDetector(shipped)
    for ex in TextModelDetector.get_examples():
        codes = {s.code for s in detector.detect(ex.rec, ScanContext(ex.rec))}
        assert ex.expect_codes <= codes, ex.note
        assert not (ex.forbid_codes & codes), ex.note


def test_detector_signals_are_well_formed(shipped: TextClassifier) -> None:
    detector = TextModelDetector(shipped)
    assert detector.name == "text_model" and detector.families == FAMILIES
    assert detector.version.startswith(shipped.version)
    assert detector.resource_versions == {"model": shipped.version}
    rec = TextModelDetector.get_examples()[0].rec
    (signal,) = [s for s in detector.detect(rec, ScanContext(rec)) if s.family == "counterfeit"]
    assert signal.code == "MODEL_COUNTERFEIT" and signal.detector == "text_model"
    assert 0.2 <= signal.score <= Calibration().max_score
    assert isinstance(signal.evidence, ElementsEvidence)
    span = next(s for s in signal.evidence.spans if s.field == "text")
    assert (span.start, span.end, span.text) == (0, len(rec.text), rec.text)
    assert signal.evidence.detail["model"] == shipped.version
    json.dumps(signal.to_dict(), ensure_ascii=False)


def test_detect_batch_matches_detect(shipped: TextClassifier) -> None:
    detector = TextModelDetector(shipped)
    recs = [ex.rec for ex in TextModelDetector.get_examples()] + [Recommendation(id="plain", text="好用")]
    batched = detector.detect_batch(recs)
    single = [detector.detect(r, ScanContext(r)) for r in recs]
    assert [[s.code for s in sigs] for sigs in batched] == [[s.code for s in sigs] for sigs in single]
