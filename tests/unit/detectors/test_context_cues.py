"""Context cues describe the post, not one family: every text detector reads the same set."""

from __future__ import annotations

import pytest
from detector_harness import FLAG, flagged_codes, rec

from moderation.detectors.base import ScanContext
from moderation.detectors.context import SCAM_WARNING_FACTOR, context_cues, in_play
from moderation.detectors.diversion import DiversionDetector
from moderation.detectors.false_ad import FalseAdDetector
from moderation.detectors.mlm import MlmDetector
from moderation.text.fields import field_views
from moderation.text.matcher import default_matcher


def cues_of(text: str) -> frozenset[str]:
    r = rec(text)
    return context_cues(field_views(r, ScanContext(r), default_matcher()))


def test_cues_come_from_every_family_lexicon() -> None:
    cues = cues_of("桌游店投资加盟前看过不少防骗贴，货号15920231108")
    assert {"game", "investment", "scam_warning", "number_label"} <= cues


def test_no_cue_in_a_plain_pitch() -> None:
    assert cues_of("招代理，代理费3980，发展下线拿提成") == frozenset()


@pytest.mark.parametrize(("cues", "expected"), [
    (frozenset({"game"}), True),
    (frozenset({"game", "investment"}), False),
    (frozenset({"investment"}), False),
    (frozenset(), False),
])
def test_in_play(cues: frozenset[str], expected: bool) -> None:
    assert in_play(cues) is expected


def test_a_game_named_only_in_the_mlm_cues_is_a_game_for_false_ad_too() -> None:
    """卡坦岛 is listed among the mlm lexicon's game cues only; the false-ad detector used to read its
    own cues alone and called a board-game remark an investment promise."""
    false_ad = FalseAdDetector()
    assert "AD_RETURN_PROMISE" not in flagged_codes(false_ad, rec("卡坦岛里囤羊毛换港口，稳赚不赔", category="玩具"))
    assert "AD_RETURN_PROMISE" in flagged_codes(false_ad, rec("卡坦岛主题桌游店投资，稳赚不赔", category="玩具"))


def test_a_scam_warning_damps_mlm_and_diversion_phrases_alike() -> None:
    warning = rec("防骗提醒：有人让你加微信、交代理费、发展下线，都是骗局")
    for detector in (MlmDetector(), DiversionDetector()):
        signals = detector.detect(warning, ScanContext(warning))
        assert signals, detector.name
        assert all(s.score < FLAG * SCAM_WARNING_FACTOR * 2 for s in signals), detector.name
    pitch = rec("有人让你加微信、交代理费、发展下线")
    assert max(s.score for s in MlmDetector().detect(pitch, ScanContext(pitch))) >= FLAG
