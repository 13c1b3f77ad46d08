"""Shared constants of the model tests, in a uniquely named module (several test directories have
a `conftest.py`, so `from conftest import …` would be ambiguous)."""

from __future__ import annotations

from models.train import TrainConfig

#: A 1-layer, 32-wide model: enough to exercise train → save → load in a second or two.
TINY = TrainConfig(hidden_size=32, num_layers=1, num_heads=2, intermediate_size=64, max_length=96,
                   epochs=1, batch_size=8, num_threads=1)
