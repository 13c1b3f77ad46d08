"""Quality bar on the DEVELOPMENT halves of the labelled sets written blind to the detectors: the two blind
sets (tests/data/BLIND.md, BLIND2.md), the annotator-style sets (STYLE.md … STYLE9.md), the hard-negative
sets (HARDNEG.md … HARDNEG3.md) and the evasion set (EVASION.md).

Each blind set is split by id number: ODD ids were used to develop one generalisation round and are
regression data now; EVEN ids are held out, measured once per round and never tuned on
(bench/RESULTS_text.md, "Round 2" … "Round 11"). These tests must never read an even half.
Pipeline = PartnerLinkDetector + the text detectors under the default policy.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from moderation.detectors.partner_link import PartnerLinkDetector
from moderation.engine import text_detectors
from moderation.evaluation import Report, bar_failures, evaluate, load_cases
from moderation.pipeline import Pipeline
from moderation.policy import load_policy

DATA = Path(__file__).resolve().parents[2] / "data"
#: file, id prefix, size of its odd (development) half
BLIND_SETS = [("blind_cases.jsonl", "b", 120), ("blind2_cases.jsonl", "c", 150), ("style_cases.jsonl", "s", 75),
              ("style2_cases.jsonl", "u", 120), ("hardneg_cases.jsonl", "h", 100), ("evasion_cases.jsonl", "w", 100),
              ("style3_cases.jsonl", "v", 120), ("style4_cases.jsonl", "x", 100), ("style5_cases.jsonl", "y", 120),
              ("style6_cases.jsonl", "z", 120), ("hardneg2_cases.jsonl", "g", 100),
              ("style7_cases.jsonl", "r", 120), ("hardneg3_cases.jsonl", "j", 100), ("style8_cases.jsonl", "k", 120),
              ("style9_cases.jsonl", "t", 100)]


def is_dev_half(case_id: str, prefix: str) -> bool:
    return int(case_id.removeprefix(prefix)) % 2 == 1


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline([PartnerLinkDetector(), *text_detectors()], load_policy())


def dev_half(tmp_path: Path, name: str, prefix: str) -> Path:
    rows = [r for r in load_cases(DATA / name) if is_dev_half(r["id"], prefix)]
    path = tmp_path / f"{prefix}_dev_half.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.mark.parametrize(("name", "prefix", "size"), BLIND_SETS)
def test_dev_half_is_the_odd_ids_and_meets_the_bar(pipeline: Pipeline, tmp_path: Path, name: str, prefix: str,
                                                    size: int) -> None:
    path = dev_half(tmp_path, name, prefix)
    rows = load_cases(path)
    assert len(rows) == size and all(is_dev_half(r["id"], prefix) for r in rows)
    report: Report = evaluate(path, pipeline, split="all")["pipeline"]
    assert bar_failures(report) == [], [f"{e['id']} {e['family']}" for e in report.errors]
