"""Quality regression on the project's OWN labelled cases (tests/data/text_cases.jsonl).

Unlike test_text_quality.py this needs nothing outside the repository, so CI on any clone checks the
quality bar (per-family P/R ≥ 0.95, recall ≥ 0.90 per evasion kind, ≤ 3 % hard negatives flagged).
The set is original data written for this project (see tests/data/README.md).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from moderation.engine import build_pipeline
from moderation.evaluation import bar_failures, evaluate, load_cases

CASES = Path(__file__).resolve().parents[2] / "data" / "text_cases.jsonl"


@pytest.fixture(scope="module")
def reports():
    return evaluate(CASES, build_pipeline(), split="all")


def test_the_set_is_large_and_balanced() -> None:
    rows = load_cases(CASES)
    assert len(rows) >= 300
    assert len({r["id"] for r in rows}) == len(rows) and len({r["text"] for r in rows}) == len(rows)
    clean = [r for r in rows if not any(r["labels"].values())]
    assert 0.30 <= len(clean) / len(rows) <= 0.50
    assert sum(r["hard_negative"] for r in rows) >= 0.4 * len(clean)
    for family in ("false_ad", "counterfeit", "mlm"):
        assert sum(r["labels"][family] for r in rows) >= 50
    kinds = Counter(r["evasion"] for r in rows if any(r["labels"].values()))
    for kind in ("homoglyph", "traditional", "fullwidth", "spacing", "symbols", "pinyin", "emoji", "mixed"):
        assert kinds[kind] >= 3, kind
    for r in rows:  # schema: law empty exactly when clean
        assert (r["law"] == "") == (not any(r["labels"].values())), r["id"]


def test_project_cases_meet_the_bar(reports) -> None:
    ours = reports["pipeline"]
    assert bar_failures(ours) == [], [f"{e['id']} {e['family']}" for e in ours.errors]


def test_pipeline_beats_the_naive_keyword_filter(reports) -> None:
    ours, naive = reports["pipeline"], reports["naive"]
    for family in ours.families:
        assert ours.families[family].f1 > naive.families[family].f1
    assert ours.hard_negative_fp_rate < naive.hard_negative_fp_rate


def test_the_cases_file_is_utf8_jsonl() -> None:
    with open(CASES, encoding="utf-8") as f:
        for line in f:
            json.loads(line)
