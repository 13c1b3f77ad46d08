"""Fixtures for the model tests: a tiny model trained for a few steps, saved in a tmp dir.

Why train one instead of using the shipped artifact everywhere? The round-trip and determinism
tests must exercise `train → save → load` itself, and a 1-layer, 32-wide model trained for a few
steps does that in a couple of seconds; the shipped artifact gets its own offline-load test.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textclf_helpers import TINY  # type: ignore[import-not-found]

from models.dataset import TRAIN_DATA, Example, load_examples
from models.train import save_artifact, train_model


@pytest.fixture(scope="session")
def tiny_examples() -> list[Example]:
    return load_examples(TRAIN_DATA)[:48]


@pytest.fixture(scope="session")
def tiny_artifact(tmp_path_factory: pytest.TempPathFactory, tiny_examples: list[Example]) -> Path:
    out = tmp_path_factory.mktemp("tiny-text-clf")
    model, tokenizer, _ = train_model(tiny_examples, TINY, max_steps=4)
    save_artifact(model, tokenizer, out, {"train_data": "tiny"})
    return out
