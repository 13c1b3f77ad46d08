"""FalseAdDetector: its worked examples, and hard cases written for this test (not taken from the dev set)."""

from __future__ import annotations

import detector_harness as harness
import pytest
from detector_harness import FLAG, rec

from moderation.detectors.base import ScanContext
from moderation.detectors.false_ad import FalseAdDetector
from moderation.types import Recommendation

DETECTOR = FalseAdDetector()


def flagged_codes(r: Recommendation) -> set[str]:
    return harness.flagged_codes(DETECTOR, r)


def family_score(r: Recommendation) -> float:
    return harness.family_score(DETECTOR, r, "false_ad")


@pytest.mark.parametrize("text", [
    "史上最舒服的一双鞋",
    "行业第一品牌的洗衣液",
    "全 网 最 低 价，冲！",
    "世界級工藝，頂級品質",
    "zuihao用的防晒",
    "这款茶能降血压，还能治失眠",
    "喝了一个月瘦了12斤，不瘦退款",
    "三个月长高8厘米",
    "皮肤科专家推荐的面霜",
    "面霜能冶愈湿疹",
])
def test_violations_are_flagged(text: str) -> None:
    assert family_score(rec(text, category="食品")) >= FLAG


@pytest.mark.parametrize(("text", "category"), [
    ("最近换季皮肤有点干", "美妆"),
    ("最后一件了，手慢无", "服饰"),
    ("第一次用这种质地的面霜", "美妆"),
    ("这台冰箱是一级能效", "家电"),
    ("治愈系小说推荐", "图书"),
    ("唯一的缺点是有点重", "数码"),
    ("电子体温计，注册证号见包装，用于测量体温，发热请及时就医治疗", "医疗器械"),
    ("蓝帽子保健食品，保健功能：增强免疫力。本品不能代替药物", "保健食品"),
    ("流感季记得戴口罩", "个护"),
])
def test_hard_negatives_stay_clean(text: str, category: str) -> None:
    assert family_score(rec(text, category=category)) < FLAG


def test_health_food_cure_cites_article_18() -> None:
    signals = DETECTOR.detect(r := rec("吃了能治疗糖尿病", category="保健食品"), ScanContext(r))
    assert any(s.code == "AD_HEALTH_FOOD_CURE" and "第十八条" in (s.law or "") for s in signals)
