"""The shipped training file is the tune split, nothing else; augmentation keeps labels and is
repeatable for a seed."""

from __future__ import annotations

import json
import random

import pytest

from models.dataset import (
    BLIND_SETS,
    DEV_DATA,
    TESTS_DATA,
    TRAIN_DATA,
    evasion_variant,
    insert_symbols,
    load_examples,
    model_input,
    split_of,
)
from models.tokenizer import normalize


def test_split_follows_the_last_digit_of_the_id() -> None:
    assert [split_of(f"d00{d}") for d in "0123456789"] == ["tune"] * 7 + ["report"] * 3


def test_blind_sets_train_on_their_odd_halves_only() -> None:
    assert [split_of(i) for i in ("b0001", "b0002", "u0239", "h0200", "p0002")] == [
        "tune", "report", "tune", "report", "tune"]
    # every held-out set, trained on by default or not: its even half never reaches training
    assert {split_of(f"{prefix}0002") for prefix in BLIND_SETS} == {"report"}
    for path in (TESTS_DATA / name for name in BLIND_SETS.values()):
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        kept = {ex.id for ex in load_examples(path, split="tune")}
        assert kept == {r["id"] for r in rows if int(r["id"][1:]) % 2 == 1}


def test_model_input_joins_title_and_text() -> None:
    assert model_input("LV 包", "高仿") == "LV 包 | 高仿"
    assert model_input(None, "高仿") == model_input("", "高仿") == "高仿"


def test_model_input_folds_traditional_script_and_keeps_the_rest() -> None:
    """A 繁體 post reads to the model like its simplified twin; punctuation and spelling stay."""
    assert model_input("蘋果 手機", "正品國行，加微信詳聊") == model_input("苹果 手机", "正品国行，加微信详聊")
    assert model_input(None, "正/品 国.行，加 Ｖ❤ 详聊") == "正/品 国.行，加 Ｖ❤ 详聊"


def test_shipped_training_data_has_no_report_rows() -> None:
    examples = load_examples(TRAIN_DATA)
    assert len(examples) > 400
    assert all(split_of(ex.id) == "tune" for ex in examples)
    assert load_examples(TRAIN_DATA, split="report") == []


@pytest.mark.skipif(not DEV_DATA.exists(), reason="shared dev set not present")
def test_shipped_training_data_is_exactly_the_tune_split_of_the_dev_set() -> None:
    dev = [json.loads(line) for line in DEV_DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    shipped = [json.loads(line) for line in TRAIN_DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert shipped == [row for row in dev if split_of(row["id"]) == "tune"]


def test_evasion_variant_is_seeded_and_keeps_the_title() -> None:
    text = model_input("LV 老花包", "高仿LV包包，1:1原单，加VX详聊")
    title = model_input(None, "LV 老花包")
    a = [evasion_variant(text, random.Random(3)) for _ in range(1)]
    b = [evasion_variant(text, random.Random(3)) for _ in range(1)]
    assert a == b
    variants = {evasion_variant(text, random.Random(seed)) for seed in range(20)}
    assert len(variants) > 5
    assert all(v.startswith(f"{title} | ") for v in variants)


def test_symbol_insertion_only_adds_characters() -> None:
    text = "高仿包包原单"
    out = insert_symbols(text, random.Random(0), rate=1.0)
    assert len(out) == 2 * len(text) - 1
    assert out[::2] == text
    assert normalize(out) != normalize(text)  # symbols survive normalisation: the model must learn them
