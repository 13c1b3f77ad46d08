"""Quality regression on the TUNE split of the shared dev set (the report split is never used here)."""

from __future__ import annotations

from pathlib import Path

import pytest

from moderation.engine import build_pipeline
from moderation.evaluation import bar_failures, evaluate

DEV = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "text_dev.jsonl"


@pytest.fixture(scope="module")
def reports():
    if not DEV.exists():
        pytest.skip(f"dev set not found at {DEV}")
    return evaluate(DEV, build_pipeline(), split="tune")


def test_tune_split_meets_the_bar(reports) -> None:
    assert bar_failures(reports["pipeline"]) == []


def test_pipeline_beats_the_naive_keyword_filter(reports) -> None:
    ours, naive = reports["pipeline"], reports["naive"]
    for family in ours.families:
        assert ours.families[family].f1 >= naive.families[family].f1
    assert ours.hard_negative_fp_rate < naive.hard_negative_fp_rate
