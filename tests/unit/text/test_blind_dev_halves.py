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

from models.dataset import BLIND_SETS, split_of
from moderation.detectors.partner_link import PartnerLinkDetector
from moderation.engine import text_detectors
from moderation.evaluation import Report, bar_failures, evaluate, load_cases
from moderation.pipeline import Pipeline
from moderation.policy import load_policy

DATA = Path(__file__).resolve().parents[2] / "data"
#: Size of each set's odd (development) half, by id prefix; the files are `models.dataset.BLIND_SETS`.
DEV_HALF_SIZES = {"b": 120, "c": 150, "s": 75, "u": 120, "h": 100, "w": 100, "v": 120, "x": 100, "y": 120,
                  "z": 120, "g": 100, "r": 120, "j": 100, "k": 120, "t": 100, "q": 120, "n": 120, "e": 120, "f": 100}


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline([PartnerLinkDetector(), *text_detectors()], load_policy())


def dev_half(tmp_path: Path, prefix: str) -> Path:
    """The set's trainable split as the training code defines it (`split_of`), written to a file."""
    rows = [r for r in load_cases(DATA / BLIND_SETS[prefix]) if split_of(r["id"]) == "tune"]
    path = tmp_path / f"{prefix}_dev_half.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def test_every_registered_blind_set_is_checked() -> None:
    assert set(DEV_HALF_SIZES) == set(BLIND_SETS)


@pytest.mark.parametrize(("prefix", "size"), sorted(DEV_HALF_SIZES.items()))
def test_dev_half_is_the_odd_ids_and_meets_the_bar(pipeline: Pipeline, tmp_path: Path, prefix: str,
                                                    size: int) -> None:
    path = dev_half(tmp_path, prefix)
    rows = load_cases(path)
    assert len(rows) == size and all(int(r["id"].removeprefix(prefix)) % 2 == 1 for r in rows)
    report: Report = evaluate(path, pipeline, split="all")["pipeline"]
    assert bar_failures(report) == [], [f"{e['id']} {e['family']}" for e in report.errors]
