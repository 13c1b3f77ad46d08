"""Train → save → load → predict on a tiny model: shapes, ranges, determinism, exact round-trip."""

from __future__ import annotations

import json
from pathlib import Path

import torch
from safetensors.torch import load_file
from textclf_helpers import TINY  # type: ignore[import-not-found]

from models.classifier import TextClassifier
from models.dataset import Example
from models.train import train_model
from moderation.types import FAMILIES

TEXTS = ["高仿LV包包 1:1 原单", "招代理，加VX详聊，月入过万", "周末自己洗车，泡沫丰富", "未知字符鑫😀", ""]


def test_predict_returns_one_probability_per_family_per_text(tiny_artifact: Path) -> None:
    clf = TextClassifier.load(tiny_artifact)
    probs = clf.predict(TEXTS)
    assert len(probs) == len(TEXTS)
    for p in probs:
        assert set(p) == set(FAMILIES)
        assert all(0.0 <= v <= 1.0 for v in p.values())
    assert clf.predict([]) == []


def test_predictions_are_deterministic_and_batch_independent(tiny_artifact: Path) -> None:
    clf = TextClassifier.load(tiny_artifact, num_threads=1)
    batched = clf.predict(TEXTS, batch_size=32)
    assert clf.predict(TEXTS, batch_size=32) == batched
    one_by_one = [clf.predict([t])[0] for t in TEXTS]
    for a, b in zip(batched, one_by_one, strict=True):
        for family in FAMILIES:
            assert abs(a[family] - b[family]) < 1e-5


def test_save_load_round_trip_is_exact(tiny_examples: list[Example], tmp_path: Path) -> None:
    from models.train import save_artifact

    model, tokenizer, _ = train_model(tiny_examples, TINY, max_steps=2)
    meta = save_artifact(model, tokenizer, tmp_path, {"train_data": "tiny"})
    loaded = TextClassifier.load(tmp_path)
    saved = load_file(str(tmp_path / "model.safetensors"))
    for name, tensor in model.state_dict().items():
        if name in saved:
            assert torch.equal(saved[name], tensor), name
    assert TextClassifier(model, tokenizer).predict(TEXTS) == loaded.predict(TEXTS)
    assert loaded.version == meta["version"] == json.loads((tmp_path / "metadata.json").read_text())["version"]


def test_training_is_reproducible(tiny_examples: list[Example], tiny_artifact: Path, tmp_path: Path) -> None:
    """Same data + config → same weights → same version: the version identifies behaviour."""
    from models.train import save_artifact

    model, tokenizer, _ = train_model(tiny_examples, TINY, max_steps=4)
    again = save_artifact(model, tokenizer, tmp_path, {"train_data": "tiny"})
    first = json.loads((tiny_artifact / "metadata.json").read_text())
    assert again["version"] == first["version"]
    assert again["version"].startswith("text-clf-")


def test_load_refuses_a_missing_directory(tmp_path: Path) -> None:
    import pytest

    with pytest.raises(FileNotFoundError):
        TextClassifier.load(tmp_path / "nope")
