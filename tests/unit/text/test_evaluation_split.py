"""`moderation eval --split` picks the same halves as training: digit rule for dev ids, odd/even for blind sets."""

from __future__ import annotations

import pytest

from models.dataset import BLIND_SETS, split_of
from moderation.evaluation import in_split


@pytest.mark.parametrize(("case_id", "split"), [
    ("d0017", "report"), ("d0016", "tune"), ("p0019", "report"), ("p0011", "tune"),
    ("y0002", "report"), ("y0017", "tune"), ("e0118", "report"), ("e0001", "tune"),
])
def test_split_of_an_id(case_id: str, split: str) -> None:
    assert in_split(case_id, split)
    assert not in_split(case_id, "tune" if split == "report" else "report")
    assert in_split(case_id, "all")


def test_blind_halves_agree_with_training() -> None:
    for prefix in BLIND_SETS:
        for n in range(1, 21):
            case_id = f"{prefix}{n:04d}"
            assert in_split(case_id, split_of(case_id))


def test_unknown_split_is_refused() -> None:
    with pytest.raises(ValueError):
        in_split("d0001", "train")
