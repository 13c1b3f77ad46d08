"""Quality bar on the DEVELOPMENT half of the second blind set (tests/data/blind2_cases.jsonl, see BLIND2.md).

The set is split by id number: ODD ids (c0001, c0003, …; 150 cases) were used to develop the third
generalisation round and are regression data now; EVEN ids are held out and are measured only once per
round, never tuned on (bench/RESULTS_text.md, "Round 3: second blind set"). This test must never read
the even half. Pipeline = PartnerLinkDetector + the text detectors under the default policy.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from moderation.detectors.partner_link import PartnerLinkDetector
from moderation.engine import text_detectors
from moderation.evaluation import bar_failures, evaluate, load_cases
from moderation.pipeline import Pipeline
from moderation.policy import load_policy

BLIND2 = Path(__file__).resolve().parents[2] / "data" / "blind2_cases.jsonl"


def is_dev_half(case_id: str) -> bool:
    return int(case_id.lstrip("c")) % 2 == 1


@pytest.fixture(scope="module")
def dev_half(tmp_path_factory: pytest.TempPathFactory) -> Path:
    rows = [r for r in load_cases(BLIND2) if is_dev_half(r["id"])]
    path = tmp_path_factory.mktemp("blind2") / "dev_half.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def report(dev_half: Path):
    pipeline = Pipeline([PartnerLinkDetector(), *text_detectors()], load_policy())
    return evaluate(dev_half, pipeline, split="all")["pipeline"]


def test_dev_half_is_the_odd_ids(dev_half: Path) -> None:
    rows = load_cases(dev_half)
    assert len(rows) == 150
    assert all(is_dev_half(r["id"]) for r in rows)


def test_dev_half_meets_the_bar(report) -> None:
    assert bar_failures(report) == [], [f"{e['id']} {e['family']}" for e in report.errors]
